// Shared protocol (compiler and runtime): agent providers, model aliases and list prices
// (language.md §17.2, §18). Pure data plus lookups; imports nothing so both sides can use it.
// `[models]` and `[prices]` in gump.toml override these tables (callers pass the merged tables).

/** Providers with a CLI adapter (§18.1). `pass` and `stub` are pseudo-providers. */
export const CLI_PROVIDERS = ['claude', 'codex', 'gemini', 'qwen', 'opencode', 'cursor'] as const;
export type CliProvider = (typeof CLI_PROVIDERS)[number];
export type Provider = CliProvider | 'pass' | 'stub';

export interface ProviderInfo {
  /** Context file the runtime writes in the agent's working directory (§16); null: none. */
  contextFile: string | null;
  /** `flag`: the CLI enforces max_turns itself; `counted`: the runtime counts turn events. */
  turnLimit: 'flag' | 'counted' | 'none';
  /** `reported` by the stream, `estimated` from tokens × prices, `script` (stub), `none` (pass). */
  cost: 'reported' | 'estimated' | 'script' | 'none';
  sessionResume: boolean;
}

/** §18.1 provider table. */
export const PROVIDER_INFO: Readonly<Record<Provider, ProviderInfo>> = {
  claude: { contextFile: 'CLAUDE.md', turnLimit: 'flag', cost: 'reported', sessionResume: true },
  codex: { contextFile: 'AGENTS.md', turnLimit: 'counted', cost: 'estimated', sessionResume: true },
  gemini: { contextFile: 'GEMINI.md', turnLimit: 'counted', cost: 'estimated', sessionResume: true },
  qwen: { contextFile: 'QWEN.md', turnLimit: 'flag', cost: 'estimated', sessionResume: true },
  opencode: { contextFile: 'AGENTS.md', turnLimit: 'counted', cost: 'estimated', sessionResume: true },
  cursor: { contextFile: '.cursor/rules/gump-agent.mdc', turnLimit: 'counted', cost: 'estimated', sessionResume: true },
  pass: { contextFile: null, turnLimit: 'none', cost: 'none', sessionResume: false },
  stub: { contextFile: 'AGENTS.md', turnLimit: 'counted', cost: 'script', sessionResume: true },
};

/** Every provider context-file path (§16): never committed, never in diffs. */
export const CONTEXT_FILES: readonly string[] = [
  ...new Set(Object.values(PROVIDER_INFO).flatMap((p) => (p.contextFile === null ? [] : [p.contextFile]))),
];

/**
 * §18.2 default aliases: suffix → model passed to the CLI's model flag. `null`: no model flag
 * (the CLI's or the local default). A suffix missing here is passed through unchanged.
 */
export const MODEL_ALIASES: Readonly<Record<CliProvider, Readonly<Record<string, string | null>>>> = {
  claude: {
    opus: 'opus',
    sonnet: 'sonnet',
    haiku: 'haiku',
    opusplan: 'opusplan',
    'opus-4-6': 'claude-opus-4-6',
    'sonnet-4-6': 'claude-sonnet-4-6',
    'haiku-4-5': 'claude-haiku-4-5-20251001',
  },
  codex: {
    gpt54: 'gpt-5.4',
    'gpt54-mini': 'gpt-5.4-mini',
    gpt53: 'gpt-5.3-codex',
    'gpt53-spark': 'gpt-5.3-codex-spark',
    gpt52: 'gpt-5.2-codex',
    'gpt51-max': 'gpt-5.1-codex-max',
    o3: 'o3-codex',
  },
  gemini: {
    flash: 'flash',
    pro: 'pro',
    'flash-lite': 'flash-lite',
    '25-pro': 'gemini-2.5-pro',
    '25-flash': 'gemini-2.5-flash',
  },
  qwen: {
    coder: 'qwen3-coder',
    'coder-plus': 'qwen3-coder-plus',
    plus: 'qwen3-coder-plus',
    local: null,
  },
  opencode: {
    sonnet: 'anthropic/claude-sonnet-4-6',
    opus: 'anthropic/claude-opus-4-6',
    haiku: 'anthropic/claude-haiku-4-5',
    gpt54: 'openai/gpt-5.4',
    gpt53: 'openai/gpt-5.3',
    gemini: 'google/gemini-3.1-pro',
  },
  cursor: {
    sonnet: 'claude-4.6-sonnet-medium',
    'sonnet-thinking': 'claude-4.6-sonnet-medium-thinking',
    opus: 'claude-4.6-opus-high',
    'opus-thinking': 'claude-4.6-opus-high-thinking',
    gpt5: 'gpt-5.4-medium',
    gemini: 'gemini-3.1-pro',
  },
};

/** USD per million tokens (§17.2). */
export interface ModelPrice {
  input: number;
  output: number;
  cache_read: number;
  cache_write: number;
}

const p = (input: number, output: number, cache_read: number, cache_write: number): ModelPrice => ({
  input,
  output,
  cache_read,
  cache_write,
});
const OPUS = p(5, 25, 0.5, 6.25);
const SONNET = p(3, 15, 0.3, 3.75);
const HAIKU = p(1, 5, 0.1, 1.25);
const GPT54 = p(2.5, 15, 0.25, 2.5);
const GPT53 = p(1.75, 14, 0.175, 1.75);
const GEMINI_PRO = p(2, 12, 0.2, 2);
const FREE = p(0, 0, 0, 0);

/**
 * Built-in price table, keyed by price key (see `priceKey`): every model of §18.2 and every bare
 * provider name (the CLI's default model). These are public list prices as of early 2026, best
 * known values for estimates only; `[prices."<model>"]` in gump.toml overrides or extends them.
 * OpenAI and Google do not bill cache writes separately: cache_write is their input price.
 */
export const PRICES: Readonly<Record<string, ModelPrice>> = {
  // claude (cost is reported by the stream; prices only back estimates after a kill)
  claude: SONNET,
  opus: OPUS,
  sonnet: SONNET,
  haiku: HAIKU,
  opusplan: OPUS, // plans with Opus, executes with Sonnet: priced as Opus (upper bound)
  'opus[1m]': p(10, 37.5, 1, 12.5), // 1M-context variants: long-context rates (upper bound)
  'sonnet[1m]': p(6, 22.5, 0.6, 7.5),
  'claude-opus-4-6': OPUS,
  'claude-sonnet-4-6': SONNET,
  'claude-haiku-4-5-20251001': HAIKU,
  // codex
  codex: GPT54,
  'gpt-5.4': GPT54,
  'gpt-5.4-mini': p(0.75, 4.5, 0.075, 0.75),
  'gpt-5.3-codex': GPT53,
  'gpt-5.3-codex-spark': GPT53,
  'gpt-5.2-codex': GPT53,
  'gpt-5.1-codex-max': p(1.25, 10, 0.125, 1.25),
  'o3-codex': p(2, 8, 0.5, 2),
  // gemini (the CLI's durable aliases follow the current generation)
  gemini: GEMINI_PRO, // `auto` routing: priced as pro (upper bound)
  pro: GEMINI_PRO,
  flash: p(0.5, 3, 0.05, 0.5),
  'flash-lite': p(0.1, 0.4, 0.01, 0.1),
  'gemini-2.5-pro': p(1.25, 10, 0.125, 1.25),
  'gemini-2.5-flash': p(0.3, 2.5, 0.03, 0.3),
  // qwen
  qwen: p(1, 5, 0.1, 1.25),
  'qwen3-coder': p(0.5, 2, 0.05, 0.625),
  'qwen3-coder-plus': p(1, 5, 0.1, 1.25),
  'qwen-local': FREE, // local model
  // opencode
  opencode: SONNET,
  'anthropic/claude-sonnet-4-6': SONNET,
  'anthropic/claude-opus-4-6': OPUS,
  'anthropic/claude-haiku-4-5': HAIKU,
  'openai/gpt-5.4': GPT54,
  'openai/gpt-5.3': GPT53,
  'google/gemini-3.1-pro': GEMINI_PRO,
  // cursor
  cursor: p(1.25, 6, 0.25, 1.25), // Auto
  'claude-4.6-sonnet-medium': SONNET,
  'claude-4.6-sonnet-medium-thinking': SONNET,
  'claude-4.6-opus-high': OPUS,
  'claude-4.6-opus-high-thinking': OPUS,
  'gpt-5.4-medium': GPT54,
  'gemini-3.1-pro': GEMINI_PRO,
  // pseudo-providers
  pass: FREE,
  stub: FREE,
};

/** `<provider>` or `<provider>-<suffix>`: the provider is the text before the first `-` (§18.1). */
export function splitAgentName(name: string): { provider: string; suffix?: string } {
  const dash = name.indexOf('-');
  return dash < 0 ? { provider: name } : { provider: name.slice(0, dash), suffix: name.slice(dash + 1) };
}

/** A known provider: the six CLIs, `stub`/`stub-<label>`, and exactly `pass`. */
export function knownProvider(name: string): Provider | undefined {
  const { provider, suffix } = splitAgentName(name);
  if ((CLI_PROVIDERS as readonly string[]).includes(provider)) return provider as CliProvider;
  if (provider === 'stub') return 'stub';
  if (provider === 'pass' && suffix === undefined) return 'pass';
  return undefined;
}

/** The model flag value for an agent name (§18.2); undefined: no model flag. */
export function resolveModel(
  name: string,
  aliases: Readonly<Record<string, Readonly<Record<string, string | null>>>> = MODEL_ALIASES,
): string | undefined {
  const { provider, suffix } = splitAgentName(name);
  if (suffix === undefined || provider === 'stub' || provider === 'pass') return undefined;
  const table = aliases[provider] ?? {};
  if (Object.hasOwn(table, suffix)) return table[suffix] ?? undefined;
  return suffix;
}

/**
 * Key of an agent in the price table: the resolved model; the agent name itself when no model
 * flag is passed (a bare provider such as `claude`, or `qwen-local`); `stub`/`pass` for those.
 */
export function priceKey(
  name: string,
  aliases?: Readonly<Record<string, Readonly<Record<string, string | null>>>>,
): string {
  const provider = knownProvider(name);
  if (provider === 'stub' || provider === 'pass') return provider;
  return resolveModel(name, aliases) ?? name;
}

/** The price of an agent's model, or undefined when unknown (cost source `unknown`, §17.2). */
export function priceFor(
  name: string,
  prices: Readonly<Record<string, ModelPrice>> = PRICES,
  aliases?: Readonly<Record<string, Readonly<Record<string, string | null>>>>,
): ModelPrice | undefined {
  const key = priceKey(name, aliases);
  return Object.hasOwn(prices, key) ? prices[key] : undefined;
}
