// Check phase: gump.toml (language.md §22) → typed configuration + GUMP020 (unparsable, or a known
// key of the wrong type, or a bad endpoint URL), GUMP203 (`[validation] timeout`) and GUMP523
// (unknown key, warning). `[agents.<provider>]` holds a custom model endpoint per CLI.
// Diagnostics sit on the offending key, found by config-keys.ts. The tables, keys and shared value
// rules are protocol/gump-toml.ts's, so the runtime (runtime/config.ts) reads the same schema.

import { parse as parseToml } from 'smol-toml';
import { closest } from '../../protocol/did-you-mean.js';
import {
  CI_KEYS,
  type COMMAND_KEYS,
  ENDPOINT_KEYS,
  ENDPOINT_PROVIDERS,
  ERROR_CONTEXT_KEYS,
  PIN_PROVIDERS,
  PRICE_KEYS,
  ROOT_KEYS,
  tableName,
  VALIDATION_KEYS,
  VALUE_RULES,
  type Price,
  type ValueRule,
} from '../../protocol/gump-toml.js';
import type { Span } from '../1-parse/located.js';
import { duration } from '../1-parse/schema.js';
import { FILE_START, SourceText } from '../1-parse/source-map.js';
import { Collector, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locateTomlKeys, pathId, type KeyPositions } from './config-keys.js';
import type { SourceFile } from './host.js';

export interface GumpConfig {
  validation: {
    compile_cmd?: string;
    test_cmd?: string;
    lint_cmd?: string;
    coverage_cmd?: string;
    timeout?: string;
    timeoutMs?: number;
  };
  error_context: { max_error_chars?: number; max_diff_chars?: number; stdout_tail_chars?: number };
  models: Record<string, string>;
  prices: Record<string, Price>;
  /** `[ci]`: options of the generated pipelines (targets/ci/options.ts). */
  ci: CiConfig;
  /** `[agents.<provider>]`: a model endpoint of the user's own (gateway, proxy, self-hosted). */
  agents: Record<string, AgentEndpoint>;
}

export interface CiConfig {
  targets?: Array<'github' | 'gitlab'>;
  task_slots?: number;
  max_parallel?: number;
  approval?: 'environment' | 'dispatch';
  environment?: string;
  node_version?: string;
  runs_on?: string;
  /** GitLab: the image every job runs in (default `node:<node_version>-bookworm`). */
  image?: string;
  retention_days?: number;
  attempt_minutes?: number;
  /** Agent CLI version overrides: provider → exact version. */
  pins: Record<string, string>;
}

export interface AgentEndpoint {
  base_url?: string;
  api_key_env?: string;
  model?: string;
}

export { ENDPOINT_PROVIDERS };

/** An absolute http(s) URL without credentials, query or fragment; the reason otherwise. */
export function badEndpointUrl(v: string): string | undefined {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return 'an absolute http(s) URL such as "https://gateway.example.com/v1"';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `an http(s) URL (not ${u.protocol.replace(/:$/, '')})`;
  if (u.username || u.password) return 'a URL without credentials (name the key variable in api_key_env)';
  if (u.search || u.hash) return 'a base URL without query or fragment';
  return undefined;
}

type Table = Record<string, unknown>;

const int = (min: number, max: number) => (x: unknown) =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

export function checkConfig(file: SourceFile): { config: GumpConfig; diagnostics: Diagnostic[] } {
  const out = new Collector(file.file);
  const config: GumpConfig = {
    validation: {},
    error_context: {},
    models: {},
    prices: {},
    ci: { pins: {} },
    agents: {},
  };
  const source = new SourceText(file.text);
  let data: Table;
  try {
    data = parseToml(file.text) as Table;
  } catch (e) {
    const err = e as { line?: number; column?: number; message?: string };
    const line = err.line ?? 0;
    const offset = source.lineOffset(line) + Math.max(0, (err.column ?? 1) - 1);
    out.report(
      'GUMP020',
      line > 0 ? source.span(offset, offset) : FILE_START,
      { reason: String(err.message ?? e).split('\n')[0]! },
      {
        message: `gump.toml cannot be parsed: ${String(err.message ?? e).split('\n')[0]}`,
      },
    );
    return { config, diagnostics: out.diagnostics };
  }
  new ConfigChecker(out, source, locateTomlKeys(file.text)).root(data, config);
  return { config, diagnostics: out.diagnostics };
}

class ConfigChecker {
  constructor(
    readonly out: Collector,
    readonly source: SourceText,
    readonly keys: KeyPositions,
  ) {}

  root(data: Table, config: GumpConfig): void {
    for (const [key, value] of Object.entries(data)) {
      const path = [key];
      switch (key) {
        case 'validation':
          this.table(path, value, VALIDATION_KEYS, (k, v) => this.validation(k, v, config));
          break;
        case 'error_context':
          this.table(path, value, ERROR_CONTEXT_KEYS, (k, v) => {
            const n = this.expectRule([key, k], v, VALUE_RULES.count);
            if (n !== undefined) config.error_context[k as (typeof ERROR_CONTEXT_KEYS)[number]] = n as number;
          });
          break;
        case 'models':
          this.table(path, value, undefined, (k, v) => {
            const s = this.expectRule([key, k], v, VALUE_RULES.model);
            if (s !== undefined) config.models[k] = s as string;
          });
          break;
        case 'prices':
          this.table(path, value, undefined, (model, v) => {
            const price: Price = {};
            const ok = this.table([key, model], v, PRICE_KEYS, (k, p) => {
              const n = this.expectRule([key, model, k], p, VALUE_RULES.price);
              if (n !== undefined) price[k as (typeof PRICE_KEYS)[number]] = n as number;
            });
            if (ok) config.prices[model] = price;
          });
          break;
        case 'ci':
          this.table(path, value, CI_KEYS, (k, v) => this.ci(k, v, config));
          break;
        case 'agents':
          this.table(path, value, ENDPOINT_PROVIDERS, (provider, v) => {
            const endpoint: AgentEndpoint = {};
            const ok = this.table([key, provider], v, ENDPOINT_KEYS, (k, x) => {
              const at = [key, provider, k];
              if (k === 'base_url') {
                const s = this.expect(at, x, 'an http(s) URL (string)', (y) => typeof y === 'string') as
                  | string
                  | undefined;
                if (s === undefined) return;
                const bad = badEndpointUrl(s);
                if (bad)
                  this.out.report('GUMP020', this.at(at), {
                    reason: `${label(at)} must be ${bad}, not ${describe(s)}`,
                  });
                else endpoint.base_url = s;
              } else if (k === 'api_key_env') {
                const s = this.expect(
                  at,
                  x,
                  'an environment variable name such as "GATEWAY_API_KEY"',
                  (y) => typeof y === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(y),
                );
                if (s !== undefined) endpoint.api_key_env = s as string;
              } else {
                const s = this.expect(at, x, 'a model id (string)', (y) => typeof y === 'string' && y !== '');
                if (s !== undefined) endpoint.model = s as string;
              }
            });
            if (ok) config.agents[provider] = endpoint;
          });
          break;
        case 'default_agent':
        case 'log_level':
          this.expect(path, value, 'a string', (x) => typeof x === 'string');
          break;
        case 'display':
        case 'analytics':
        case 'update':
          this.table(path, value, undefined, () => undefined);
          break;
        default:
          this.unknown(path, ROOT_KEYS);
      }
    }
  }

  private ci(key: string, value: unknown, config: GumpConfig): void {
    const ci = config.ci;
    const at = ['ci', key];
    switch (key) {
      case 'targets': {
        const ok = (x: unknown) => Array.isArray(x) && x.every((t) => t === 'github' || t === 'gitlab');
        if (this.expect(at, value, 'a list of "github" and "gitlab"', ok) !== undefined)
          ci.targets = [...new Set(value as Array<'github' | 'gitlab'>)];
        return;
      }
      case 'task_slots':
        if (this.expect(at, value, 'an integer from 1 to 100', int(1, 100)) !== undefined)
          ci.task_slots = value as number;
        return;
      case 'max_parallel':
        if (this.expect(at, value, 'an integer from 1 to 256', int(1, 256)) !== undefined)
          ci.max_parallel = value as number;
        return;
      case 'retention_days':
        if (this.expect(at, value, 'an integer from 1 to 90', int(1, 90)) !== undefined)
          ci.retention_days = value as number;
        return;
      case 'attempt_minutes':
        if (this.expect(at, value, 'an integer from 1 to 360', int(1, 360)) !== undefined)
          ci.attempt_minutes = value as number;
        return;
      case 'approval':
        if (
          this.expect(at, value, '"environment" or "dispatch"', (x) => x === 'environment' || x === 'dispatch') !==
          undefined
        )
          ci.approval = value as 'environment' | 'dispatch';
        return;
      case 'environment':
      case 'node_version':
      case 'runs_on':
      case 'image':
        if (this.expect(at, value, 'a non-empty string', (x) => typeof x === 'string' && x.trim() !== '') !== undefined)
          ci[key] = value as string;
        return;
      case 'pins':
        this.table(at, value, PIN_PROVIDERS, (p, v) => {
          if (
            this.expect(
              [...at, p],
              v,
              'an exact version such as "1.2.3"',
              (x) => typeof x === 'string' && /^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(x),
            ) !== undefined
          )
            ci.pins[p] = v as string;
        });
        return;
    }
  }

  private validation(key: string, value: unknown, config: GumpConfig): void {
    if (key === 'timeout') {
      const d = typeof value === 'string' ? duration.safeParse(value) : undefined;
      if (d?.success) {
        config.validation.timeout = value as string;
        config.validation.timeoutMs = d.data;
      } else
        this.out.report('GUMP203', this.at(['validation', key]), {
          key: '[validation] timeout',
          value: describe(value),
        });
      return;
    }
    const s = this.expectRule(['validation', key], value, VALUE_RULES.command);
    if (s !== undefined) config.validation[key as (typeof COMMAND_KEYS)[number]] = s as string;
  }

  /** A table whose keys are checked against `known` (undefined: any key); false when not a table. */
  private table(
    path: string[],
    value: unknown,
    known: readonly string[] | undefined,
    each: (key: string, value: unknown) => void,
  ): boolean {
    if (!isTable(value)) {
      this.wrongType(path, 'a table', value);
      return false;
    }
    for (const [k, v] of Object.entries(value)) {
      if (known && !known.includes(k)) this.unknown([...path, k], known);
      else each(k, v);
    }
    return true;
  }

  private expect(path: string[], value: unknown, expected: string, ok: (v: unknown) => boolean): unknown {
    if (ok(value)) return value;
    this.wrongType(path, expected, value);
    return undefined;
  }

  private expectRule(path: string[], value: unknown, rule: ValueRule): unknown {
    return this.expect(path, value, rule.expected, rule.ok);
  }

  private wrongType(path: string[], expected: string, value: unknown): void {
    const reason = `${label(path)} must be ${expected}, not ${describe(value)}`;
    this.out.report('GUMP020', this.at(path), { reason });
  }

  private unknown(path: string[], known: readonly string[]): void {
    const key = path[path.length - 1]!;
    const where = path.length === 1 ? 'gump.toml' : tableName(path.slice(0, -1));
    const near = suggestKey(key, known);
    this.out.report(
      'GUMP523',
      this.at(path),
      { key, where },
      {
        hint: near === undefined ? `known keys: ${known.join(', ')}` : `did you mean "${near}"?`,
      },
    );
  }

  /** The key's span; a missing position falls back to the nearest enclosing key, then line 1. */
  private at(path: string[]): Span {
    for (let n = path.length; n > 0; n--) {
      const pos = this.keys.get(pathId(path.slice(0, n)));
      if (pos) return this.source.span(pos.offset, pos.endOffset);
    }
    return FILE_START;
  }
}

/** Did-you-mean for config keys: edit distance ≤ 2, else the only key sharing a prefix or first word. */
export function suggestKey(word: string, known: readonly string[]): string | undefined {
  const near = closest(word, known);
  if (near !== undefined) return near;
  const only = (list: readonly string[]): string | undefined => (list.length === 1 ? list[0] : undefined);
  const prefixed = known.filter((k) => k.startsWith(word) || word.startsWith(k));
  const first = word.split('_')[0]!;
  return only(prefixed) ?? only(known.filter((k) => k.split('_')[0] === first));
}

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `[error_context] max_error_chars`, `[prices."gpt-5.4"] input`, `default_agent`. */
function label(path: string[]): string {
  if (path.length === 1) return path[0]!;
  return `${tableName(path.slice(0, -1))} ${path[path.length - 1]}`;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Date) return 'a date';
  if (Array.isArray(v)) return 'an array';
  if (isTable(v)) return 'a table';
  return String(v);
}
