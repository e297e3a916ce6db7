// Registry (adapter by agent-name prefix, pass/stub excluded, GUMP_AGENT_OVERRIDE, cross-provider
// resume guard) and cost sources (language.md §17.2: reported, estimated, unknown).
import { describe, expect, it } from 'vitest';
import { adapterFor, applyAgentOverride, canResume, cliProviderOf } from '../../../runtime/agents/registry.js';
import { estimateCost, priceMetrics } from '../../../runtime/agents/cost.js';
import type { RunMetrics } from '../../../runtime/agents/types.js';

describe('registry', () => {
  it('resolves the provider before the first "-"', () => {
    expect(adapterFor('codex-gpt-5.5')?.provider).toBe('codex');
    expect(adapterFor('cursor')?.bin).toBe('cursor-agent');
    expect(cliProviderOf('opencode-gpt54')).toBe('opencode');
    for (const name of ['pass', 'stub', 'stub-cheap', 'mystery', 'Claude-opus'])
      expect(adapterFor(name), name).toBeUndefined();
  });
  it('applies GUMP_AGENT_OVERRIDE to every agent except pass', () => {
    const env = { GUMP_AGENT_OVERRIDE: 'claude-haiku' };
    expect(applyAgentOverride('codex-gpt54', env)).toBe('claude-haiku');
    expect(applyAgentOverride('pass', env)).toBe('pass');
    expect(applyAgentOverride('gemini', {})).toBe('gemini');
  });
  it('shares sessions only within a provider and an id shape', () => {
    const uuid = '0d7c2e8a-1111-4a2b-9c3d-000000000001';
    expect(canResume('claude-opus', 'claude-haiku', uuid)).toBe(true);
    expect(canResume('codex', 'claude', uuid)).toBe(false);
    expect(canResume('opencode', 'opencode-opus', 'ses_x1')).toBe(true);
    expect(canResume('stub', 'stub', 'stub-a-1')).toBe(false);
  });
});

const metrics = (over: Partial<RunMetrics> = {}): RunMetrics => ({
  isError: false,
  exitCode: 0,
  timedOut: false,
  durationMs: 1,
  tokens: { input: 1_000_000, output: 100_000, cacheRead: 2_000_000, cacheWrite: 0 },
  costSource: 'unknown',
  ...over,
});

describe('cost', () => {
  it('keeps a reported cost', () => {
    expect(priceMetrics(metrics({ costUsd: 0.42, costSource: 'reported' }), 'claude-opus')).toMatchObject({
      costUsd: 0.42,
      costSource: 'reported',
    });
  });
  it('estimates from tokens × the price of the resolved model', () => {
    const m = priceMetrics(metrics(), 'codex-gpt54'); // gpt-5.4: 2.5 in, 15 out, 0.25 cache read
    expect(m.costSource).toBe('estimated');
    expect(m.costUsd).toBeCloseTo(2.5 + 1.5 + 0.5);
    expect(
      estimateCost(
        { input: 0, output: 0, cacheRead: 0, cacheWrite: 1_000_000 },
        { input: 0, output: 0, cache_read: 0, cache_write: 3.75 },
      ),
    ).toBe(3.75);
  });
  it('bills a killed claude run from tokens (no result event, no reported cost)', () => {
    expect(priceMetrics(metrics(), 'claude').costSource).toBe('estimated');
  });
  it('is unknown (0) without a price, and honours [prices] overrides', () => {
    expect(priceMetrics(metrics(), 'codex-mystery-model')).toMatchObject({ costUsd: 0, costSource: 'unknown' });
    const prices = { 'mystery-model': { input: 1, output: 0, cache_read: 0, cache_write: 0 } };
    expect(priceMetrics(metrics(), 'codex-mystery-model', { prices })).toMatchObject({
      costUsd: 1,
      costSource: 'estimated',
    });
  });
});
