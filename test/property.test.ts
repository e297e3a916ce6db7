// Property: checking any input never throws, and every diagnostic has a catalogued code, a
// severity, a message and a location inside its file. Inputs: random YAML-ish workflows and
// mutations of real ones (test/helpers/generate.ts). GUMP_PROPERTY_RUNS / _SEED override the
// fixed defaults; `node bench/check.mjs --property N` runs longer campaigns.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkCase, loadBases, mutationCase, yamlishCase, type Case } from './helpers/generate.js';

const TOTAL_RUNS = envInteger('GUMP_PROPERTY_RUNS', 10_000);
const SEED = envInteger('GUMP_PROPERTY_SEED', 20_261_121);
const TIMEOUT_MS = Math.max(120_000, TOTAL_RUNS * 30);

function envInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

function holds(c: Case): void {
  const problems = checkCase(c);
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

describe('property: checking is total and every diagnostic is catalogued and located', () => {
  it(`random YAML-ish workflows (${Math.ceil(TOTAL_RUNS / 2)} runs, seed ${SEED})`, { timeout: TIMEOUT_MS }, () => {
    fc.assert(fc.property(yamlishCase, holds), { seed: SEED, numRuns: Math.ceil(TOTAL_RUNS / 2) });
  });

  it(`mutated library workflows and seeds (${Math.floor(TOTAL_RUNS / 2)} runs, seed ${SEED})`, {
    timeout: TIMEOUT_MS,
  }, () => {
    fc.assert(fc.property(mutationCase(loadBases()), holds), { seed: SEED, numRuns: Math.floor(TOTAL_RUNS / 2) });
  });
});
