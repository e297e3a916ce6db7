// The diagnostic catalogue (language.md §19) in one place: every code, slug, severity,
// message, hint and example. Codes are never renumbered or reused.

import type { CatalogueEntry } from './entry.js';
import { structureCodes } from './codes-0xx.js';
import { referenceCodes } from './codes-1xx.js';
import { valueCodes } from './codes-2xx.js';
import { semanticCodes } from './codes-3xx.js';
import { targetCodes } from './codes-4xx.js';
import { deprecationCodes } from './codes-5xx.js';

export type { CatalogueEntry, Severity } from './entry.js';

export const catalogue: readonly CatalogueEntry[] = [
  ...structureCodes,
  ...referenceCodes,
  ...valueCodes,
  ...semanticCodes,
  ...targetCodes,
  ...deprecationCodes,
];

const byCode = new Map(catalogue.map((e) => [e.code, e]));

export function lookupCode(code: string): CatalogueEntry | undefined {
  return byCode.get(code.toUpperCase());
}
