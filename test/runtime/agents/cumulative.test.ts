// Cumulative counters over a resumed session (agents.md §16), on streams recorded from the real
// CLIs (claude 2.1.329, codex 0.169.0, qwen 0.24.4) resuming one session three times against the
// scripted model server, which served 220 input and 35 output tokens per run. claude's
// total_cost_usd/modelUsage, codex's turn.completed.usage and qwen's result.usage count the whole
// session: each attempt must be billed only its own run, from the baseline its predecessor left.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../runtime/agents/registry.js';
import type { RunMetrics, SessionTotals } from '../../../runtime/agents/types.js';

const lines = (name: string) =>
  readFileSync(new URL(`./streams/real/${name}.jsonl`, import.meta.url), 'utf8').split('\n');

/** Three attempts, each parsed by a fresh parser (a fresh process) from the totals the last one left. */
function threeAttempts(agent: string, provider: string): RunMetrics[] {
  let baseline: SessionTotals | undefined;
  const out: RunMetrics[] = [];
  for (let k = 1; k <= 3; k++) {
    const p = adapterFor(agent)!.createParser(baseline);
    for (const l of lines(`${provider}-resume-${k}`)) p.push(l);
    const m = p.finish(0, false);
    out.push(m);
    // what the run state keeps between jobs: plain JSON
    baseline = JSON.parse(JSON.stringify(m.sessionTotals)) as SessionTotals;
  }
  return out;
}

describe('cumulative session counters (recorded real streams)', () => {
  it('claude: total_cost_usd and modelUsage billed per attempt, not again for earlier attempts', () => {
    const ms = threeAttempts('claude-sonnet', 'claude');
    for (const m of ms) {
      expect(m.costUsd).toBeCloseTo(0.00079, 10);
      expect(m.tokens).toMatchObject({ input: 220, output: 35 });
      expect(m.perModel!['claude-sonnet-5-5']).toMatchObject({ input: 220, output: 35 });
      expect(m.perModel!['claude-sonnet-5-5']!.costUsd).toBeCloseTo(0.00079, 10);
      expect(m.numTurns).toBe(2);
    }
    expect(ms.map((m) => m.sessionTotals!.costUsd)).toEqual([
      0.0007900000000000001, 0.0015800000000000002, 0.0023700000000000006,
    ]);
    const billed = ms.reduce((a, m) => a + m.costUsd!, 0);
    expect(billed).toBeCloseTo(0.00237, 10); // the session's own total, not 0.00474
  });

  it('claude without a baseline (a fresh parser on a resumed stream) bills the cumulative figure: the defect this fixes', () => {
    const p = adapterFor('claude-sonnet')!.createParser();
    for (const l of lines('claude-resume-3')) p.push(l);
    expect(p.finish(0, false).costUsd).toBeCloseTo(0.00237, 10);
  });

  it('codex: turn.completed.usage billed as the growth over the previous attempt', () => {
    const ms = threeAttempts('codex-gpt-5.5', 'codex');
    for (const m of ms) expect(m.tokens).toMatchObject({ input: 220, output: 35, cacheRead: 0 });
    expect(ms.map((m) => m.sessionTotals!.tokens!.input)).toEqual([220, 440, 660]);
  });

  it('qwen: result.usage billed as the growth over the previous attempt', () => {
    const ms = threeAttempts('qwen-coder', 'qwen');
    for (const m of ms) expect(m.tokens).toMatchObject({ input: 220, output: 35 });
    expect(ms.map((m) => m.sessionTotals!.tokens!.input)).toEqual([220, 440, 660]);
  });

  it("a baseline above the reported figure (not this session's history) bills the figure whole", () => {
    const p = adapterFor('claude-sonnet')!.createParser({ costUsd: 5 });
    for (const l of lines('claude-resume-1')) p.push(l);
    expect(p.finish(0, false).costUsd).toBeCloseTo(0.00079, 10);
  });

  it("live metrics during the run are deltas too (guards see the attempt's own spend)", () => {
    const p = adapterFor('codex-gpt-5.5')!.createParser({
      tokens: { input: 440, output: 70, cacheRead: 0, cacheWrite: 0 },
    });
    for (const l of lines('codex-resume-3')) p.push(l);
    expect(p.partial().tokens).toMatchObject({ input: 220, output: 35 });
  });
});
