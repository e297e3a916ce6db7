// Parser of the Claude-style stream-json (claude -p --verbose, and qwen, agents.md §4 and §7):
// system/init, assistant (usage per API call, deduplicated by message id), user, result.
import type { NormalizedEvent, SessionTotals, StreamParser, TokenCounts } from './types.js';
import { deltaOf, makeParser, perModelDelta, raw, tokenDelta, type ParseState } from './parse-base.js';
import { arr, num, obj, optNum, str, type Json } from './json.js';

export interface ClaudeLikeOptions {
  /** Qwen folds cache reads into input_tokens (OpenAI convention); Claude reports them apart. */
  inputIncludesCache: boolean;
  /**
   * Which `result` figures count the whole resumed session (agents.md §16): claude's
   * `total_cost_usd` and `modelUsage` (its `usage` and `num_turns` are per run); qwen's `usage`.
   */
  cumulative: { cost: boolean; usage: boolean };
}

/** A final `result` event that positively reports success (Claude-style and Cursor results). */
export function successful(o: Json): boolean {
  if (o.is_error === true) return false;
  return o.subtype === 'success' || (o.subtype === undefined && o.is_error === false);
}

export function createClaudeLikeParser(opts: ClaudeLikeOptions, baseline?: SessionTotals): StreamParser {
  const perMessage = new Map<string, TokenCounts>();
  const toolNames = new Map<string, string>();

  function tokensOf(u: Json): TokenCounts {
    const t = {
      input: num(u.input_tokens),
      output: num(u.output_tokens),
      cacheRead: num(u.cache_read_input_tokens),
      cacheWrite: num(u.cache_creation_input_tokens),
    };
    if (opts.inputIncludesCache) t.input = Math.max(0, t.input - t.cacheRead);
    return t;
  }

  function assistant(o: Json, st: ParseState): NormalizedEvent[] {
    const msg = obj(o.message);
    const evs: NormalizedEvent[] = [];
    const cur = tokensOf(obj(msg.usage));
    const id = str(msg.id);
    const prev = id !== undefined ? perMessage.get(id) : undefined;
    const synthetic = msg.model === '<synthetic>';
    if (!prev) {
      if (!synthetic) evs.push(st.usage(cur, { turn: true }));
      if (id !== undefined) perMessage.set(id, cur);
    } else {
      // Claude repeats the message (one event per content block): count only growth.
      const d = {
        input: Math.max(0, cur.input - prev.input),
        output: Math.max(0, cur.output - prev.output),
        cacheRead: Math.max(0, cur.cacheRead - prev.cacheRead),
        cacheWrite: Math.max(0, cur.cacheWrite - prev.cacheWrite),
      };
      if (d.input + d.output + d.cacheRead + d.cacheWrite > 0) evs.push(st.usage(d));
      perMessage.set(id!, {
        input: Math.max(cur.input, prev.input),
        output: Math.max(cur.output, prev.output),
        cacheRead: Math.max(cur.cacheRead, prev.cacheRead),
        cacheWrite: Math.max(cur.cacheWrite, prev.cacheWrite),
      });
    }
    for (const b of arr(msg.content).map(obj)) {
      if (b.type === 'text' && typeof b.text === 'string') evs.push({ kind: 'text', text: b.text });
      if (b.type === 'tool_use') {
        const name = str(b.name) ?? 'tool';
        const tid = str(b.id);
        if (tid !== undefined) toolNames.set(tid, name);
        evs.push(
          tid !== undefined ? { kind: 'tool', phase: 'start', name, id: tid } : { kind: 'tool', phase: 'start', name },
        );
      }
    }
    if (o.error !== undefined || o.is_api_error_message === true) {
      evs.push({ kind: 'warning', message: `API error: ${str(o.error) ?? 'unknown'}` });
    }
    return evs;
  }

  function user(o: Json): NormalizedEvent[] {
    const evs: NormalizedEvent[] = [];
    for (const b of arr(obj(o.message).content).map(obj)) {
      if (b.type !== 'tool_result') continue;
      const id = str(b.tool_use_id);
      const name = (id !== undefined ? toolNames.get(id) : undefined) ?? 'tool';
      const ev: NormalizedEvent = { kind: 'tool', phase: 'end', name, ok: b.is_error !== true };
      if (id !== undefined) ev.id = id;
      evs.push(ev);
    }
    return evs;
  }

  function result(o: Json, st: ParseState): NormalizedEvent[] {
    const subtype = str(o.subtype);
    st.final = true;
    // Success must be stated: subtype "success" (or no subtype and is_error:false), never is_error:true.
    st.finalError = !successful(o);
    if (typeof o.session_id === 'string') st.sessionId = o.session_id;
    if (typeof o.result === 'string') st.resultText = o.result;
    const turns = optNum(o.num_turns);
    if (turns !== undefined) st.reportedTurns = turns;
    if (o.usage !== undefined) {
      const u = obj(o.usage);
      let t: TokenCounts = tokensOf(u);
      const thinking = num(obj(u.output_tokens_details).thinking_tokens);
      if (thinking) t.reasoning = thinking;
      if (opts.cumulative.usage) {
        (st.sessionTotals ??= {}).tokens = { ...t };
        t = tokenDelta(t, baseline?.tokens);
      }
      st.tokens = t; // the final usage is authoritative
    }
    const cost = optNum(o.total_cost_usd);
    if (cost !== undefined) {
      if (opts.cumulative.cost) {
        (st.sessionTotals ??= {}).costUsd = cost;
        st.reportedCost = deltaOf(cost, baseline?.costUsd);
      } else {
        st.reportedCost = cost;
      }
    }
    const mu = obj(o.modelUsage);
    if (Object.keys(mu).length > 0) {
      let per: NonNullable<ParseState['perModel']> = {};
      for (const [model, v] of Object.entries(mu)) {
        const e = obj(v);
        const c = optNum(e.costUSD);
        per[model] = {
          input: num(e.inputTokens),
          output: num(e.outputTokens),
          ...(c !== undefined ? { costUsd: c } : {}),
        };
      }
      if (opts.cumulative.cost) {
        (st.sessionTotals ??= {}).perModel = structuredClone(per);
        per = perModelDelta(per, baseline?.perModel);
      }
      st.perModel = per;
    }
    if (st.finalError) {
      const errs = arr(o.errors).filter((e): e is string => typeof e === 'string');
      st.fail(
        str(obj(o.error).message) ??
          (errs.length > 0 ? errs.join('; ') : undefined) ??
          str(obj(o.api_error).message) ??
          str(o.api_error) ??
          (typeof o.result === 'string' && o.result !== '' ? o.result : undefined) ??
          subtype ??
          'agent reported an error',
      );
    }
    if (subtype === 'error_max_turns' || /max(imum)?[ _-]?(session[ _-])?turns/i.test(st.errorMessage ?? '')) {
      st.limitHit = 'maxTurns';
    } else if (subtype === 'error_max_budget_usd') {
      st.limitHit = 'budget';
    }
    return [{ kind: 'result', metrics: st.snapshot() }];
  }

  return makeParser({
    handle(o, st, line) {
      switch (o.type) {
        case 'system':
          if (o.subtype === 'init') {
            if (typeof o.session_id === 'string') st.sessionId = o.session_id;
            if (typeof o.model === 'string') st.model = o.model;
            return [
              {
                kind: 'init',
                ...(st.sessionId ? { sessionId: st.sessionId } : {}),
                ...(st.model ? { model: st.model } : {}),
              },
            ];
          }
          if (o.subtype === 'api_retry') {
            const msg = `API retry ${num(o.attempt)}/${num(o.max_retries)}: ${str(o.error) ?? JSON.stringify(o.error ?? null)}`;
            return [{ kind: 'retry', message: msg }];
          }
          return raw(line);
        case 'assistant':
          return assistant(o, st);
        case 'user':
          return user(o);
        case 'result':
          return result(o, st);
        default:
          return raw(line); // rate_limit_event, stream_event, unknown types
      }
    },
  });
}
