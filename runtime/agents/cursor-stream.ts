// Parser of `cursor-agent --output-format stream-json` (agents.md §9, unchecked): dispatch on
// `type` and `subtype` separately. Turns = model calls (assistant text or tool call after the start
// or after a completed tool call); tokens only in the final result (camelCase).
import type { NormalizedEvent, StreamParser } from './types.js';
import { makeParser, raw, type ParseState } from './parse-base.js';
import { arr, num, obj, str } from './json.js';
import { successful } from './claude-stream.js';

export function createCursorParser(): StreamParser {
  let inTurn = false;
  const turn = (st: ParseState): NormalizedEvent[] => {
    if (inTurn) return [];
    inTurn = true;
    return [st.usage({}, { turn: true })];
  };
  const kindOf = (tc: unknown): string => {
    const key = Object.keys(obj(tc))[0] ?? 'tool';
    return key.replace(/ToolCall$/, '');
  };
  return makeParser({
    handle(o, st, line) {
      switch (o.type) {
        case 'system':
          if (o.subtype !== 'init') return raw(line);
          if (typeof o.session_id === 'string') st.sessionId = o.session_id;
          if (typeof o.model === 'string') st.model = o.model;
          return [
            {
              kind: 'init',
              ...(st.sessionId ? { sessionId: st.sessionId } : {}),
              ...(st.model ? { model: st.model } : {}),
            },
          ];
        case 'user':
          return [];
        case 'assistant': {
          const evs = turn(st);
          for (const b of arr(obj(o.message).content).map(obj)) {
            if (b.type === 'text' && typeof b.text === 'string') evs.push({ kind: 'text', text: b.text });
          }
          return evs;
        }
        case 'tool_call': {
          const name = kindOf(o.tool_call);
          const id = str(o.call_id);
          const idPart = id !== undefined ? { id } : {};
          if (o.subtype === 'started') return [...turn(st), { kind: 'tool', phase: 'start', name, ...idPart }];
          if (o.subtype === 'completed') {
            inTurn = false;
            const res = obj(obj(Object.values(obj(o.tool_call))[0]).result);
            return [
              {
                kind: 'tool',
                phase: 'end',
                name,
                ok: res.error === undefined && res.rejected === undefined,
                ...idPart,
              },
            ];
          }
          return raw(line);
        }
        case 'result': {
          st.final = true;
          st.finalError = !successful(o);
          if (typeof o.session_id === 'string') st.sessionId = o.session_id;
          if (typeof o.result === 'string') st.resultText = o.result;
          if (o.usage !== undefined) {
            const u = obj(o.usage);
            st.tokens = {
              input: num(u.inputTokens),
              output: num(u.outputTokens),
              cacheRead: num(u.cacheReadTokens),
              cacheWrite: num(u.cacheWriteTokens),
            };
          }
          if (st.finalError)
            st.fail(
              str(o.error) ??
                str(obj(o.error).message) ??
                (str(o.result) || undefined) ??
                str(o.subtype) ??
                'cursor reported an error',
            );
          return [{ kind: 'result', metrics: st.snapshot() }];
        }
        default:
          return raw(line);
      }
    },
  });
}
