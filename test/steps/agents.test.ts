// Step rules: agents, providers, prices and turn limits (language.md §11, §17.2, §18), and the
// shared model tables of protocol/models.ts.

import { describe, expect, it } from 'vitest';
import { knownProvider, MODEL_ALIASES, priceFor, PRICES, resolveModel } from '../../protocol/models.js';
import { checkText, codesAt } from '../helpers/check.js';

const at = (yaml: string) => codesAt(checkText(yaml));

describe('GUMP124 unknown provider', () => {
  it('reports step and retry agents at their key', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: openai-gpt4
    prompt: "Do {spec}"
    gate: [compile]
    retry:
      - attempt: 2
        agent: mistral
      - exit: 2
`),
    ).toEqual(['GUMP124@5:5', 'GUMP124@10:9']);
  });
  it('accepts every provider, pass, stub and stub-<label>, and templates', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: stub-cheap
    prompt: "Do {spec}"
    gate: [compile]
    retry:
      - attempt: 2
        agent: stub
      - attempt: 3
        agent: "{x}"
      - exit: 3
  - name: b
    type: code
    agent: pass
    gate: [compile]
`),
    ).toEqual([]);
    for (const p of ['claude', 'codex-gpt54', 'gemini-pro', 'qwen-local', 'opencode-sonnet', 'cursor-gpt5'])
      expect(knownProvider(p)).toBeDefined();
    expect(knownProvider('pass-x')).toBeUndefined();
  });
});

describe('GUMP520 unknown model price', () => {
  it('warns a literal agent whose model has no price, at the agent key', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: codex-gpt-6.1-sol
    prompt: "Do {spec}"
    gate: [compile]
    retry:
      - attempt: 2
        agent: claude-opus[1m]
      - attempt: 3
        agent: gemini-ultra
      - exit: 3
`),
    ).toEqual(['GUMP520@5:5', 'GUMP520@12:9']);
  });
  it('knows a price for every alias of §18.2 and every bare provider', () => {
    for (const [provider, table] of Object.entries(MODEL_ALIASES)) {
      expect(priceFor(provider), provider).toBeDefined();
      for (const suffix of Object.keys(table))
        expect(priceFor(`${provider}-${suffix}`), `${provider}-${suffix}`).toBeDefined();
    }
    expect(priceFor('qwen-local')).toEqual(PRICES['qwen-local']);
    expect(priceFor('stub-x')?.input).toBe(0);
  });
  it('resolves aliases and passes unknown suffixes through', () => {
    expect(resolveModel('claude-haiku-4-5')).toBe('claude-haiku-4-5-20251001');
    expect(resolveModel('claude-opus[1m]')).toBe('opus[1m]');
    expect(resolveModel('claude')).toBeUndefined();
    expect(resolveModel('qwen-local')).toBeUndefined();
  });
});

describe('GUMP519 estimated cost', () => {
  it('notes a non-reporting provider when a root or guard budget applies', () => {
    expect(
      at(`name: w
max_budget: 5
steps:
  - name: a
    type: code
    agent: codex-gpt54
    prompt: "Do {spec}"
    gate: [compile]
    retry:
      - attempt: 2
        agent: claude-opus
      - exit: 2
`),
    ).toEqual(['GUMP519@6:5']);
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: gemini-pro
    prompt: "Do {spec}"
    guard: { max_budget: 1 }
    gate: [compile]
`),
    ).toEqual(['GUMP519@5:5']);
  });
  it('is silent without a budget, and for claude, stub and pass', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: codex
    prompt: "Do {spec}"
    gate: [compile]
`),
    ).toEqual([]);
    expect(
      at(`name: w
max_budget: 5
steps:
  - name: a
    type: code
    agent: claude-sonnet
    prompt: "Do {spec}"
    gate: [compile]
  - name: b
    type: code
    agent: stub
    prompt: "Do {spec}"
    gate: [compile]
  - name: c
    type: code
    agent: pass
    gate: [compile]
`),
    ).toEqual([]);
  });
});

describe('GUMP524 turns counted', () => {
  it('notes max_turns at its key when a literal agent has no turn-limit flag', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-sonnet
    prompt: "Do {spec}"
    guard:
      max_turns: 30
    gate: [compile]
    retry:
      - attempt: 2
        agent: cursor-opus
      - exit: 2
  - name: b
    type: code
    agent: qwen-coder
    prompt: "Do {spec}"
    guard: { max_turns: 30 }
    gate: [compile]
`),
    ).toEqual(['GUMP524@8:7']);
  });
});
