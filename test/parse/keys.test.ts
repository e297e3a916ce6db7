// Keys and structure (language.md §2, §4.1, §19.1): unknown keys (GUMP008, did-you-mean),
// misplaced keys (GUMP009, where they belong), blocks (GUMP014–016), step-level validate
// (GUMP017), root name and steps (GUMP010/011/012/013/227), step names (GUMP102/103).

import { describe, expect, it } from 'vitest';
import { only, parse, parseCodes, unfilled, withStep } from './parse-helpers.js';

describe('GUMP008 unknown-key', () => {
  it('at the key, with the closest legal key (edit distance ≤ 2)', () => {
    const { diags } = parse(withStep('    promt: x\n    gates: [test]\n    zzz: 1\n'));
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP008@8:5',
      'GUMP008@9:5',
      'GUMP008@10:5',
    ]);
    expect(diags.map((d) => d.hint)).toEqual(['did you mean "prompt"?', 'did you mean "gate"?', undefined]);
    expect(unfilled(diags)).toEqual([]);
  });

  it('in the root, guard, run and get maps', () => {
    const text = `name: w\nstepz: []\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    gate: [compile]\n    guard: { max_turn: 4 }\n    run:\n      agnt: claude\n    get:\n      promt: x\n`;
    const diags = parse(text).diags.filter((d) => d.code === 'GUMP008');
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP008@2:1',
      'GUMP008@8:14',
      'GUMP008@10:7',
      'GUMP008@12:7',
    ]);
    expect(diags.map((d) => d.hint)).toEqual([
      'did you mean "steps"?',
      'did you mean "max_turns"?',
      'did you mean "agent"?',
      'did you mean "prompt"?',
    ]);
  });

  it('a differently-cased key gets a did-you-mean', () => {
    expect(only(parse('Name: w\nsteps: []\n').diags, 'GUMP008').hint).toBe('did you mean "name"?');
  });
});

describe('GUMP009 misplaced-key', () => {
  it('a known key in the wrong map, with where it belongs', () => {
    const text = withStep('    max_turns: 40\n    exit: 3\n    from: tests\n    max_timeout: 1h\n');
    const { diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP009@8:5',
      'GUMP009@9:5',
      'GUMP009@10:5',
      'GUMP009@11:5',
    ]);
    expect(diags[0]!.hint).toMatch(/under guard:/);
    expect(diags[1]!.hint).toMatch(/retry/);
    expect(diags[2]!.hint).toMatch(/session/);
    expect(diags[3]!.hint).toMatch(/workflow root/);
    expect(unfilled(diags)).toEqual([]);
  });

  it('step keys at the root', () => {
    expect(parseCodes('name: w\nagent: claude\ngate: [compile]\nsteps:\n  - name: q\n    gate: [compile]\n')).toEqual([
      'GUMP009@2:1',
      'GUMP009@3:1',
    ]);
  });

  it('hitl under a get: without workflow, type under run:, gate in a block', () => {
    const text = `name: w\nsteps:\n  - name: a\n    type: code\n    gate: [compile]\n    get:\n      prompt: hi\n      hitl: true\n      retry: []\n    run:\n      agent: claude\n      type: code\n      gate: [test]\n      prompt: x\n      max_turns: 3\n`;
    const { diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP009@8:7',
      'GUMP009@9:7',
      'GUMP009@12:7',
      'GUMP009@13:7',
      'GUMP009@14:7',
      'GUMP009@15:7',
    ]);
    expect(diags[0]!.hint).toMatch(/run:/);
    expect(diags[4]!.hint).toMatch(/get:/);
  });

  it('in a get: block with workflow, step-level keys are GUMP009 and other keys are inputs', () => {
    const text = `name: w\nsteps:\n  - name: a\n    type: code\n    gate: [compile]\n    run: { agent: claude }\n    get:\n      workflow: research\n      query: q\n      agent: claude-haiku\n      hitl: x\n      prompt: "Use {research.output}"\n      name: n\n      with: {}\n      each: []\n`;
    const { ast, diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP009@13:7',
      'GUMP009@14:7',
      'GUMP009@15:7',
    ]);
    const s = ast!.steps[0]!;
    expect(s.getInputs.map((i) => i.name)).toEqual(['query', 'agent', 'hitl']);
    expect(s.getWorkflow?.value.ref).toBe('research');
    expect(s.prompt?.key.place).toBe('get');
  });
});

describe('blocks: GUMP014, GUMP015, GUMP016', () => {
  it('GUMP014 at the step-level occurrence; the block value wins', () => {
    const text = `name: w\nsteps:\n  - name: a\n    type: code\n    prompt: hi\n    gate: [compile]\n    agent: claude-haiku\n    run:\n      agent: claude-opus\n`;
    const { ast, diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP014@7:5']);
    expect(ast!.steps[0]!.agent?.value).toMatchObject({ kind: 'literal', name: 'claude-opus' });
  });

  it('GUMP015 at the step-level key of a block that exists; the key still counts', () => {
    const text = `name: w\nsteps:\n  - name: a\n    type: code\n    prompt: hi\n    gate: [compile]\n    hitl: true\n    run:\n      agent: claude\n`;
    const { ast, diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP015@7:5']);
    expect(ast!.steps[0]!.hitl?.value).toBe(true);
    expect(
      parseCodes(
        `name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    context: []\n    get:\n      prompt: hi\n`,
      ),
    ).toEqual(['GUMP015@6:5']);
  });

  it('GUMP016 for a get:/run: that is not a mapping, at the key', () => {
    expect(
      parseCodes(
        `name: w\nsteps:\n  - name: a\n    type: code\n    get: [prompt]\n    run: claude\n    agent: claude\n    prompt: hi\n`,
      ),
    ).toEqual(['GUMP016@5:5', 'GUMP016@6:5']);
    expect(parseCodes(`name: w\nsteps:\n  - name: a\n    type: code\n    run:\n`)).toEqual(['GUMP016@5:5']);
  });
});

describe('GUMP017 step-validate-removed', () => {
  it('at the key; not classified', () => {
    const { ast, diags } = parse('name: w\nsteps:\n  - name: a\n    gate: [compile]\n    validate: validators/x\n');
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP017@5:5']);
    expect(ast!.steps[0]!.keys.has('validate')).toBe(false);
  });
});

describe('root: GUMP010, GUMP011, GUMP012, GUMP018, GUMP227', () => {
  it('missing name and steps → 1:1', () => {
    expect(parseCodes('max_budget: 5\n')).toEqual(['GUMP010@1:1', 'GUMP011@1:1']);
  });

  it('empty name and empty steps → at the key', () => {
    expect(parseCodes('max_budget: 5\nname: ""\nsteps: []\n')).toEqual(['GUMP010@2:1', 'GUMP011@3:1']);
    expect(parseCodes('name:\nsteps:\n')).toEqual(['GUMP010@1:1', 'GUMP011@2:1']);
    expect(parseCodes('name: "   "\nsteps:\n  - { name: q, gate: [compile] }\n')).toEqual(['GUMP010@1:1']);
  });

  it('GUMP227 for a name that is not a single-line string', () => {
    expect(parseCodes('steps: []\nname: |\n  two\n  lines\n')).toEqual(['GUMP011@1:1', 'GUMP227@2:1']);
    expect(parseCodes('name: [a]\nsteps:\n  - { name: q, gate: [compile] }\n')).toEqual(['GUMP227@1:1']);
    expect(parseCodes('name: 42\nsteps:\n  - { name: q, gate: [compile] }\n')).toEqual(['GUMP227@1:1']);
  });

  it('a single-line name is accepted in any style', () => {
    const { ast, diags } = parse('name: |\n  add-login\nsteps:\n  - { name: q, gate: [compile] }\n');
    expect(diags).toEqual([]);
    expect(ast!.name?.value).toBe('add-login');
  });

  it('GUMP012 for non-mapping steps and each entries, at the entry', () => {
    expect(
      parseCodes(
        'name: w\nsteps:\n  - quality\n  - [a]\n  - name: s\n    type: split\n    agent: claude\n    prompt: p\n    each:\n      - impl\n',
      ),
    ).toEqual(['GUMP012@3:5', 'GUMP012@4:5', 'GUMP012@10:9']);
  });

  it('GUMP018 for steps that is not a list', () => {
    expect(parseCodes('name: w\nsteps:\n  name: q\n')).toEqual(['GUMP018@2:1']);
  });
});

describe('step names: GUMP013, GUMP102, GUMP103', () => {
  const named = (v: string): string[] => parseCodes(`name: w\nsteps:\n  - gate: [compile]\n    name: ${v}\n`);

  it('GUMP013 at the step start when name is missing or null', () => {
    expect(parseCodes('name: w\nsteps:\n  - type: code\n    agent: claude\n    prompt: hi\n')).toEqual(['GUMP013@3:5']);
    expect(named('')).toEqual(['GUMP013@3:5']);
  });

  it.each(['impl', '_x', 'a-b_c9', 'A'])('%s is a valid step name', (v) => expect(named(v)).toEqual([]));

  it.each(['1bad', '"bad name"', '"a.b"', '""', '-x', 'ünï', '[a]', '5'])('%s → GUMP102 at the key', (v) => {
    const { diags } = parse(`name: w\nsteps:\n  - gate: [compile]\n    name: ${v}\n`);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP102@4:5']);
    expect(unfilled(diags)).toEqual([]);
  });

  it.each(['spec', 'attempt', 'error', 'diff', 'output', 'task', 'prev', 'gate', 'steps', 'item'])(
    '%s → GUMP103 at the key',
    (v) => {
      expect(named(v)).toEqual(['GUMP103@4:5']);
    },
  );
});
