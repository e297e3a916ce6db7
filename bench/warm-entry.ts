// Benchmark entry (bundled by bench/check.mjs with esbuild, then imported): the in-process
// checker API for warm timings, and long property campaigns over the shared generators.

import fc from 'fast-check';
import { checkFiles } from '../src/compile.js';
import { catalogue } from '../src/diagnostics/catalogue/index.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { MemoryHost } from '../src/project/memory-host.js';
import {
  checkCaseDetailed,
  generateWorkflow,
  loadBases,
  mutationCase,
  yamlishCase,
  type Case,
} from '../test/helpers/generate.js';

export { generateWorkflow, loadBases };

/** Check `workflow.yaml` of an in-memory project; returns the number of diagnostics (nested excluded). */
export function checkProject(files: Record<string, string>): number {
  const host = new MemoryHost(files);
  const { results, configDiagnostics } = checkFiles(host, [host.source('workflow.yaml')]);
  return configDiagnostics.length + results.reduce((n, r) => n + r.diagnostics.length, 0);
}

/** Codes reported for a project (to show why a generated workflow is not clean). */
export function codesOf(files: Record<string, string>): string[] {
  const host = new MemoryHost(files);
  const { results, configDiagnostics } = checkFiles(host, [host.source('workflow.yaml')]);
  return [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)].map(
    (d) => `${d.code}@${d.span.line}:${d.span.col}`,
  );
}

export interface CampaignResult {
  runs: number;
  failingCases: number;
  ms: number;
  /** Distinct problems (numbers and positions blanked), with a count and the smallest example. */
  problems: { problem: string; count: number; example: Case }[];
  /** How many cases produced each code (nested included), and the catalogue codes never produced. */
  codes: Record<string, number>;
  unexercised: string[];
}

function codesIn(diagnostics: Diagnostic[]): Set<string> {
  const seen = new Set<string>();
  const visit = (d: Diagnostic) => {
    seen.add(d.code);
    d.nested?.forEach(visit);
  };
  diagnostics.forEach(visit);
  return seen;
}

/**
 * Run the property over `runs` cases (half YAML-ish, half mutations) without stopping at the first
 * failure, so one campaign lists every distinct violation. Batches of 500, seeds `seed + batch`.
 */
export function runCampaign(runs: number, seed: number, onProgress?: (done: number) => void): CampaignResult {
  const bases = loadBases();
  const generators = [yamlishCase, mutationCase(bases)];
  const found = new Map<string, { count: number; example: Case; size: number }>();
  const codes: Record<string, number> = {};
  let failingCases = 0;
  let done = 0;
  const start = performance.now();
  for (let batch = 0; done < runs; batch++) {
    const n = Math.min(500, runs - done);
    const cases = fc.sample(generators[batch % 2]!, { seed: seed + batch, numRuns: n });
    for (const c of cases) {
      const { problems, diagnostics } = checkCaseDetailed(c);
      for (const code of codesIn(diagnostics)) codes[code] = (codes[code] ?? 0) + 1;
      if (problems.length) failingCases++;
      for (const p of problems) {
        const key = p
          .split('\n')[0]!
          .replace(/GUMP\d+|\d+/g, (m) => (m.startsWith('GUMP') ? m : 'N'))
          .replace(/\[N\]/g, '');
        const size = Object.values(c.files).reduce((s, t) => s + t.length, 0);
        const prev = found.get(key);
        if (!prev) found.set(key, { count: 1, example: c, size });
        else {
          prev.count++;
          if (size < prev.size) Object.assign(prev, { example: c, size });
        }
      }
    }
    done += n;
    onProgress?.(done);
  }
  const problems = [...found]
    .map(([problem, v]) => ({ problem, count: v.count, example: v.example }))
    .sort((a, b) => b.count - a.count);
  const ms = performance.now() - start;
  const unexercised = catalogue.map((e) => e.code).filter((code) => !codes[code]);
  return { runs: done, failingCases, ms, problems, codes, unexercised };
}
