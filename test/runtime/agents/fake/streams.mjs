// Fake agent CLIs, part 3: provider-native streams (agents.md §4-§9) for one scenario entry,
// with transient noise. Returns { head, tail }: lines before and after the entry's sleep.
const J = (o) => JSON.stringify(o);
const TS = 1767225600000;

function split(total, n) {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - base * (n - 1) : base));
}

export function emit(c) {
  const e = c.entry;
  const t = { in: 100, out: 20, cacheRead: 0, cacheWrite: 0, ...(e.tokens ?? {}) };
  const text = e.resultText ?? `history=${c.history}`;
  const files = Object.keys(e.files ?? {});
  const turns = e.turns ?? files.length + 1;
  const fail = e.isError === true;
  const errMsg = e.errorMessage ?? 'simulated failure';
  const s = { c, e, t, text, files, turns, fail, errMsg };
  const out = { claude, qwen, codex, gemini, opencode, cursor }[c.provider](s);
  if (e.garbage) out.tail.unshift('this is not json {{{', '{"type":"assis', '[1,2,3]', '');
  if (e.events) out.tail.unshift(...e.events);
  if (e.headEvents) out.head.push(...e.headEvents); // before sleepMs: e.g. a fatal event the CLI lingers after
  return out;
}

function claudeLike({ c, t, text, files, turns, fail, errMsg, e }, qwenMode) {
  const head = [
    J({ type: 'system', subtype: 'init', session_id: c.id, model: c.model ?? 'claude-sonnet-5-5', cwd: c.cwd, tools: ['Bash', 'Edit'], ...(qwenMode ? { permission_mode: 'yolo', qwen_code_version: '0.24.4' } : { permissionMode: 'acceptEdits', apiKeySource: 'ANTHROPIC_API_KEY', claude_code_version: '2.1.329' }) }),
    qwenMode
      ? J({ type: 'stream_event', event: { type: 'goal_state', state: 'active' } })
      : J({ type: 'system', subtype: 'api_retry', attempt: 1, max_retries: 10, retry_delay_ms: 500, error: 'overloaded_error' }),
  ];
  const ins = split(t.in + (qwenMode ? t.cacheRead : 0), turns);
  const outs = split(t.out, turns);
  const reads = split(t.cacheRead, turns);
  const writes = split(t.cacheWrite, turns);
  const usage = (i) => ({ input_tokens: ins[i], output_tokens: outs[i], cache_read_input_tokens: reads[i], ...(qwenMode ? {} : { cache_creation_input_tokens: writes[i] }) });
  const tail = [];
  for (let i = 0; i < turns - 1; i++) {
    const tool = { type: 'tool_use', id: `toolu_${i}`, name: 'Write', input: { file_path: files[i] ?? 'x' } };
    tail.push(J({ type: 'assistant', message: { id: `msg_${i}`, model: c.model, content: [tool], usage: usage(i) }, session_id: c.id }));
    tail.push(J({ type: 'user', message: { content: [{ type: 'tool_result', tool_use_id: `toolu_${i}`, is_error: false }] } }));
  }
  // Claude repeats a message once per content block with the same id and usage.
  const last = { id: `msg_${turns - 1}`, model: c.model, usage: usage(turns - 1) };
  tail.push(J({ type: 'assistant', message: { ...last, content: [{ type: 'thinking', thinking: '...' }] } }));
  tail.push(J({ type: 'assistant', message: { ...last, content: [{ type: 'text', text }] } }));
  if (!qwenMode) tail.push(J({ type: 'rate_limit_event', rate_limit_info: { status: 'allowed' } }));
  if (e.omitResult) return { head, tail };
  const totals = { input_tokens: t.in + (qwenMode ? t.cacheRead : 0), output_tokens: t.out, cache_read_input_tokens: t.cacheRead, ...(qwenMode ? {} : { cache_creation_input_tokens: t.cacheWrite }) };
  const limit = c.maxTurns !== undefined && turns > c.maxTurns;
  const base = { session_id: c.id, num_turns: limit ? c.maxTurns : turns, duration_ms: 1234, duration_api_ms: 1000, usage: e.malformed ? 'oops' : totals };
  let result;
  if (limit) result = { subtype: 'error_max_turns', is_error: true, ...base, ...(qwenMode ? { error: { message: `Reached max session turns (${c.maxTurns})` } } : {}) };
  else if (fail) result = { subtype: 'error_during_execution', is_error: true, ...base, ...(qwenMode ? { error: { message: errMsg } } : { errors: [errMsg] }) };
  else result = { subtype: 'success', is_error: false, ...base, result: text };
  if (!qwenMode && e.costUsd !== undefined) {
    result.total_cost_usd = e.costUsd;
    result.modelUsage = { [c.model ?? 'claude-sonnet-5-5']: { inputTokens: t.in, outputTokens: t.out, cacheReadInputTokens: t.cacheRead, cacheCreationInputTokens: t.cacheWrite, costUSD: e.costUsd } };
  }
  tail.push(J({ ...result, type: 'result' })); // claude puts `type` last
  return { head, tail };
}
const claude = (s) => claudeLike(s, false);
const qwen = (s) => claudeLike(s, true);

function codex({ c, t, text, files, fail, errMsg, e }) {
  const head = [J({ type: 'thread.started', thread_id: c.id }), J({ type: 'turn.started' }), J({ type: 'error', message: 'Reconnecting... 2/5' })];
  const tail = [];
  tail.push(J({ type: 'item.started', item: { id: 'item_0', type: 'command_execution', command: 'ls', status: 'in_progress' } }));
  tail.push(J({ type: 'item.completed', item: { id: 'item_0', type: 'command_execution', command: 'ls', aggregated_output: '', exit_code: 0, status: 'completed' } }));
  files.forEach((f, i) => tail.push(J({ type: 'item.completed', item: { id: `item_f${i}`, type: 'file_change', changes: [{ path: f, kind: 'add' }], status: 'completed' } })));
  tail.push(J({ type: 'item.completed', item: { id: 'item_m', type: 'agent_message', text } }));
  if (fail) tail.push(J({ type: 'turn.failed', error: { message: errMsg } }));
  else if (!e.omitResult) tail.push(J({ type: 'turn.completed', usage: { input_tokens: t.in + t.cacheRead, cached_input_tokens: t.cacheRead, output_tokens: t.out } }));
  return { head, tail };
}

function gemini({ c, t, text, files, turns, fail, errMsg, e }) {
  const head = [J({ type: 'init', timestamp: 'T', session_id: c.id, model: c.model ?? 'auto' }), J({ type: 'message', role: 'user', content: c.prompt })];
  const tail = [J({ type: 'error', severity: 'warning', message: 'Loop detection is disabled' })];
  for (let i = 0; i < turns - 1; i++) {
    tail.push(J({ type: 'tool_use', tool_name: 'write_file', tool_id: `t${i}`, parameters: { file_path: files[i] ?? 'x' } }));
    tail.push(J({ type: 'tool_result', tool_id: `t${i}`, status: 'success', output: 'ok' }));
  }
  const half = Math.floor(text.length / 2);
  tail.push(J({ type: 'message', role: 'assistant', content: text.slice(0, half), delta: true }));
  tail.push(J({ type: 'message', role: 'assistant', content: text.slice(half), delta: true }));
  if (e.omitResult) return { head, tail };
  const stats = { total_tokens: t.in + t.cacheRead + t.out, input_tokens: t.in + t.cacheRead, output_tokens: t.out, cached: t.cacheRead, input: t.in, duration_ms: 10, tool_calls: turns - 1, models: { 'gemini-2.5-pro': { total_tokens: t.in + t.cacheRead + t.out, input_tokens: t.in + t.cacheRead, output_tokens: t.out, cached: t.cacheRead, input: t.in } } };
  const limit = c.maxTurns !== undefined && turns > c.maxTurns;
  if (limit) tail.push(J({ type: 'result', status: 'error', error: { type: 'FatalTurnLimitedError', message: 'Reached max session turns for this session.' }, stats }));
  else tail.push(J({ type: 'result', status: fail ? 'error' : 'success', ...(fail ? { error: { type: 'FatalAPIError', message: errMsg } } : {}), stats }));
  return { head, tail, ...(limit ? { exitCode: 53 } : {}) };
}

function opencode({ c, t, text, files, fail, errMsg, e }) {
  let ts = TS;
  const line = (type, body) => J({ type, timestamp: ts++, sessionID: c.id, ...body });
  const steps = e.steps ?? 1;
  const head = [line('step_start', { part: { type: 'step-start', snapshot: 'abc' } })];
  const tail = files.map((f, i) => line('tool_use', { part: { type: 'tool', tool: 'write', callID: `call_${i}`, state: { status: 'completed', input: { filePath: f }, output: '', metadata: { files: [f] } } } }));
  if (fail) {
    tail.push(line('error', { error: { name: 'APIError', data: { message: errMsg, isRetryable: false } } }));
    return { head, tail };
  }
  tail.push(line('text', { part: { type: 'text', text } }));
  if (e.omitResult) return { head, tail };
  const ins = split(t.in, steps), outs = split(t.out, steps), reads = split(t.cacheRead, steps), writes = split(t.cacheWrite, steps);
  const costs = split(Math.round((e.costUsd ?? 0) * 1e6), steps).map((x) => x / 1e6);
  for (let i = 0; i < steps; i++) {
    if (i > 0) tail.push(line('step_start', { part: { type: 'step-start' } }));
    const tokens = { total: ins[i] + outs[i], input: ins[i], output: outs[i], reasoning: 0, cache: { read: reads[i], write: writes[i] } };
    const part = { type: 'step-finish', reason: i === steps - 1 ? 'stop' : 'tool-calls', cost: costs[i], ...(e.malformed && i === 0 ? {} : { tokens }) };
    tail.push(line('step_finish', { part }));
  }
  return { head, tail };
}

function cursor({ c, t, text, files, fail, errMsg, e }) {
  const head = [J({ type: 'system', subtype: 'init', session_id: c.id, model: 'Claude 4.6 Sonnet', cwd: c.cwd, apiKeySource: 'env', permissionMode: 'default' }), J({ type: 'user', message: { role: 'user', content: [{ type: 'text', text: c.prompt }] } })];
  const tail = [];
  files.forEach((f, i) => {
    tail.push(J({ type: 'tool_call', subtype: 'started', call_id: `c${i}`, tool_call: { editToolCall: { args: { path: f } } } }));
    tail.push(J({ type: 'tool_call', subtype: 'completed', call_id: `c${i}`, tool_call: { editToolCall: { args: { path: f }, result: { success: {} } } } }));
  });
  tail.push(J({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'text', text }] }, model_call_id: 'm1', timestamp_ms: TS }));
  if (e.omitResult) return { head, tail };
  tail.push(J({ type: 'result', subtype: fail ? 'error' : 'success', is_error: fail, duration_ms: 10, duration_api_ms: 9, result: fail ? errMsg : text, session_id: c.id, request_id: 'r1', usage: { inputTokens: t.in, outputTokens: t.out, cacheReadTokens: t.cacheRead, cacheWriteTokens: t.cacheWrite } }));
  return { head, tail };
}
