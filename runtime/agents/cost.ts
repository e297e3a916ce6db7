// Cost of an attempt (language.md §17.2): `reported` by the stream, else `estimated` from
// tokens × the price table (USD per million tokens), else `unknown` (cost 0, invisible to budgets).
import { PRICES, priceFor, type ModelPrice } from '../../protocol/models.js';
import type { AliasTable } from './adapter-kit.js';
import type { RunMetrics, TokenCounts } from './types.js';

export interface CostOptions {
  /** Built-in prices merged with gump.toml [prices] (default: the built-in table). */
  prices?: Readonly<Record<string, ModelPrice>>;
  aliases?: AliasTable;
}

export function estimateCost(t: TokenCounts, p: ModelPrice): number {
  return (
    (t.input * p.input + t.output * p.output + t.cacheRead * p.cache_read + t.cacheWrite * p.cache_write) / 1_000_000
  );
}

/** Fill `costUsd`/`costSource` of metrics that carry no reported cost. Returns a new object. */
export function priceMetrics<M extends RunMetrics>(m: M, agent: string, o: CostOptions = {}): M {
  if (m.costSource === 'reported' && m.costUsd !== undefined) return m;
  const price = priceFor(agent, o.prices ?? PRICES, o.aliases);
  if (price === undefined) return { ...m, costUsd: 0, costSource: 'unknown' };
  return { ...m, costUsd: estimateCost(m.tokens, price), costSource: 'estimated' };
}
