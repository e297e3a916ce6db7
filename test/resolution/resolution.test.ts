// Resolution of workflows and validators (language.md §7.4): GUMP118–121, 127, 221, 328, 329 with
// their locations (§19), and what the resolve pass leaves in `wf.callees` for the rules.

import { describe, expect, it } from 'vitest';
import { Program } from '../../src/2-check/program.js';
import { calleeFor } from '../../src/2-check/resolve-ref.js';
import { checkFiles } from '../../src/compile.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import { checkText, codes, codesAt } from '../helpers/check.js';

const IMPL = `  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`;
const wf = (steps: string, name = 'add-login'): string => `name: ${name}\nsteps:\n${steps}`;
const CLEAN = wf(IMPL, 'helper');
const VALIDATOR = wf(
  `  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review {diff} against {spec}"
`,
  'check',
);

describe('GUMP118 workflow-not-found', () => {
  it('reports a call at its workflow key and a GET workflow at get.workflow', () => {
    const d = checkText(
      wf(`  - name: setup
    workflow: setup_env
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: research
      prompt: "Implement {spec}"
    gate: [compile]
`),
    );
    expect(codesAt(d)).toEqual(['GUMP118@4:5', 'GUMP118@9:7']);
  });

  it('suggests the closest project or built-in name', () => {
    const [d] = checkText(wf('  - name: setup\n    workflow: setup_env\n'), {
      '.gump/workflows/setup-env.yaml': CLEAN,
    });
    expect(d?.hint).toBe('did you mean "setup-env"?');
    const [b] = checkText(wf('  - name: go\n    workflow: tddd\n'));
    expect(b?.hint).toBe('did you mean "tdd"?');
  });

  it('resolves .yaml, then .yml, then the built-in, also in subfolders and with workflows/', () => {
    const files = {
      '.gump/workflows/a.yml': CLEAN,
      '.gump/workflows/tools/b.yaml': CLEAN,
    };
    const d = checkText(
      wf(
        '  - name: a\n    workflow: a\n  - name: b\n    workflow: workflows/tools/b\n  - name: c\n    workflow: freeform\n',
      ),
      files,
    );
    expect(codes(d)).toEqual([]);
  });

  it('reports a validators/ reference of a call as GUMP118 when it does not resolve', () => {
    expect(codesAt(checkText(wf('  - name: a\n    workflow: validators/nope\n')))).toEqual(['GUMP118@4:5']);
  });
});

describe('GUMP119 validator-not-found', () => {
  it('reports gate entries (map and string forms) and retry entries at the validate key', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/nope
      - "validate: arch-review"
    retry:
      - agent: claude-opus
        validate: validators/missing
      - exit: 2
`),
    );
    expect(codesAt(d)).toEqual(['GUMP119@9:9', 'GUMP119@10:9', 'GUMP119@13:9']);
  });

  it('hints the validators/ prefix when it is missing', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - validate: workflows/check
`),
      { '.gump/workflows/check.yaml': VALIDATOR },
    );
    expect(codes(d)).toEqual(['GUMP119']);
    expect(d[0]?.hint).toBe('write validators/check');
  });
});

describe('GUMP120 invalid-workflow-reference', () => {
  it('reports empty, prefix-only, absolute, .. and backslash references', () => {
    const d = checkText(
      wf(`  - name: a
    workflow: ""
  - name: b
    workflow: workflows/
  - name: c
    workflow: /srv/setup
  - name: d
    workflow: ../shared/setup
  - name: e
    workflow: 'tools\\setup'
`),
    );
    expect(codesAt(d)).toEqual(['GUMP120@4:5', 'GUMP120@6:5', 'GUMP120@8:5', 'GUMP120@10:5', 'GUMP120@12:5']);
  });

  it('reports a validate gate or retry entry without a reference', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate:
      - validate: validators/
    retry:
      - validate: ""
      - exit: 2
`),
    );
    expect(codesAt(d)).toEqual(['GUMP120@9:9', 'GUMP120@10:9', 'GUMP120@12:9']);
  });

  it('reports an empty get.workflow', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: ""
      prompt: "Implement {spec}"
`),
    );
    expect(codesAt(d)).toEqual(['GUMP120@7:7']);
  });
});

describe('GUMP121 call-cycle', () => {
  it('reports the cycle at the reference that enters it, without a GUMP127 for it', () => {
    const files = {
      '.gump/workflows/release.yaml': wf('  - name: verify\n    workflow: verify\n', 'release'),
      '.gump/workflows/verify.yaml': wf('  - name: again\n    workflow: release\n', 'verify'),
    };
    const d = checkText(wf('  - name: ship\n    workflow: release\n'), files);
    expect(codesAt(d)).toEqual(['GUMP121@4:5']);
    expect(d[0]?.message).toContain('release → verify → release');
  });

  it('reports a self call inside the callee, and the caller that reaches it', () => {
    const host = new MemoryHost({
      '.gump/workflows/loop.yaml': wf('  - name: again\n    workflow: workflows/loop\n', 'loop'),
      'workflow.yaml': wf('  - name: go\n    workflow: loop\n'),
    });
    const loop = new Program(host).check(host.source('.gump/workflows/loop.yaml'));
    expect(codesAt(loop.diagnostics)).toEqual(['GUMP121@4:5']);
    expect(loop.diagnostics[0]?.message).toContain('loop → loop');
    const root = checkFiles(host, [host.source('workflow.yaml')]).results[0]!;
    expect(codesAt(root.diagnostics)).toEqual(['GUMP121@4:5']);
  });

  it('follows GET workflows and validators', () => {
    const files = {
      '.gump/validators/judge.yaml': wf(
        `  - name: review
    type: validate
    agent: claude-opus
    get:
      workflow: research
      prompt: "Review {diff}"
`,
        'judge',
      ),
      '.gump/workflows/research.yaml': wf(
        `  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Notes on {spec}"
    gate:
      - validate: validators/judge
`,
        'research',
      ),
    };
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - validate: validators/judge
`),
      files,
    );
    expect(codesAt(d)).toEqual(['GUMP121@8:9']);
    expect(d[0]?.message).toContain('validators/judge → research → validators/judge');
  });
});

describe('GUMP127 callee-invalid', () => {
  const BROKEN = wf(
    `  - name: install
    type: code
    agent: claude-haiku
    prompt: "Install {spec}"
    gate: [compile, tset]
`,
    'setup-env',
  );

  it('reports one GUMP127 per reference with the callee errors nested at their own locations', () => {
    const d = checkText(wf('  - name: setup\n    workflow: setup-env\n'), { '.gump/workflows/setup-env.yaml': BROKEN });
    expect(codesAt(d)).toEqual(['GUMP127@4:5']);
    const nested = d[0]!.nested ?? [];
    expect(nested.map((n) => `${n.file}:${n.code}@${n.span.line}:${n.span.col}`)).toEqual([
      '.gump/workflows/setup-env.yaml:GUMP211@7:21',
    ]);
  });

  it('nests transitively', () => {
    const files = {
      '.gump/workflows/outer.yaml': wf('  - name: inner\n    workflow: setup-env\n', 'outer'),
      '.gump/workflows/setup-env.yaml': BROKEN,
    };
    const [d] = checkText(wf('  - name: go\n    workflow: outer\n'), files);
    expect(d?.code).toBe('GUMP127');
    expect(d?.nested?.map((n) => `${n.file}:${n.code}`)).toEqual(['.gump/workflows/outer.yaml:GUMP127']);
    expect(d?.nested?.[0]?.nested?.map((n) => n.code)).toEqual(['GUMP211']);
  });

  it('ignores callee warnings and parses a broken callee once', () => {
    const warned = `description: old\n${CLEAN}`;
    expect(
      codes(checkText(wf('  - name: go\n    workflow: warned\n'), { '.gump/workflows/warned.yaml': warned })),
    ).toEqual([]);
    const d = checkText(wf('  - name: go\n    workflow: bad\n  - name: again\n    workflow: bad\n'), {
      '.gump/workflows/bad.yaml': 'name: [\n',
    });
    expect(codesAt(d)).toEqual(['GUMP127@4:5', 'GUMP127@6:5']);
  });

  it('prefers a project file over the built-in of the same name', () => {
    const d = checkText(wf('  - name: go\n    workflow: tdd\n'), { '.gump/workflows/tdd.yaml': BROKEN });
    expect(d[0]?.nested?.[0]?.file).toBe('.gump/workflows/tdd.yaml');
  });
});

describe('wf.callees', () => {
  it('records every reference by the text written and its kind', () => {
    const host = new MemoryHost({
      '.gump/workflows/setup.yaml': CLEAN,
      '.gump/validators/check.yaml': VALIDATOR,
      'workflow.yaml': wf(`  - name: setup
    workflow: workflows/setup
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - validate: validators/check
  - name: missing
    workflow: nope
`),
    });
    const checked = checkFiles(host, [host.source('workflow.yaml')]).results[0]!.workflow!;
    expect(calleeFor(checked, 'workflows/setup')).toMatchObject({ as: 'workflow', file: '.gump/workflows/setup.yaml' });
    expect(calleeFor(checked, 'workflows/setup')?.checked?.ast.name?.value).toBe('helper');
    expect(calleeFor(checked, 'validators/check', 'validator')?.checked?.validatorShaped).toBe(true);
    expect(calleeFor(checked, 'nope')).toMatchObject({ missing: true });
  });
});

describe('GUMP328 validator-without-verdict and GUMP329 validator-writes', () => {
  const NOTES = wf(
    `  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Style notes for {spec}"
`,
    'notes',
  );

  it('apply to every validators/ reference: gate, retry, call, get', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - validate: validators/notes
    retry:
      - validate: validators/notes
      - exit: 2
  - name: call
    workflow: validators/notes
  - name: art
    type: artifact
    agent: claude-haiku
    get:
      workflow: validators/notes
      prompt: "Summarise {spec}"
`),
      { '.gump/validators/notes.yaml': NOTES },
    );
    expect(codesAt(d)).toEqual(['GUMP328@8:9', 'GUMP328@10:9', 'GUMP328@13:5', 'GUMP328@18:7']);
  });

  it('never apply to a workflow checked on its own or called as a workflow', () => {
    expect(codes(checkText(NOTES))).toEqual([]);
    expect(codes(checkText(wf('  - name: n\n    workflow: notes\n'), { '.gump/workflows/notes.yaml': NOTES }))).toEqual(
      [],
    );
  });

  it.each([
    ['a code step', true, '    type: code\n'],
    ['a code step with worktree: read-only', false, '    type: code\n    worktree: read-only\n'],
    ['a code step with no_write: true', false, '    type: code\n    guard: { no_write: true }\n'],
    ['an artifact step with worktree: read-write', true, '    type: artifact\n    worktree: read-write\n'],
    [
      'an artifact step with read-write and no_write: true',
      false,
      '    type: artifact\n    worktree: read-write\n    guard: { no_write: true }\n',
    ],
    [
      'a split step (read-only by default)',
      false,
      '    type: split\n    each:\n      - name: look\n        type: artifact\n        agent: claude-haiku\n        prompt: "Look at {task.name}"\n',
    ],
  ])('%s may write: %s', (_, writes, keys) => {
    const validator = wf(
      `  - name: extra
${keys}    agent: claude-haiku
    prompt: "Look at {spec}"
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review {diff}"
`,
      'check',
    );
    const d = checkText(
      wf(`${IMPL}    retry:
      - validate: validators/check
      - exit: 2
`),
      { '.gump/validators/check.yaml': validator },
    );
    expect(codes(d).filter((c) => c === 'GUMP329')).toEqual(writes ? ['GUMP329'] : []);
  });

  it('counts pass and gate-only steps as not writing, and looks into called workflows', () => {
    const validator = wf(
      `  - name: checks
    type: code
    agent: pass
    gate: [compile]
  - name: quality
    gate: [test]
  - name: prepare
    workflow: prep
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review {diff}"
`,
      'check',
    );
    const d = checkText(
      wf(`${IMPL}    retry:
      - validate: validators/check
      - exit: 2
`),
      { '.gump/validators/check.yaml': validator, '.gump/workflows/prep.yaml': CLEAN },
    );
    expect(codesAt(d)).toEqual(['GUMP329@9:9']);
    expect(d[0]?.message).toContain('"impl" (.gump/workflows/prep.yaml:3:5)');
  });

  it('accepts the built-in arch-review validator', () => {
    const d = checkText(
      wf(`${IMPL}      - validate: validators/arch-review
        agent: claude-opus
`).replace('gate: [compile, test]\n', 'gate:\n      - compile\n'),
    );
    expect(codes(d).filter((c) => c === 'GUMP328' || c === 'GUMP329' || c === 'GUMP119')).toEqual([]);
  });
});

describe('GUMP221 prompt-file-not-found', () => {
  const step = (path: string): string =>
    wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: { file: ${path} }
    gate: [compile]
`);

  it('reports a missing file at the prompt key', () => {
    expect(codesAt(checkText(step('prompts/impl.md')))).toEqual(['GUMP221@6:5']);
    expect(codes(checkText(step('prompts/impl.md'), { 'prompts/impl.md': 'Implement {spec}' }))).toEqual([]);
  });

  it('reads relative to the folder of the workflow file', () => {
    const host = new MemoryHost({
      '.gump/workflows/setup.yaml': step('setup.md'),
      '.gump/workflows/setup.md': 'Set up {spec}',
      'workflow.yaml': wf('  - name: s\n    workflow: setup\n'),
    });
    expect(codes(checkFiles(host, [host.source('workflow.yaml')]).results[0]!.diagnostics)).toEqual([]);
    const d = checkText(step('../setup.md'), { 'setup.md': 'x' });
    expect(codes(d)).toEqual(['GUMP221']);
  });

  it('reports any prompt file in a built-in workflow', () => {
    const host = new MemoryHost({ 'prompts/impl.md': 'Implement {spec}' });
    const r = new Program(host).check({ file: 'builtin:x.yaml', text: step('prompts/impl.md'), builtin: true });
    expect(codesAt(r.diagnostics)).toEqual(['GUMP221@6:5']);
    expect(r.diagnostics[0]?.message).toContain('built-in');
  });
});
