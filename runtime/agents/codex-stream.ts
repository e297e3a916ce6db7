// Parser of `codex exec --json` (agents.md §5): thread.started, item.*, turn.completed/failed.
// One turn.completed per call; counted turns are command_execution and file_change items.
import type { NormalizedEvent, SessionTotals, StreamParser, TokenCounts } from './types.js';
import { makeParser, raw, tokenDelta } from './parse-base.js';
import { num, obj, str } from './json.js';

const STEP_ITEMS = new Set(['command_execution', 'file_change']);

function toolName(item: Record<string, unknown>): string {
  if (item.type === 'mcp_tool_call') return `mcp:${str(item.server) ?? ''}/${str(item.tool) ?? ''}`;
  return str(item.type) ?? 'item';
}

export function createCodexParser(baseline?: SessionTotals): StreamParser {
  let completedTurns = 0;
  // turn.completed.usage counts the whole session (agents.md §16): bill the growth over the last
  // cumulative figures, starting from those recorded when the session was last used.
  let lastTotals: TokenCounts | undefined = baseline?.tokens;
  return makeParser({
    handle(o, st, line): NormalizedEvent[] {
      switch (o.type) {
        case 'thread.started': {
          const id = str(o.thread_id);
          if (id !== undefined) st.sessionId = id;
          return [{ kind: 'init', ...(id !== undefined ? { sessionId: id } : {}) }];
        }
        case 'item.started': {
          const item = obj(o.item);
          if (item.type === 'agent_message' || item.type === 'reasoning') return [];
          return [
            { kind: 'tool', phase: 'start', name: toolName(item), ...(str(item.id) ? { id: str(item.id)! } : {}) },
          ];
        }
        case 'item.completed': {
          const item = obj(o.item);
          if (item.type === 'agent_message') {
            const text = str(item.text) ?? '';
            st.resultText = text;
            return [{ kind: 'text', text }];
          }
          if (item.type === 'reasoning') return [];
          if (item.type === 'error')
            return [{ kind: 'warning', message: str(item.message) ?? str(item.text) ?? 'error' }];
          const ok =
            item.status === 'failed' || item.status === 'declined'
              ? false
              : item.exit_code === undefined || item.exit_code === 0;
          const evs: NormalizedEvent[] = [
            { kind: 'tool', phase: 'end', name: toolName(item), ok, ...(str(item.id) ? { id: str(item.id)! } : {}) },
          ];
          if (STEP_ITEMS.has(String(item.type))) evs.push(st.usage({}, { turn: true }));
          return evs;
        }
        case 'turn.completed': {
          const u = obj(o.usage);
          const cached = num(u.cached_input_tokens);
          const cum: TokenCounts = {
            input: Math.max(0, num(u.input_tokens) - cached),
            output: num(u.output_tokens),
            cacheRead: cached,
            cacheWrite: num(u.cache_write_input_tokens),
          };
          const reasoning = num(u.reasoning_output_tokens);
          if (reasoning) cum.reasoning = reasoning;
          const d = tokenDelta(cum, lastTotals);
          lastTotals = cum;
          st.sessionTotals = { tokens: { ...cum } };
          completedTurns++;
          st.final = true;
          st.finalError = false; // failed only if no turn.completed arrives (§5)
          if (!d.reasoning) delete d.reasoning;
          return [st.usage(d)];
        }
        case 'turn.failed': {
          const msg = str(obj(o.error).message) ?? 'turn failed';
          st.final = true;
          st.finalError = true;
          st.fail(msg);
          return [{ kind: 'error', message: msg }];
        }
        case 'error': {
          // Not always fatal: 0.169 emits "Reconnecting... 2/5" this way.
          const msg = str(o.message) ?? 'error';
          return [{ kind: /reconnecting/i.test(msg) ? 'retry' : 'warning', message: msg }];
        }
        case 'turn.started':
        case 'item.updated':
          return [];
        default:
          return raw(line);
      }
    },
    settle(st, m) {
      // turns = counted steps, at least one per completed `exec` call
      m.numTurns = Math.max(st.turns, completedTurns);
    },
  });
}
