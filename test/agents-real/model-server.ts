// A scripted model server for the real agent CLIs (agents.md §16): plays the model on 127.0.0.1 in
// the four API shapes the CLIs speak — Anthropic Messages (claude), OpenAI Responses (codex),
// OpenAI Chat Completions (qwen, opencode) and Gemini streamGenerateContent (gemini), all as SSE.
// Each test scripts the replies (tool calls of the CLI's own file tools, final texts, usage
// figures, HTTP errors, slow streams); every request is recorded with the usage served for it.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Api = 'anthropic' | 'responses' | 'chat' | 'gemini';

export interface Usage {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/** One scripted answer. */
export type Reply = (
  | { text: string }
  /** Write `content` to `path` with the CLI's own file-writing tool (found in the request's tools). */
  | { write: { path: string; content: string } }
  | { error: { status: number; message: string } }
) & {
  usage?: Usage;
  /** Wait before the response headers. */
  delayMs?: number;
  /** Wait between SSE events (a slow stream). */
  chunkDelayMs?: number;
};

export interface RecordedRequest {
  n: number;
  api: Api;
  method: string;
  path: string;
  model: string;
  body: unknown;
  /** Names of the tools the CLI offered. */
  tools: string[];
  /** Text of every user prompt in the conversation (tool results excluded). */
  userTexts: string[];
  /** The conversation's last entry is a tool result. */
  afterTool: boolean;
  /** No file-writing tool offered: a side request (title, router, memory...). */
  side: boolean;
  reply?: Reply;
  /** Usage served (0 for errors). */
  served: Usage;
}

export type Script = (req: RecordedRequest, server: ModelServer) => Reply;

/** The default script of §16: write a file with the CLI's tool, then finish with a text listing the user prompts. */
export function writeThenFinish(o: {
  path: string;
  content: string;
  usage?: Usage;
  finalUsage?: Usage;
  finalText?: (r: RecordedRequest) => string;
}): Script {
  return (req) => {
    if (req.side) return { text: 'Side answer', usage: { input: 0, output: 0 } };
    if (req.afterTool)
      return {
        text: o.finalText ? o.finalText(req) : `Done. Prompts seen: ${req.userTexts.join(' | ')}`,
        usage: o.finalUsage ?? { input: 120, output: 15 },
      };
    return { write: { path: o.path, content: o.content }, usage: o.usage ?? { input: 100, output: 20 } };
  };
}

export class ModelServer {
  readonly requests: RecordedRequest[] = [];
  script: Script = () => ({ text: 'hello' });
  private server: Server;
  port = 0;
  private seq = 0;

  constructor(script?: Script) {
    if (script) this.script = script;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Requests that were answered by the script as model turns (not side requests). */
  main(): RecordedRequest[] {
    return this.requests.filter((r) => !r.side);
  }

  /** Usage served to non-side requests that succeeded. */
  servedTotals(filter: (r: RecordedRequest) => boolean = (r) => !r.side): Required<Usage> {
    const t = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    for (const r of this.requests.filter(filter)) {
      t.input += r.served.input;
      t.output += r.served.output;
      t.cacheRead += r.served.cacheRead ?? 0;
      t.cacheWrite += r.served.cacheWrite ?? 0;
    }
    return t;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const api = apiOf(req.method ?? 'GET', url.pathname);
    if (!api) {
      // models lists, count_tokens, telemetry...: answer harmlessly
      res.writeHead(url.pathname.includes('count_tokens') ? 200 : 404, { 'content-type': 'application/json' });
      res.end(url.pathname.includes('count_tokens') ? '{"input_tokens":10}' : '{"error":{"message":"not found"}}');
      return;
    }
    const b = (body ?? {}) as Record<string, unknown>;
    const rec: RecordedRequest = {
      n: ++this.seq,
      api,
      method: req.method ?? '',
      path: url.pathname + url.search,
      model:
        api === 'gemini'
          ? decodeURIComponent(url.pathname.split('/models/')[1]?.split(':')[0] ?? '')
          : String(b.model ?? ''),
      body,
      tools: toolNames(api, b),
      userTexts: userTexts(api, b),
      afterTool: afterTool(api, b),
      side: false,
      served: { input: 0, output: 0 },
    };
    rec.side = writeTool(api, b) === undefined;
    this.requests.push(rec);
    let reply: Reply;
    try {
      reply = this.script(rec, this);
    } catch (e) {
      reply = { error: { status: 500, message: `script failed: ${(e as Error).message}` } };
    }
    rec.reply = reply;
    if (reply.delayMs) await sleep(reply.delayMs);
    if ('error' in reply) {
      res.writeHead(reply.error.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(errorBody(api, reply.error.status, reply.error.message)));
      return;
    }
    const usage = reply.usage ?? { input: 10, output: 5 };
    rec.served = usage;
    const stream = api === 'gemini' ? url.pathname.includes('streamGenerateContent') : b.stream !== false;
    const events = render(api, rec, b, reply, usage);
    if (!stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(nonStreaming(api, rec, reply, usage)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    for (const ev of events) {
      if (res.destroyed) return;
      res.write(ev);
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    }
    res.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function apiOf(method: string, path: string): Api | undefined {
  if (method !== 'POST') return undefined;
  if (/\/messages$/.test(path)) return 'anthropic';
  if (/\/responses$/.test(path)) return 'responses';
  if (/\/chat\/completions$/.test(path)) return 'chat';
  if (/:(stream)?generateContent$/i.test(path)) return 'gemini';
  return undefined;
}

type J = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});

function toolNames(api: Api, b: J): string[] {
  if (api === 'gemini')
    return arr(b.tools).flatMap((t) => arr(obj(t).functionDeclarations).map((f) => String(obj(f).name)));
  return arr(b.tools).map((t) => String(obj(t).name ?? obj(obj(t).function).name ?? obj(t).type));
}

/** The CLI's own file-writing tool and the names of its path/content parameters. */
function writeTool(
  api: Api,
  b: J,
): { name: string; pathKey: string; contentKey: string; custom?: boolean } | undefined {
  const tools = api === 'gemini' ? arr(b.tools).flatMap((t) => arr(obj(t).functionDeclarations)) : arr(b.tools);
  for (const t0 of tools) {
    const t = obj(t0);
    const name = String(t.name ?? obj(t.function).name ?? '');
    if (api === 'responses' && name === 'apply_patch')
      return { name, pathKey: '', contentKey: '', custom: t.type === 'custom' };
    if (!['Write', 'write_file', 'write'].includes(name)) continue;
    const schema = obj(t.input_schema ?? obj(t.function).parameters ?? t.parameters ?? t.parametersJsonSchema);
    const props = Object.keys(obj(schema.properties));
    const pathKey = props.find((p) => /^(file_?path|filePath|path|absolute_path)$/i.test(p)) ?? 'file_path';
    const contentKey = props.find((p) => /^content$/i.test(p)) ?? 'content';
    return { name, pathKey, contentKey };
  }
  return undefined;
}

function textOf(c: unknown): string {
  if (typeof c === 'string') return c;
  return arr(c)
    .map((p) => obj(p))
    .filter((p) => p.type === 'text' || p.type === 'input_text' || typeof p.text === 'string')
    .map((p) => String(p.text ?? ''))
    .join('');
}

function userTexts(api: Api, b: J): string[] {
  const out: string[] = [];
  if (api === 'anthropic') {
    for (const m of arr(b.messages).map(obj)) if (m.role === 'user') out.push(textOf(m.content));
  } else if (api === 'responses') {
    for (const m of arr(b.input).map(obj)) if (m.role === 'user') out.push(textOf(m.content));
  } else if (api === 'chat') {
    for (const m of arr(b.messages).map(obj)) if (m.role === 'user') out.push(textOf(m.content));
  } else {
    for (const c of arr(b.contents).map(obj)) {
      if (c.role !== 'user') continue;
      const t = arr(c.parts)
        .map(obj)
        .filter((p) => typeof p.text === 'string')
        .map((p) => String(p.text))
        .join('');
      if (t) out.push(t);
    }
  }
  return out.filter((t) => t.trim() !== '');
}

function afterTool(api: Api, b: J): boolean {
  if (api === 'anthropic') {
    const last = obj(arr(b.messages).at(-1));
    return last.role === 'user' && arr(last.content).some((p) => obj(p).type === 'tool_result');
  }
  if (api === 'responses') {
    const last = obj(arr(b.input).at(-1));
    return /_call_output$/.test(String(last.type ?? ''));
  }
  if (api === 'chat') return obj(arr(b.messages).at(-1)).role === 'tool';
  const last = obj(arr(b.contents).at(-1));
  return arr(last.parts).some((p) => obj(p).functionResponse !== undefined);
}

function sse(event: string | undefined, data: unknown): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

let callSeq = 0;
function callId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${(++callSeq).toString(36)}`;
}

function addPatch(path: string, content: string): string {
  const lines = content
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `+${l}`);
  return `*** Begin Patch\n*** Add File: ${path}\n${lines.join('\n')}\n*** End Patch\n`;
}

function render(api: Api, rec: RecordedRequest, b: J, reply: Reply, u: Usage): string[] {
  const tool = 'write' in reply ? writeTool(api, b) : undefined;
  const args =
    'write' in reply && tool ? { [tool.pathKey]: reply.write.path, [tool.contentKey]: reply.write.content } : undefined;
  const text =
    'text' in reply ? reply.text : 'write' in reply && !tool ? `(no file tool offered for ${reply.write.path})` : '';
  const model = rec.model || 'scripted-model';
  if (api === 'anthropic') {
    const id = callId('msg_');
    const out = [
      sse('message_start', {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: u.input,
            output_tokens: 1,
            cache_creation_input_tokens: u.cacheWrite ?? 0,
            cache_read_input_tokens: u.cacheRead ?? 0,
          },
        },
      }),
    ];
    if (args && tool) {
      out.push(
        sse('content_block_start', {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'tool_use', id: callId('toolu_'), name: tool.name, input: {} },
        }),
      );
      out.push(
        sse('content_block_delta', {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'input_json_delta', partial_json: JSON.stringify(args) },
        }),
      );
    } else {
      out.push(
        sse('content_block_start', {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'text', text: '' },
        }),
      );
      for (const piece of split(text))
        out.push(
          sse('content_block_delta', {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'text_delta', text: piece },
          }),
        );
    }
    out.push(sse('content_block_stop', { type: 'content_block_stop', index: 0 }));
    out.push(
      sse('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: args ? 'tool_use' : 'end_turn', stop_sequence: null },
        usage: { output_tokens: u.output },
      }),
    );
    out.push(sse('message_stop', { type: 'message_stop' }));
    return out;
  }
  if (api === 'responses') {
    const rid = callId('resp_');
    let item: J;
    if (args && tool && 'write' in reply) {
      const patch = addPatch(reply.write.path, reply.write.content);
      item = tool.custom
        ? {
            type: 'custom_tool_call',
            id: callId('ctc_'),
            call_id: callId('call_'),
            name: 'apply_patch',
            input: patch,
            status: 'completed',
          }
        : {
            type: 'function_call',
            id: callId('fc_'),
            call_id: callId('call_'),
            name: 'apply_patch',
            arguments: JSON.stringify({ input: patch }),
            status: 'completed',
          };
    } else {
      item = {
        type: 'message',
        id: callId('msg_'),
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text, annotations: [] }],
      };
    }
    const out = [sse('response.created', { type: 'response.created', response: { id: rid, status: 'in_progress' } })];
    if (item.type === 'message') {
      out.push(
        sse('response.output_item.added', {
          type: 'response.output_item.added',
          output_index: 0,
          item: { ...item, content: [] },
        }),
      );
      for (const piece of split(text))
        out.push(
          sse('response.output_text.delta', {
            type: 'response.output_text.delta',
            output_index: 0,
            content_index: 0,
            item_id: item.id,
            delta: piece,
          }),
        );
    }
    out.push(sse('response.output_item.done', { type: 'response.output_item.done', output_index: 0, item }));
    out.push(
      sse('response.completed', {
        type: 'response.completed',
        response: {
          id: rid,
          status: 'completed',
          usage: {
            input_tokens: u.input + (u.cacheRead ?? 0),
            input_tokens_details: { cached_tokens: u.cacheRead ?? 0 },
            output_tokens: u.output,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: u.input + (u.cacheRead ?? 0) + u.output,
          },
        },
      }),
    );
    return out;
  }
  if (api === 'chat') {
    const id = callId('chatcmpl-');
    const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
    const out: string[] = [];
    if (args && tool) {
      out.push(
        sse(undefined, {
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                role: 'assistant',
                content: null,
                tool_calls: [
                  { index: 0, id: callId('call_'), type: 'function', function: { name: tool.name, arguments: '' } },
                ],
              },
              finish_reason: null,
            },
          ],
        }),
      );
      out.push(
        sse(undefined, {
          ...base,
          choices: [
            {
              index: 0,
              delta: { tool_calls: [{ index: 0, function: { arguments: JSON.stringify(args) } }] },
              finish_reason: null,
            },
          ],
        }),
      );
      out.push(sse(undefined, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }));
    } else {
      out.push(
        sse(undefined, {
          ...base,
          choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
        }),
      );
      for (const piece of split(text))
        out.push(sse(undefined, { ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] }));
      out.push(sse(undefined, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    }
    const promptTokens = u.input + (u.cacheRead ?? 0);
    out.push(
      sse(undefined, {
        ...base,
        choices: [],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: u.output,
          total_tokens: promptTokens + u.output,
          prompt_tokens_details: { cached_tokens: u.cacheRead ?? 0 },
        },
      }),
    );
    out.push(sse(undefined, '[DONE]'));
    return out;
  }
  const parts = args && tool ? [{ functionCall: { name: tool.name, args } }] : split(text).map((t) => ({ text: t }));
  const usageMetadata = {
    promptTokenCount: u.input + (u.cacheRead ?? 0),
    candidatesTokenCount: u.output,
    totalTokenCount: u.input + (u.cacheRead ?? 0) + u.output,
    cachedContentTokenCount: u.cacheRead ?? 0,
  };
  return parts.map((p, i) =>
    sse(undefined, {
      candidates: [
        {
          content: { role: 'model', parts: [p] },
          index: 0,
          ...(i === parts.length - 1 ? { finishReason: 'STOP' } : {}),
        },
      ],
      ...(i === parts.length - 1 ? { usageMetadata } : {}),
      modelVersion: model,
    }),
  );
}

/** Text in two pieces, so delta handling is exercised. */
function split(text: string): string[] {
  if (text.length < 4) return [text];
  const h = Math.floor(text.length / 2);
  return [text.slice(0, h), text.slice(h)];
}

function nonStreaming(api: Api, rec: RecordedRequest, reply: Reply, u: Usage): unknown {
  const text = 'text' in reply ? reply.text : '{}';
  if (api === 'anthropic')
    return {
      id: callId('msg_'),
      type: 'message',
      role: 'assistant',
      model: rec.model,
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      usage: { input_tokens: u.input, output_tokens: u.output },
    };
  if (api === 'chat')
    return {
      id: callId('chatcmpl-'),
      object: 'chat.completion',
      model: rec.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { prompt_tokens: u.input, completion_tokens: u.output, total_tokens: u.input + u.output },
    };
  if (api === 'gemini')
    return {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: u.input, candidatesTokenCount: u.output, totalTokenCount: u.input + u.output },
    };
  return {
    id: callId('resp_'),
    status: 'completed',
    output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }],
    usage: { input_tokens: u.input, output_tokens: u.output, total_tokens: u.input + u.output },
  };
}

function errorBody(api: Api, status: number, message: string): unknown {
  if (api === 'anthropic')
    return {
      type: 'error',
      error: {
        type: status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error',
        message,
      },
    };
  if (api === 'gemini')
    return {
      error: {
        code: status,
        message,
        status: status === 429 ? 'RESOURCE_EXHAUSTED' : status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT',
      },
    };
  return {
    error: {
      message,
      type: status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error',
      code: null,
    },
  };
}
