// Step rules: retry statics (language.md §9.1, §9.5; entries reported at the list entry, §19).

import { describe, expect, it } from 'vitest';
import { checkText, codesAt } from '../helpers/check.js';

const at = (yaml: string) => codesAt(checkText(yaml));

/** A code step (lines 3–7) with the given retry entries from line 8 on. */
const step = (entries: string, gate = '[compile, test]') => `name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    gate: ${gate}
    retry:
${entries}`;

describe('GUMP316, GUMP317 exit count', () => {
  it('reports a list without exit at the retry key', () => {
    expect(at(step('      - attempt: 2\n        session: new\n'))).toEqual(['GUMP316@8:5']);
  });
  it('reports every further exit entry', () => {
    expect(at(step('      - exit: 2\n      - exit: 3\n      - exit: 4\n'))).toEqual(['GUMP317@10:9', 'GUMP317@11:9']);
  });
  it('does not report GUMP316 when the exit entry has a bad value', () => {
    expect(at(step('      - exit: 0\n'))).toEqual(['GUMP205@9:9']);
  });
  it('accepts one exit entry', () => {
    expect(at(step('      - attempt: 2\n        session: new\n      - exit: 3\n'))).toEqual([]);
  });
});

describe('GUMP318 attempt order', () => {
  it('reports an attempt not above the earlier ones', () => {
    expect(
      at(
        step(
          '      - attempt: 3\n        session: new\n      - attempt: 3\n        prompt: "x"\n      - attempt: 2\n        prompt: "y"\n      - exit: 4\n',
        ),
      ),
    ).toEqual(['GUMP318@11:9', 'GUMP318@13:9']);
  });
});

describe('GUMP319, GUMP320 overrides', () => {
  it('reports overrides on an exit entry at the entry', () => {
    expect(at(step('      - exit: 3\n        agent: claude-sonnet\n'))).toEqual(['GUMP319@9:9']);
  });
  it('reports with on an attempt or not entry', () => {
    expect(
      at(
        step(
          '      - attempt: 2\n        with: { x: "1" }\n      - not: gate.test\n        with: { x: "1" }\n      - exit: 3\n',
        ),
      ),
    ).toEqual(['GUMP320@9:9', 'GUMP320@11:9']);
  });
});

describe('GUMP321 group retry', () => {
  it('reports group entries other than exit at the entry', () => {
    expect(
      at(`name: w
steps:
  - name: g
    parallel: true
    steps:
      - name: q
        gate: [compile]
    retry:
      - attempt: 2
      - exit: 2
`),
    ).toEqual(['GUMP321@9:9']);
  });
});

describe('GUMP514, GUMP515, GUMP516 warnings', () => {
  it('warns an entry after exit', () => {
    expect(at(step('      - exit: 3\n      - attempt: 2\n        session: new\n'))).toEqual(['GUMP514@10:9']);
  });
  it('warns an attempt above exit', () => {
    expect(at(step('      - attempt: 4\n        session: new\n      - exit: 3\n'))).toEqual(['GUMP515@9:9']);
  });
  it('warns exit: 1', () => {
    expect(at(step('      - exit: 1\n'))).toEqual(['GUMP516@9:9']);
  });
});

describe('GUMP521 reset keeps session', () => {
  it('warns worktree: reset without session: new in the same entry', () => {
    expect(
      at(
        step(
          '      - attempt: 2\n        worktree: reset\n      - attempt: 3\n        worktree: reset\n        session: new\n      - exit: 4\n',
        ),
      ),
    ).toEqual(['GUMP521@9:9']);
  });
});

describe('GUMP123 retry not unknown gate', () => {
  it('reports an unknown gate name at the not key', () => {
    expect(
      at(
        step(
          '      - not: gate.lint\n        session: new\n      - not: gate.test\n        prompt: "fix it"\n      - exit: 3\n',
        ),
      ),
    ).toEqual(['GUMP123@9:9']);
  });
  it('knows derived names (bash_1) and skips when a gate entry is invalid', () => {
    expect(
      at(step('      - not: gate.bash_1\n        session: new\n      - exit: 3\n', '[compile, "bash: make x"]')),
    ).toEqual([]);
    expect(at(step('      - not: gate.nope\n        session: new\n      - exit: 3\n', '[compile, scan]'))).toEqual([
      'GUMP211@7:21',
    ]);
  });
});
