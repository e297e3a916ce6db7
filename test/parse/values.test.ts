// Value forms of language.md §2.1 and §4.3 (2xx codes): accepted forms, rejected forms, and the
// location of every value error (its key, §19).

import { describe, expect, it } from 'vitest';
import { only, parse, parseCodes, unfilled, withStep } from './parse-helpers.js';

/** Codes of a workflow whose first step gets `extra` from line 8 on. */
const step = (extra: string): string[] => parseCodes(withStep(extra));

describe('root run limits', () => {
  const root = (line: string): string[] => parseCodes(`name: w\n${line}\nsteps:\n  - name: q\n    gate: [compile]\n`);

  it.each([
    'max_budget: 5',
    'max_budget: 2.5',
    'max_budget: "5"',
    'max_budget: " 5.0 "',
    'max_tokens: 3.0',
    'max_tokens: "200000"',
    'max_timeout: 90s',
    'max_timeout: 1h30m',
    'max_timeout: 1.5h',
    'max_timeout: 250ms',
    'max_timeout: .5h',
  ])('%s is accepted', (line) => expect(root(line)).toEqual([]));

  it.each([
    ['max_budget: 0', 'GUMP204@2:1'],
    ['max_budget: -1', 'GUMP204@2:1'],
    ['max_budget: "$5"', 'GUMP204@2:1'],
    ['max_budget: five', 'GUMP204@2:1'],
    ['max_tokens: 2.5', 'GUMP205@2:1'],
    ['max_tokens: 0', 'GUMP205@2:1'],
    ['max_timeout: 90', 'GUMP203@2:1'],
    ['max_timeout: 0s', 'GUMP203@2:1'],
    ['max_timeout: 1h 30m', 'GUMP203@2:1'],
    ['max_timeout: 10 minutes', 'GUMP203@2:1'],
    ['max_timeout: -5m', 'GUMP203@2:1'],
  ])('%s → %s', (line, expected) => expect(root(line)).toEqual([expected]));

  it('a bare-number duration hints to add a unit', () => {
    const d = only(parse('name: w\nmax_timeout: 90\nsteps: []\n').diags, 'GUMP203');
    expect(d.hint).toMatch(/add a unit/);
    expect(d.hint).toContain('90s');
    expect(unfilled([d])).toEqual([]);
  });

  it('GUMP205 names its minimum', () => {
    const d = only(parse('name: w\nmax_tokens: 2.5\nsteps: []\n').diags, 'GUMP205');
    expect(unfilled([d])).toEqual([]);
    expect(d.message).toContain('1');
  });
});

describe('guard values (at their own key)', () => {
  it('accepts every form', () => {
    expect(
      step('    guard: { max_turns: 3.0, max_tokens: "5000", max_time: 10m, max_budget: "1.50", no_write: false }\n'),
    ).toEqual([]);
    expect(step('    guard: { timeout: 90s }\n')).toEqual([]);
  });

  it('rejects bad values at each key', () => {
    expect(
      step('    guard: { max_turns: 2.5, max_tokens: 0, max_time: 90, max_budget: 0, no_write: "true" }\n'),
    ).toEqual(['GUMP205@8:14', 'GUMP205@8:30', 'GUMP203@8:45', 'GUMP204@8:59', 'GUMP209@8:74']);
  });

  it('block form: at the inner key', () => {
    expect(step('    guard:\n      max_turns: 0\n      no_write: yes\n')).toEqual(['GUMP205@9:7', 'GUMP209@10:7']);
  });

  it('GUMP224 at the guard: key (also under run:)', () => {
    expect(step('    guard: { max_time: 10m, timeout: 5m }\n')).toEqual(['GUMP224@8:5']);
    expect(
      parseCodes(
        'name: w\nsteps:\n  - name: a\n    type: code\n    prompt: hi\n    run:\n      agent: claude\n      guard:\n        timeout: 5m\n        max_time: 10m\n',
      ),
    ).toEqual(['GUMP224@8:7']);
  });

  it('a guard that is not a mapping is GUMP018', () => {
    expect(step('    guard: 40\n')).toEqual(['GUMP018@8:5']);
  });
});

describe('hitl, parallel, worktree, type', () => {
  it.each(['hitl: true', 'hitl: false', 'hitl: before_gate', 'hitl: "after_gate"', "hitl: 'before_gate'"])(
    '%s is accepted',
    (line) => {
      expect(step(`    ${line}\n`)).toEqual([]);
    },
  );

  it.each(['hitl: "true"', "hitl: 'false'", 'hitl: 1', 'hitl: yes', 'hitl: on', 'hitl: after', 'hitl:'])(
    '%s → GUMP208 at the key',
    (line) => {
      expect(step(`    ${line}\n`)).toEqual(['GUMP208@8:5']);
    },
  );

  it.each(['parallel: yes', 'parallel: "true"', 'parallel: 1', 'parallel: on'])('%s → GUMP209 at the key', (line) => {
    expect(
      parseCodes(`name: w\nsteps:\n  - name: g\n    ${line}\n    steps:\n      - { name: c, gate: [compile] }\n`),
    ).toEqual(['GUMP209@4:5']);
  });

  it.each(['read-write', 'read-only', 'none'])('worktree: %s is accepted', (w) =>
    expect(step(`    worktree: ${w}\n`)).toEqual([]),
  );
  it.each(['rw', 'readonly', '"read write"', 'reset'])('worktree: %s → GUMP206', (w) =>
    expect(step(`    worktree: ${w}\n`)).toEqual(['GUMP206@8:5']),
  );

  it('type: unknown is GUMP201, reserved is GUMP202, both at the key', () => {
    const wf = (t: string): string[] =>
      parseCodes(`name: w\nsteps:\n  - name: a\n    type: ${t}\n    agent: claude\n    prompt: hi\n`);
    expect(wf('Code')).toEqual(['GUMP201@4:5']);
    expect(wf('[code]')).toEqual(['GUMP201@4:5']);
    for (const t of ['search', 'scrape', 'surf', 'use', 'doc']) expect(wf(t)).toEqual(['GUMP202@4:5']);
  });

  it('an invalid value is absent from its field but its key stays (classification)', () => {
    const { ast } = parse('name: w\nsteps:\n  - name: a\n    type: Code\n    hitl: "true"\n');
    const s = ast!.steps[0]!;
    expect(s.type).toBeUndefined();
    expect(s.keys.has('type')).toBe(true);
    expect(s.hitl).toBeUndefined();
    expect(s.keys.has('hitl')).toBe(true);
  });
});

describe('prompt', () => {
  it('accepts strings, block scalars and { file: path }', () => {
    const { ast, diags } = parse(
      'name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    prompt: { file: prompts/a.md }\n',
    );
    expect(diags).toEqual([]);
    expect(ast!.steps[0]!.prompt?.value).toMatchObject({ kind: 'file', path: 'prompts/a.md' });
    expect(
      step('    get:\n      prompt: |\n        Implement {spec}\n').filter((c) => !c.startsWith('GUMP014')),
    ).toEqual([]);
  });

  it('an unquoted {spec} is GUMP220 (never GUMP510), with a quoting hint', () => {
    const text = 'name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    prompt: {spec}\n';
    const { diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP220@6:5']);
    expect(diags[0]!.hint).toContain('prompt: "{spec}"');
  });

  it.each(['[a, b]', '{ file: a, bash: b }', '{ file: }', '{ path: a.md }', 'true', ''])(
    'prompt: %s → GUMP220 at the key',
    (v) => {
      expect(parseCodes(`name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    prompt: ${v}\n`)).toEqual(
        ['GUMP220@6:5'],
      );
    },
  );
});

describe('agent', () => {
  const agent = (v: string): string[] =>
    parseCodes(`name: w\nsteps:\n  - name: a\n    type: code\n    prompt: hi\n    agent: ${v}\n`);

  it.each([
    'claude',
    'claude-opus',
    'claude-opus[1m]',
    'pass',
    'stub',
    'stub-cheap',
    '"{converge.agent}"',
    'unknownprovider-x',
  ])('%s is accepted by the parser', (v) => {
    expect(agent(v)).toEqual([]);
  });

  it.each(['""', '"  "', 'claude-', 'claude opus', '"claude\\topus"', '-opus', '5', '[claude]', ''])(
    '%s → GUMP210 at the key',
    (v) => {
      expect(agent(v)).toEqual(['GUMP210@6:5']);
    },
  );

  it('unquoted {x.agent} → GUMP510 at the key, read as the template; the fix quotes it', () => {
    const text = 'name: w\nsteps:\n  - name: a\n    type: code\n    prompt: hi\n    agent: {impl.agent}\n';
    const { ast, diags } = parse(text);
    const d = only(diags, 'GUMP510');
    expect(`${d.span.line}:${d.span.col}`).toBe('6:5');
    expect(d.fix?.edits).toEqual([
      { offset: text.indexOf('{impl'), endOffset: text.indexOf('}\n') + 1, text: '"{impl.agent}"' },
    ]);
    expect(ast!.steps[0]!.agent?.value).toMatchObject({ kind: 'template', template: { text: '{impl.agent}' } });
    expect(unfilled(diags)).toEqual([]);
  });

  it('a mapping agent that is not a one-key template is GUMP210', () => {
    expect(agent('{ a: b }')).toEqual(['GUMP210@6:5']);
    expect(agent('{ x y }')).toEqual(['GUMP210@6:5']);
  });
});

describe('session', () => {
  it('accepts new and { from: step } in flow and block form', () => {
    expect(step('    session: new\n')).toEqual([]);
    expect(step('    session: { from: tests }\n')).toEqual([]);
    expect(step('    session:\n      from: tests\n')).toEqual([]);
  });

  it.each(['old', '{}', '{ from: }', '[tests]', 'from', ''])('session: %s → GUMP207 at the key', (v) => {
    expect(step(`    session: ${v}\n`)).toEqual(['GUMP207@8:5']);
  });

  it('other keys of the mapping are GUMP008 with a did-you-mean', () => {
    const { diags } = parse(withStep('    session: { form: tests }\n'));
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP008@8:16']);
    expect(diags[0]!.hint).toContain('"from"');
  });
});

describe('context entries (at the entry)', () => {
  it('accepts file and bash entries', () => {
    expect(
      step('    context:\n      - file: docs/a.md\n      - bash: git log -5\n      - { file: "{task.name}.md" }\n'),
    ).toEqual([]);
  });

  it('reports each bad entry at the entry', () => {
    expect(
      step(
        '    context:\n      - { file: a, bash: b }\n      - { url: x }\n      - docs/x.md\n      - { file: }\n      -\n      - {}\n',
      ),
    ).toEqual(['GUMP222@9:9', 'GUMP222@10:9', 'GUMP222@11:9', 'GUMP222@12:9', 'GUMP019@13:7', 'GUMP019@14:9']);
  });

  it('an extra key beside file is GUMP008', () => {
    expect(step('    context:\n      - { file: a, lines: 10 }\n')).toEqual(['GUMP008@9:20']);
  });

  it('context that is not a list is GUMP018', () => {
    expect(step('    context: docs/a.md\n')).toEqual(['GUMP018@8:5']);
  });
});

describe('with values (call with:, get: inputs)', () => {
  const call = (withLines: string): string[] =>
    parseCodes(`name: w\nsteps:\n  - name: setup\n    workflow: setup-env\n    with:\n${withLines}`);

  it('scalars are accepted as templates', () => {
    expect(call('      target: staging\n      n: 3\n      flag: true\n      t: "{spec}"\n')).toEqual([]);
  });

  it('lists, mappings and null are GUMP223 at the input key', () => {
    expect(call('      a: [x]\n      b: { c: d }\n      c:\n      d: ~\n')).toEqual([
      'GUMP223@6:7',
      'GUMP223@7:7',
      'GUMP223@8:7',
      'GUMP223@9:7',
    ]);
  });

  it('an unquoted one-key template is GUMP510 with a quoting fix', () => {
    const text = `name: w\nsteps:\n  - name: setup\n    workflow: setup-env\n    with:\n      target: {impl.output}\n`;
    const { ast, diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP510@6:7']);
    expect(diags[0]!.fix?.edits[0]?.text).toBe('"{impl.output}"');
    expect(ast!.steps[0]!.with?.value[0]?.value?.text).toBe('{impl.output}');
  });

  it('the same holds for get: inputs', () => {
    const text = `name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    gate: [compile]\n    get:\n      workflow: research\n      query: {x.output}\n      depth: [1]\n      prompt: "Use {research.output}"\n`;
    expect(parseCodes(text)).toEqual(['GUMP510@9:7', 'GUMP223@10:7']);
  });

  it('with that is not a mapping is GUMP018', () => {
    expect(parseCodes('name: w\nsteps:\n  - name: s\n    workflow: x\n    with: [a]\n')).toEqual(['GUMP018@5:5']);
  });
});
