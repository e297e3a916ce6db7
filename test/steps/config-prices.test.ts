// GUMP520 with project prices (language.md §17.2, §22): gump.toml `[prices."<model>"]` extends the
// built-in price table at compile time as at run time, so a priced model is not warned.

import { describe, expect, it } from 'vitest';
import { checkText, codesAt } from '../helpers/check.js';

const yaml = `name: w
steps:
  - name: a
    type: code
    agent: claude-opus-4-5
    prompt: "Do {spec}"
    gate: [compile]
    retry:
      - attempt: 2
        agent: codex-gpt60
      - exit: 2
`;

describe('GUMP520 and gump.toml [prices]', () => {
  it('warns pass-through models without a price', () => {
    expect(codesAt(checkText(yaml))).toEqual(['GUMP520@5:5', 'GUMP520@10:9']);
  });
  it('does not warn a model priced in gump.toml (keyed by the resolved model)', () => {
    const toml = '[prices."opus-4-5"]\ninput = 15\noutput = 75\n';
    expect(codesAt(checkText(yaml, { 'gump.toml': toml }))).toEqual(['GUMP520@10:9']);
  });
  it('ignores a price given under the agent name instead of the model', () => {
    const toml = '[prices."claude-opus-4-5"]\ninput = 15\noutput = 75\n';
    expect(codesAt(checkText(yaml, { 'gump.toml': toml }))).toEqual(['GUMP520@5:5', 'GUMP520@10:9']);
  });
});
