// Gate entries (language.md §8.1, §8.2, §8.5) and retry entries (§9.1): shapes, arguments, derived
// gate names, and locations (a bad entry at the entry, a bad value at its key).

import { describe, expect, it } from 'vitest';
import { only, parse, parseCodes, unfilled } from './parse-helpers.js';

/** A code step whose gate list is `entries` (one per line, from line 8 on). */
const gates = (...entries: string[]): string =>
  `name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    prompt: hi\n    gate:\n${entries.map((e) => `      - ${e}\n`).join('')}`;

/** A code step whose retry list is `entries` (from line 9 on). */
const retry = (...entries: string[]): string =>
  `name: w\nsteps:\n  - name: a\n    type: code\n    agent: claude\n    prompt: hi\n    gate: [compile, "bash: make smoke"]\n    retry:\n${entries.map((e) => `      - ${e}\n`).join('')}`;

describe('gate entries', () => {
  it('accepts every documented form and derives the §8.5 names', () => {
    const text = gates(
      'compile',
      'test',
      '"lint: strict"',
      '{ test: x }',
      '"coverage: 80"',
      '{ coverage: 80 }',
      '"bash: make smoke"',
      '{ bash: make x }',
      'schema',
      '"schema: plan"',
      '{ touched: "*_test.*" }',
      '"untouched: docs/**"',
      'tests_found',
      'compile',
      '"validate: validators/arch-review"',
      '{ validate: validators/check, agent: claude-opus, diff: "{diff}" }',
    );
    const { ast, diags } = parse(text);
    expect(diags.map((d) => d.code)).toEqual(['GUMP213', 'GUMP213']);
    expect(ast!.steps[0]!.gate!.value.map((g) => g.name)).toEqual([
      'compile',
      'test',
      'lint_2',
      'test_3',
      'coverage_4',
      'coverage_5',
      'bash_6',
      'bash_7',
      'schema',
      'schema_9',
      'touched_10',
      'untouched_11',
      'tests_found',
      'compile_13',
      'review',
      'check',
    ]);
    const v = ast!.steps[0]!.gate!.value[15]!;
    expect(v.inputs.map((i) => `${i.name}=${i.value?.text}`)).toEqual(['agent=claude-opus', 'diff={diff}']);
  });

  it('GUMP213 (note) on an argument of compile/test/lint/tests_found, at the entry', () => {
    expect(parseCodes(gates('compile', '"lint: strict"', '{ tests_found: x }'))).toEqual([
      'GUMP213@9:9',
      'GUMP213@10:9',
    ]);
  });

  it('GUMP019 for null, empty-string and empty-map entries (a null one at its dash)', () => {
    expect(parseCodes(gates('compile', '', '""', '{}'))).toEqual(['GUMP019@9:7', 'GUMP019@10:9', 'GUMP019@11:9']);
  });

  it('GUMP021 for a mapping with zero or several gate types, and then no GUMP008/211 for its keys', () => {
    expect(parseCodes(gates('{ scan: high }', '{ touched: a, untouched: b }', '{ scan: high, level: 3 }'))).toEqual([
      'GUMP021@8:9',
      'GUMP021@9:9',
      'GUMP021@10:9',
    ]);
  });

  it('GUMP211 for an unknown type of a string entry, at the entry, with did-you-mean', () => {
    const { diags } = parse(gates('compile', 'scan', '"scan: high"', 'tests'));
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP211@9:9',
      'GUMP211@10:9',
      'GUMP211@11:9',
    ]);
    expect(diags[2]!.hint).toContain('"test"');
    expect(unfilled(diags)).toEqual([]);
  });

  it('GUMP212 for touched/untouched/coverage/bash without argument, at the entry', () => {
    expect(parseCodes(gates('touched', '"untouched:"', '{ coverage: }', 'bash', '{ bash: [a] }'))).toEqual([
      'GUMP212@8:9',
      'GUMP212@9:9',
      'GUMP212@10:9',
      'GUMP212@11:9',
      'GUMP212@12:9',
    ]);
  });

  it('validate without a reference is left to GUMP120 (not GUMP212)', () => {
    expect(parseCodes(gates('validate', '"validate:"', '{ validate: }'))).toEqual([]);
  });

  it('GUMP214 coverage outside 0–100 or not a number', () => {
    expect(
      parseCodes(
        gates(
          '"coverage: 101"',
          '{ coverage: -1 }',
          '"coverage: 80%"',
          '{ coverage: high }',
          '"coverage: 0"',
          '{ coverage: "100" }',
        ),
      ),
    ).toEqual(['GUMP214@8:9', 'GUMP214@9:9', 'GUMP214@10:9', 'GUMP214@11:9']);
  });

  it('GUMP215 schema argument other than plan/review', () => {
    expect(parseCodes(gates('"schema: plan"', '{ schema: review }', '"schema: json"'))).toEqual(['GUMP215@10:9']);
  });

  it('GUMP225 malformed glob', () => {
    expect(parseCodes(gates('"touched: src/[abc"', '{ untouched: "a/[]" }', '{ touched: "src/[a-z]/**" }'))).toEqual([
      'GUMP225@8:9',
      'GUMP225@9:9',
    ]);
  });

  it('other keys beside a non-validate type are GUMP008; beside validate they are inputs', () => {
    expect(parseCodes(gates('{ touched: "*.go", foo: 1 }', '{ validate: validators/x, foo: 1 }'))).toEqual([
      'GUMP008@8:28',
    ]);
  });

  it('validate gate inputs: GUMP223 and GUMP510 at the input key', () => {
    expect(parseCodes(gates('validate: validators/x\n        diff: [a]\n        agent: {b.agent}'))).toEqual([
      'GUMP223@9:9',
      'GUMP510@10:9',
    ]);
  });

  it('a list entry is GUMP018; a non-list gate is GUMP018 with a list hint', () => {
    expect(parseCodes(gates('[compile]'))).toEqual(['GUMP018@8:9']);
    const d = only(parse('name: w\nsteps:\n  - name: q\n    gate: compile\n').diags, 'GUMP018');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:5');
    expect(d.hint).toContain('gate: [compile]');
  });
});

describe('retry entries', () => {
  it('accepts the documented forms', () => {
    const { ast, diags } = parse(
      retry(
        'attempt: 2\n        prompt: "Fix {error}"',
        'attempt: "3"\n        agent: claude-opus\n        session: new\n        worktree: reset',
        'not: gate.bash_1\n        agent: "{x.agent}"',
        'validate: validators/check\n        with: { diff: "{diff}" }',
        'exit: 6.0',
      ),
    );
    expect(diags).toEqual([]);
    expect(ast!.steps[0]!.retry!.value.map((r) => r.condition?.kind)).toEqual([
      'attempt',
      'attempt',
      'not',
      'validate',
      'exit',
    ]);
  });

  it('GUMP219 for zero or several conditions, at the entry', () => {
    expect(parseCodes(retry('{ attempt: 2, exit: 3 }', '{ agent: claude-opus }', 'exit: 3'))).toEqual([
      'GUMP219@9:9',
      'GUMP219@10:9',
    ]);
  });

  it('GUMP205 for non-integer attempt/exit, GUMP226 for attempt below 2, at the key', () => {
    expect(
      parseCodes(
        retry('attempt: 2.5', 'attempt: 1', 'attempt: 0', 'attempt: many', 'exit: 0', 'exit: 1.5', 'exit: 3.0'),
      ),
    ).toEqual(['GUMP205@9:9', 'GUMP226@10:9', 'GUMP226@11:9', 'GUMP205@12:9', 'GUMP205@13:9', 'GUMP205@14:9']);
  });

  it('GUMP216 for not: without the gate. prefix, hinting it', () => {
    const { diags } = parse(retry('not: compile', 'not: "gate."', 'exit: 3'));
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP216@9:9', 'GUMP216@10:9']);
    expect(diags[0]!.hint).toBe('write not: gate.compile');
  });

  it('GUMP217 retry session other than new, GUMP218 worktree other than reset/keep', () => {
    expect(parseCodes(retry('attempt: 2\n        session: old\n        worktree: clean', 'exit: 3'))).toEqual([
      'GUMP217@10:9',
      'GUMP218@11:9',
    ]);
  });

  it('retry agent: GUMP210, GUMP510; retry prompt mapping: GUMP220', () => {
    expect(
      parseCodes(
        retry(
          'attempt: 2\n        agent: "claude-"',
          'attempt: 3\n        agent: {impl.agent}\n        prompt: {error}',
          'exit: 4',
        ),
      ),
    ).toEqual(['GUMP210@10:9', 'GUMP510@12:9', 'GUMP220@13:9']);
  });

  it('retry with: values: GUMP223, GUMP510', () => {
    expect(
      parseCodes(retry('validate: validators/v\n        with:\n          a: [x]\n          b: {x.output}', 'exit: 3')),
    ).toEqual(['GUMP223@11:11', 'GUMP510@12:11']);
  });

  it('unknown keys are GUMP008 with a did-you-mean; empty entries GUMP019; scalars GUMP018', () => {
    const { diags } = parse(retry('attempt: 2\n        agnet: claude-opus', '', '{}', 'exit', 'exit: 3'));
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP008@10:9',
      'GUMP019@11:7',
      'GUMP019@12:9',
      'GUMP018@13:9',
    ]);
    expect(diags[0]!.hint).toContain('"agent"');
  });
});
