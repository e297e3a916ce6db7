// Runtime configuration: `<worktree>/gump.toml` (language.md §22) → RuntimeConfig with defaults.
// The compiler already diagnosed the file (GUMP020/203/523); here a broken file or a known key of
// the wrong type is a one-line ConfigError (fatal before the first step); unknown keys are ignored.
// Keys, defaults and value rules are protocol/gump-toml.ts's, shared with the check phase.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { durationMs } from '../protocol/duration.js';
import {
  COMMAND_KEYS,
  DEFAULT_ERROR_CONTEXT,
  DEFAULT_GATE_TIMEOUT_MS,
  ENDPOINT_KEYS,
  PRICE_KEYS,
  tableName,
  VALUE_RULES,
  type Price,
} from '../protocol/gump-toml.js';
import type { Endpoint } from './agents/types.js';

export interface RuntimeConfig {
  validation: { compile_cmd?: string; test_cmd?: string; lint_cmd?: string; coverage_cmd?: string; timeoutMs: number };
  errorContext: { maxErrorChars: number; maxDiffChars: number; stdoutTailChars: number };
  models: Record<string, string>;
  prices: Record<string, Price>;
  /** `[agents.<provider>]` with a `base_url`: the CLI is pointed at that endpoint (agents.md §16). */
  agents: Partial<Record<string, Endpoint>>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function defaultRuntimeConfig(): RuntimeConfig {
  return {
    validation: { timeoutMs: DEFAULT_GATE_TIMEOUT_MS },
    errorContext: {
      maxErrorChars: DEFAULT_ERROR_CONTEXT.max_error_chars,
      maxDiffChars: DEFAULT_ERROR_CONTEXT.max_diff_chars,
      stdoutTailChars: DEFAULT_ERROR_CONTEXT.stdout_tail_chars,
    },
    models: {},
    prices: {},
    agents: {},
  };
}

export function readRuntimeConfig(worktree: string): RuntimeConfig {
  const file = join(worktree, 'gump.toml');
  if (!existsSync(file)) return defaultRuntimeConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`gump.toml cannot be read: ${firstLine(e)}`);
  }
  return parseRuntimeConfig(text);
}

/** Parses gump.toml text; throws ConfigError with a one-line message. */
export function parseRuntimeConfig(text: string): RuntimeConfig {
  let data: Table;
  try {
    data = parseToml(text) as Table;
  } catch (e) {
    throw new ConfigError(`gump.toml cannot be parsed: ${firstLine(e)}`);
  }
  const config = defaultRuntimeConfig();
  const validation = table(data, 'validation');
  for (const key of COMMAND_KEYS) {
    const v = validation[key];
    if (v === undefined) continue;
    if (!VALUE_RULES.command.ok(v)) throw wrongType(`[validation] ${key}`, VALUE_RULES.command.expected, v);
    config.validation[key] = v as string;
  }
  if (validation.timeout !== undefined) {
    const ms = typeof validation.timeout === 'string' ? parseDurationMs(validation.timeout) : undefined;
    if (ms === undefined)
      throw wrongType('[validation] timeout', 'a duration such as 90s, 10m or 1h30m', validation.timeout);
    config.validation.timeoutMs = ms;
  }
  const errorContext = table(data, 'error_context');
  const counts = {
    max_error_chars: 'maxErrorChars',
    max_diff_chars: 'maxDiffChars',
    stdout_tail_chars: 'stdoutTailChars',
  } as const;
  for (const [key, field] of Object.entries(counts)) {
    const v = errorContext[key];
    if (v === undefined) continue;
    if (!VALUE_RULES.count.ok(v)) throw wrongType(`[error_context] ${key}`, VALUE_RULES.count.expected, v);
    config.errorContext[field] = v as number;
  }
  for (const [alias, model] of Object.entries(table(data, 'models'))) {
    if (!VALUE_RULES.model.ok(model)) throw wrongType(`[models] ${alias}`, VALUE_RULES.model.expected, model);
    config.models[alias] = model as string;
  }
  for (const [model, value] of Object.entries(table(data, 'prices'))) {
    const entry = table({ [model]: value }, model, tableName(['prices', model]));
    const price: Price = {};
    for (const key of PRICE_KEYS) {
      const v = entry[key];
      if (v === undefined) continue;
      if (!VALUE_RULES.price.ok(v))
        throw wrongType(`${tableName(['prices', model])} ${key}`, VALUE_RULES.price.expected, v);
      price[key] = v as number;
    }
    config.prices[model] = price;
  }
  for (const [provider, value] of Object.entries(table(data, 'agents'))) {
    const entry = table({ [provider]: value }, provider, `[agents.${provider}]`);
    for (const key of ENDPOINT_KEYS) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string')
        throw wrongType(`[agents.${provider}] ${key}`, 'a string', entry[key]);
    }
    if (typeof entry.base_url !== 'string') continue; // no endpoint: the CLI's own default
    const endpoint: Endpoint = { baseUrl: entry.base_url };
    if (typeof entry.api_key_env === 'string') endpoint.apiKeyEnv = entry.api_key_env;
    if (typeof entry.model === 'string') endpoint.model = entry.model;
    config.agents[provider] = endpoint;
  }
  return config;
}

/** `90s`, `10m`, `1h30m`, `1.5h`, `500ms` → milliseconds; undefined when malformed or zero. */
export function parseDurationMs(text: string): number | undefined {
  const ms = durationMs(text);
  return ms !== undefined && ms > 0 ? Math.round(ms) : undefined;
}

type Table = Record<string, unknown>;

function table(data: Table, key: string, label = `[${key}]`): Table {
  const v = data[key];
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date)
    throw wrongType(label, 'a table', v);
  return v as Table;
}

function wrongType(label: string, expected: string, value: unknown): ConfigError {
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'an array'
        : value instanceof Date
          ? 'a date'
          : typeof value === 'object'
            ? 'a table'
            : String(value);
  return new ConfigError(`gump.toml: ${label} must be ${expected}, not ${shown}`);
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!.trim();
}
