// Step rules helper: the price table the runtime will use (language.md §17.2, §22) — the built-in
// table extended by gump.toml `[prices."<model>"]` — so GUMP519 and GUMP520 agree with run time.

import { PRICES, type ModelPrice } from '../../../../protocol/models.js';
import type { GumpConfig } from '../../check-config.js';

/** Models priced by the built-in table or by the project's gump.toml (only presence matters here). */
export function projectPrices(config: GumpConfig | undefined): Readonly<Record<string, ModelPrice>> {
  const extra = Object.keys(config?.prices ?? {});
  if (extra.length === 0) return PRICES;
  const zero: ModelPrice = { input: 0, output: 0, cache_read: 0, cache_write: 0 };
  return { ...PRICES, ...Object.fromEntries(extra.map((m) => [m, PRICES[m] ?? zero])) };
}
