// The platform clients' one HTTP call: fetch (Node 20) with a timeout, JSON in and out. A network
// failure or timeout becomes a PlatformError naming the URL; HTTP statuses are the caller's to judge.

/** A failed platform call; `config`: a required setting is missing (a usage problem, exit 2), not the platform failing. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly kind: 'config' | 'request' = 'request',
  ) {
    super(message);
  }
}

export interface HttpResponse {
  status: number;
  statusText: string;
  json: unknown;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function requestJson(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown; timeoutMs?: number },
): Promise<HttpResponse> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: { ...init.headers, ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'follow',
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const ms = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const why =
      err.name === 'TimeoutError'
        ? `no answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)}s`}`
        : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new PlatformError(`${init.method} ${url} failed: ${why}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = { message: text.slice(0, 200) };
  }
  return { status: res.status, statusText: res.statusText, json };
}

/** The API's own explanation of a refusal: `message` plus any `errors[].message` (GitHub) or a list (GitLab). */
export function apiMessage(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const o = json as { message?: unknown; error?: unknown; errors?: unknown };
  const parts: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(add);
    else if (typeof v === 'object' && v !== null) {
      const m = (v as { message?: unknown }).message;
      if (m !== undefined) add(m);
      else for (const [k, x] of Object.entries(v)) parts.push(`${k} ${Array.isArray(x) ? x.join(', ') : String(x)}`);
    }
  };
  add(o.message ?? o.error);
  add(o.errors);
  return parts.join('; ');
}

/** Never let a token reach a message, however it got there. */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** Remove trailing slashes of an API root from the environment. */
export function apiRoot(url: string): string {
  return url.replace(/\/+$/, '');
}
