// GUMP005 (`session: from: x`) and GUMP006 (over-indented validator inputs): detection, location,
// the corrected text in the message, and the fix; the documentation seeds exactly as users copy them.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, codesAt } from '../helpers/check.js';
import { applyFix, only, parse, parseCodes, unfilled } from './parse-helpers.js';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

/** The first ```yaml block of a seed page (implement-spec), as users copy it. */
function fencedYaml(page: string): string {
  const lines = page.split('\n');
  const start = lines.findIndex((l) => l.startsWith('```yaml'));
  const end = lines.findIndex((l, i) => i > start && l === '```');
  return `${lines.slice(start + 1, end).join('\n')}\n`;
}

/** The first YAML listing of the split/each page: from `steps:` to its `- exit: 2`. */
function firstListing(page: string): string {
  const lines = page.split('\n');
  const start = lines.indexOf('steps:');
  const end = lines.findIndex((l, i) => i > start && l === '          - exit: 2');
  return `${lines.slice(start, end + 1).join('\n')}\n`;
}

/** The seed listings, committed verbatim in fixtures/seeds/ (the pages live in ../shared/seeds/). */
const FIXTURE_SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const implementSpec = (): string => readFileSync(join(FIXTURE_SEEDS, 'implement-spec.yaml'), 'utf8');
const splitEach = (): string => firstListing(readFileSync(join(FIXTURE_SEEDS, 'split-each.yaml'), 'utf8'));

describe('documentation seeds', () => {
  it.runIf(existsSync(SEEDS))('the committed seed listings are exactly what the pages print', () => {
    expect(implementSpec()).toBe(fencedYaml(readFileSync(join(SEEDS, 'implement-spec-page.txt'), 'utf8')));
    expect(splitEach()).toBe(firstListing(readFileSync(join(SEEDS, 'split-each-parallel-page.txt'), 'utf8')));
  });

  it('implement-spec: GUMP006 at line 31 and GUMP005 at line 51, nothing else', () => {
    const text = implementSpec();
    const diags = checkText(text);
    expect(codesAt(diags)).toEqual(['GUMP006@31:15', 'GUMP005@51:11']);
    expect(unfilled(diags)).toEqual([]);
  });

  it('implement-spec: applying both fixes gives YAML without syntax errors', () => {
    const text = implementSpec();
    const { diags } = parse(text);
    const fixed = applyFix(applyFix(text, only(diags, 'GUMP005').fix), only(diags, 'GUMP006').fix);
    const after = parseCodes(fixed);
    expect(after.filter((c) => /^GUMP00[1-7]@/.test(c))).toEqual([]);
    // The unquoted `agent: {converge.agent}` surfaces once the YAML parses.
    expect(after).toContain('GUMP510@53:11');
  });

  it('split/each page: GUMP005 at line 26, nothing else', () => {
    const text = splitEach();
    expect(text.split('\n')[25]).toBe('          session: from: impl');
    expect(codesAt(checkText(text))).toEqual(['GUMP005@26:11']);
  });
});

describe('GUMP005 inline-session-from', () => {
  const base = (line: string): string => `name: w
steps:
  - name: a
    type: code
    agent: claude
    prompt: hi
    gate: [compile]
  - name: b
    type: code
    agent: claude
    prompt: hi
${line}
    gate: [compile]
`;

  it('flat form: at the session key, message shows the corrected line at its indentation', () => {
    const text = base('    session: from: a');
    const d = only(parse(text).diags, 'GUMP005');
    expect(`${d.span.line}:${d.span.col}`).toBe('12:5');
    expect(d.message.split('\n')[1]).toBe('    session: { from: a }');
    expect(applyFix(text, d.fix)).toBe(base('    session: { from: a }'));
    expect(parseCodes(applyFix(text, d.fix))).toEqual([]);
  });

  it('inside a block get: (flow-less)', () => {
    const text = base('    get:\n      session: from: a').replace(
      '    prompt: hi\n    get:',
      '    get:\n      prompt: hi',
    );
    expect(parseCodes(text)).toEqual(['GUMP005@13:7']);
  });

  it('as a list entry `- session: from: x` keeps the dash', () => {
    const text = `name: w\nsteps:\n  - session: from: a\n    name: b\n`;
    const d = only(parse(text).diags, 'GUMP005');
    expect(`${d.span.line}:${d.span.col}`).toBe('3:5');
    expect(applyFix(text, d.fix)).toBe(`name: w\nsteps:\n  - session: { from: a }\n    name: b\n`);
  });

  it('keeps a trailing comment out of the step name', () => {
    const text = base('    session: from: a   # resume the tests');
    const d = only(parse(text).diags, 'GUMP005');
    expect(d.message).toContain('"session: from: a"');
    expect(applyFix(text, d.fix)).toBe(base('    session: { from: a }   # resume the tests'));
  });

  it('stops the analysis of the file (no value diagnostics besides it)', () => {
    const text = base('    session: from: a\n    hitl: maybe');
    expect(parseCodes(text)).toEqual(['GUMP005@12:5']);
    expect(parse(text).ast).toBeNull();
  });

  it('is not reported for valid YAML that merely mentions it', () => {
    const text = base('    session: { from: a }').replace(
      'prompt: hi\n    session',
      'prompt: |\n      session: from: a\n    session',
    );
    expect(parseCodes(text)).toEqual([]);
  });

  it('a flow mapping holding it is GUMP001 with the corrected form as hint', () => {
    const d = only(parse(base('    get: { session: from: a }').replace('    prompt: hi\n', '')).diags, 'GUMP001');
    expect(d.hint).toContain('session: { from: a }');
  });
});

describe('GUMP006 validator-inputs-overindented', () => {
  const wf = (inputs: string): string => `name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/arch-review
${inputs}
`;

  it('at the first over-indented line; message shows the block re-indented; fix re-indents', () => {
    const text = wf('          agent: claude-opus\n          diff: "{diff}"');
    const d = only(parse(text).diags, 'GUMP006');
    expect(`${d.span.line}:${d.span.col}`).toBe('10:11');
    expect(d.message.split('\n').slice(1)).toEqual([
      '      - validate: validators/arch-review',
      '        agent: claude-opus',
      '        diff: "{diff}"',
    ]);
    const fixed = applyFix(text, d.fix);
    expect(fixed).toBe(wf('        agent: claude-opus\n        diff: "{diff}"'));
    expect(parseCodes(fixed)).toEqual([]);
    expect(unfilled([d])).toEqual([]);
  });

  it('keeps the relative indentation of nested lines (a block scalar input)', () => {
    const text = wf('            agent: claude-opus\n            spec: |\n              the spec\n            diff: x');
    const d = only(parse(text).diags, 'GUMP006');
    expect(`${d.span.line}:${d.span.col}`).toBe('10:13');
    expect(applyFix(text, d.fix)).toBe(
      wf('        agent: claude-opus\n        spec: |\n          the spec\n        diff: x'),
    );
  });

  it('inputs between the dash and validate are moved right to its column', () => {
    const text = wf('       agent: claude-opus\n       diff: x');
    const d = only(parse(text).diags, 'GUMP006');
    expect(`${d.span.line}:${d.span.col}`).toBe('10:8');
    expect(parseCodes(applyFix(text, d.fix))).toEqual([]);
  });

  it('inputs at the column of validate are valid', () => {
    expect(parseCodes(wf('        agent: claude-opus'))).toEqual([]);
  });

  it('also in a retry entry `- validate:` with an over-indented with:', () => {
    const text = `name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: hi
    gate: [compile]
    retry:
      - validate: validators/arch-review
          with: { agent: claude-opus }
      - exit: 3
`;
    expect(parseCodes(text)).toEqual(['GUMP006@10:11']);
  });

  it('works with CRLF line endings', () => {
    const text = wf('          agent: claude-opus\n          diff: x').replace(/\n/g, '\r\n');
    const d = only(parse(text).diags, 'GUMP006');
    expect(`${d.span.line}:${d.span.col}`).toBe('10:11');
    expect(parseCodes(applyFix(text, d.fix))).toEqual([]);
  });
});
