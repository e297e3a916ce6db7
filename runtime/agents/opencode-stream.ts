// Parser of `opencode run --format json` (agents.md §8): {type, timestamp, sessionID, part|error}
// lines, no final event. Turns = step_finish events; tokens and cost summed over steps; success =
// last step_finish reason "stop", no error event and exit 0.
import type { NormalizedEvent, StreamParser } from './types.js';
import { makeParser, raw } from './parse-base.js';
import { num, obj, str } from './json.js';

export function createOpencodeParser(): StreamParser {
  let lastReason: string | undefined;
  let steps = 0;
  let errored = false;
  return makeParser({
    handle(o, st, line) {
      const evs: NormalizedEvent[] = [];
      const sid = str(o.sessionID);
      if (sid !== undefined && st.sessionId === undefined) {
        st.sessionId = sid;
        evs.push({ kind: 'init', sessionId: sid });
      }
      const part = obj(o.part);
      switch (o.type) {
        case 'step_start':
        case 'reasoning':
          return evs;
        case 'text': {
          const text = str(part.text) ?? '';
          st.resultText = text;
          evs.push({ kind: 'text', text });
          return evs;
        }
        case 'tool_use': {
          const state = obj(part.state);
          const name = str(part.tool) ?? 'tool';
          const id = str(part.callID);
          evs.push({
            kind: 'tool',
            phase: 'end',
            name,
            ok: state.status !== 'error',
            ...(id !== undefined ? { id } : {}),
          });
          return evs;
        }
        case 'step_finish': {
          steps++;
          lastReason = str(part.reason);
          const t = obj(part.tokens);
          const cache = obj(t.cache);
          const tokens = {
            input: num(t.input),
            output: num(t.output),
            cacheRead: num(cache.read),
            cacheWrite: num(cache.write),
          };
          const reasoning = num(t.reasoning);
          const cost = num(part.cost); // OpenCode's own estimate; 0 for unknown models
          evs.push(
            st.usage(reasoning ? { ...tokens, reasoning } : tokens, {
              turn: true,
              ...(cost > 0 ? { costUsd: cost } : {}),
            }),
          );
          return evs;
        }
        case 'error': {
          const err = obj(o.error);
          const msg = str(obj(err.data).message) ?? str(err.message) ?? str(err.name) ?? 'opencode error';
          errored = true;
          st.fail(msg);
          evs.push({ kind: 'error', message: msg });
          return evs;
        }
        default:
          return evs.length > 0 ? [...evs, { kind: 'raw', line }] : raw(line);
      }
    },
    settle(_st, m, exitCode, timedOut) {
      if (steps === 0) return; // compat: exit code only
      m.compat = false;
      m.isError = timedOut || errored || exitCode !== 0 || lastReason !== 'stop';
      if (m.isError && m.errorMessage === undefined && !timedOut && lastReason !== 'stop') {
        m.errorMessage = `last step ended with reason "${lastReason ?? 'none'}"`;
      }
    },
  });
}
