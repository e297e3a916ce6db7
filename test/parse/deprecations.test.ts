// Deprecated keys (language.md §2, §4.4, §19.6): warnings GUMP501–507 at the key, their fixes,
// and the rule that a deprecated key is ignored (never makes a step valid or changes its kind).

import { describe, expect, it } from 'vitest';
import { applyFix, only, parse, parseCodes, unfilled } from './parse-helpers.js';

const CLEAN_STEPS = 'steps:\n  - name: q\n    gate: [compile]\n';

describe('root keys', () => {
  it('GUMP501 inputs: fix deletes the whole entry', () => {
    const text = `name: w\ninputs:\n  target: staging\n  env: [a, b]\n${CLEAN_STEPS}`;
    const d = only(parse(text).diags, 'GUMP501');
    expect(`${d.span.line}:${d.span.col}`).toBe('2:1');
    const fixed = applyFix(text, d.fix);
    expect(fixed).toBe(`name: w\n${CLEAN_STEPS}`);
    expect(parseCodes(fixed)).toEqual([]);
  });

  it('GUMP502 description: fix turns it into a comment', () => {
    const text = `name: w\ndescription: |\n  Adds login.\n\n  Then logout.\n${CLEAN_STEPS}`;
    const d = only(parse(text).diags, 'GUMP502');
    expect(`${d.span.line}:${d.span.col}`).toBe('2:1');
    expect(applyFix(text, d.fix)).toBe(`name: w\n# Adds login.\n#\n# Then logout.\n${CLEAN_STEPS}`);
    const flat = `name: w\ndescription: Adds login # why\n${CLEAN_STEPS}`;
    expect(applyFix(flat, only(parse(flat).diags, 'GUMP502').fix)).toBe(`name: w\n# Adds login\n${CLEAN_STEPS}`);
  });

  it('GUMP503 review: warning without a fix', () => {
    const d = only(parse(`name: w\nreview: true\n${CLEAN_STEPS}`).diags, 'GUMP503');
    expect(`${d.span.line}:${d.span.col}`).toBe('2:1');
    expect(d.fix).toBeUndefined();
    expect(d.severity).toBe('warning');
  });
});

describe('step keys', () => {
  const step = (lines: string): string =>
    `name: w\nsteps:\n  - name: a\n${lines}    agent: claude\n    prompt: hi\n    gate: [compile]\n`;

  it.each([
    ['diff', 'code'],
    ['plan', 'split'],
    ['review', 'validate'],
    ['artifact', 'artifact'],
  ])('GUMP504 output: %s → fix writes type: %s', (out, type) => {
    const text = step(`    output: ${out}\n`);
    const d = only(parse(text).diags, 'GUMP504');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:5');
    expect(applyFix(text, d.fix)).toBe(step(`    type: ${type}\n`));
  });

  it('GUMP504 on a step that has a type: fix deletes output; unknown value: no fix', () => {
    const typed = step('    type: code\n    output: diff\n');
    expect(applyFix(typed, only(parse(typed).diags, 'GUMP504').fix)).toBe(step('    type: code\n'));
    expect(only(parse(step('    output: json\n')).diags, 'GUMP504').fix).toBeUndefined();
  });

  it('GUMP504 is ignored for classification: the step has no type', () => {
    const { ast } = parse(step('    output: diff\n'));
    expect(ast!.steps[0]!.type).toBeUndefined();
    expect(ast!.steps[0]!.keys.has('output')).toBe(false);
  });

  it.each(['on_failure', 'strategy', 'restart_from', 'replan'])('GUMP505 %s: at the key, no fix', (k) => {
    const d = only(parse(step(`    type: code\n    ${k}: retry\n`)).diags, 'GUMP505');
    expect(`${d.span.line}:${d.span.col}`).toBe('5:5');
    expect(d.message).toContain(k);
    expect(d.fix).toBeUndefined();
  });

  it('GUMP506 foreach: at the key', () => {
    expect(parseCodes(step('    type: code\n    foreach: tasks\n'))).toEqual(['GUMP506@5:5']);
  });

  it('GUMP507 recipe: fix renames it to workflow; ignored for classification', () => {
    const text = 'name: w\nsteps:\n  - name: setup\n    recipe: setup-env\n';
    const { ast, diags } = parse(text);
    const d = only(diags, 'GUMP507');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:5');
    expect(applyFix(text, d.fix)).toBe('name: w\nsteps:\n  - name: setup\n    workflow: setup-env\n');
    expect(ast!.steps[0]!.workflow).toBeUndefined();
    expect(ast!.steps[0]!.keys.has('workflow')).toBe(false);
  });

  it('GUMP507 beside a workflow: no fix (it would duplicate the key)', () => {
    expect(
      only(parse('name: w\nsteps:\n  - name: s\n    workflow: a\n    recipe: b\n').diags, 'GUMP507').fix,
    ).toBeUndefined();
  });

  it('all deprecation messages carry their parameters', () => {
    const text = `name: w\ninputs: {}\ndescription: x\nreview: y\nsteps:\n  - name: a\n    output: diff\n    on_failure: x\n    foreach: y\n    recipe: z\n`;
    const { diags } = parse(text);
    expect(diags.map((d) => d.code)).toEqual([
      'GUMP501',
      'GUMP502',
      'GUMP503',
      'GUMP504',
      'GUMP505',
      'GUMP506',
      'GUMP507',
    ]);
    expect(unfilled(diags)).toEqual([]);
  });
});
