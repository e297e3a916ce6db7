// Parser of `gemini --output-format stream-json` (agents.md §6): init, message deltas, tool_use,
// tool_result, error (non-fatal), result{status, stats}. Turns = model calls (text or tool use
// after the start or after a tool result), the unit `model.maxSessionTurns` counts.
import type { NormalizedEvent, StreamParser } from './types.js';
import { makeParser, raw, type ParseState } from './parse-base.js';
import { num, obj, optNum, str } from './json.js';

export function createGeminiParser(): StreamParser {
  let inTurn = false;
  let text = '';
  const toolNames = new Map<string, string>();
  const turn = (st: ParseState): NormalizedEvent[] => {
    if (inTurn) return [];
    inTurn = true;
    text = '';
    return [st.usage({}, { turn: true })];
  };
  return makeParser({
    handle(o, st, line) {
      switch (o.type) {
        case 'init':
          if (typeof o.session_id === 'string') st.sessionId = o.session_id;
          if (typeof o.model === 'string') st.model = o.model;
          return [
            {
              kind: 'init',
              ...(st.sessionId ? { sessionId: st.sessionId } : {}),
              ...(st.model ? { model: st.model } : {}),
            },
          ];
        case 'message': {
          if (o.role !== 'assistant') return [];
          const content = str(o.content) ?? '';
          const evs = turn(st);
          text = o.delta === true ? text + content : content;
          st.resultText = text;
          evs.push({ kind: 'text', text: content, ...(o.delta === true ? { delta: true } : {}) });
          return evs;
        }
        case 'tool_use': {
          const evs = turn(st);
          const name = str(o.tool_name) ?? 'tool';
          const id = str(o.tool_id);
          if (id !== undefined) toolNames.set(id, name);
          evs.push({ kind: 'tool', phase: 'start', name, ...(id !== undefined ? { id } : {}) });
          return evs;
        }
        case 'tool_result': {
          inTurn = false;
          const id = str(o.tool_id);
          const name = (id !== undefined ? toolNames.get(id) : undefined) ?? 'tool';
          return [
            { kind: 'tool', phase: 'end', name, ok: o.status === 'success', ...(id !== undefined ? { id } : {}) },
          ];
        }
        case 'error':
          return [{ kind: 'warning', message: str(o.message) ?? 'error' }];
        case 'result': {
          st.final = true;
          st.finalError = o.status !== 'success';
          const stats = obj(o.stats);
          const cached = num(stats.cached);
          const input = optNum(stats.input) ?? Math.max(0, num(stats.input_tokens) - cached);
          st.tokens = { input: Math.max(0, input), output: num(stats.output_tokens), cacheRead: cached, cacheWrite: 0 };
          const models = obj(stats.models);
          if (Object.keys(models).length > 0) {
            st.perModel = {};
            for (const [model, v] of Object.entries(models)) {
              const e = obj(v);
              const c = num(e.cached);
              st.perModel[model] = {
                input: optNum(e.input) ?? Math.max(0, num(e.input_tokens) - c),
                output: num(e.output_tokens),
              };
            }
          }
          if (st.finalError) {
            const err = obj(o.error);
            st.fail(str(err.message) ?? str(err.type) ?? 'gemini reported an error');
            if (err.type === 'FatalTurnLimitedError') st.limitHit = 'maxTurns';
          }
          return [{ kind: 'result', metrics: st.snapshot() }];
        }
        default:
          return raw(line);
      }
    },
    settle(_st, m, exitCode) {
      if (exitCode === 53) m.limitHit = 'maxTurns'; // typed exit: turn limit reached
      if (m.limitHit) m.isError = true;
    },
  });
}
