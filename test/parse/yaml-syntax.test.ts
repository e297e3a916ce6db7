// GUMP001–GUMP004 and GUMP007: syntax errors located where the fault is, empty files, several
// documents, duplicate keys, non-mapping roots, and hostile input (binary, huge, deep, alias bombs).

import { describe, expect, it } from 'vitest';
import { only, parse, parseCodes, unfilled } from './parse-helpers.js';

describe('GUMP001 yaml-syntax', () => {
  it('tab indentation: at the tab', () => {
    const d = only(parse('name: w\nsteps:\n\t- name: a\n').diags, 'GUMP001');
    expect(`${d.span.line}:${d.span.col}`).toBe('3:1');
    expect(d.message).toMatch(/tab/);
  });

  it('tab after spaces in the indentation: at the tab', () => {
    expect(parseCodes('name: w\nsteps:\n  - name: a\n  \ttype: code\n')).toEqual(['GUMP001@4:3']);
  });

  it('unclosed flow list: at its "["', () => {
    const d = only(
      parse('name: w\nsteps:\n  - name: b\n    gate: [compile, test\n    agent: claude\n').diags,
      'GUMP001',
    );
    expect(`${d.span.line}:${d.span.col}`).toBe('4:11');
    expect(d.message).toMatch(/never closed with "\]"/);
  });

  it('unclosed flow mapping: at its "{"', () => {
    const d = only(
      parse('name: w\nsteps:\n  - name: b\n    guard: { max_turns: 3\n    agent: claude\n').diags,
      'GUMP001',
    );
    expect(`${d.span.line}:${d.span.col}`).toBe('4:12');
    expect(d.message).toMatch(/never closed with "\}"/);
  });

  it('unclosed flow list spanning lines: at its "["', () => {
    expect(parseCodes('name: w\nsteps:\n  - name: b\n    gate: [compile,\n      test\n    agent: claude\n')).toEqual([
      'GUMP001@4:11',
    ]);
  });

  it('a key indented deeper than its siblings: at that key', () => {
    const d = only(parse('name: w\nsteps:\n  - name: b\n     type: code\n').diags, 'GUMP001');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:6');
    expect(d.message).toMatch(/indent/);
  });

  it('a key indented shallower than its siblings: at that key', () => {
    expect(parseCodes('name: w\nsteps:\n  - name: a\n    type: code\n   agent: x\n')).toEqual(['GUMP001@5:4']);
  });

  it('a root key indented under another: at that key', () => {
    expect(parseCodes('name: w\n  steps:\n  - name: b\n')).toEqual(['GUMP001@2:3']);
  });

  it('a line without a colon: at that line', () => {
    const d = only(parse('name: w\nsteps:\n  - name: b\n    type code\n    agent: claude\n').diags, 'GUMP001');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:5');
    expect(d.message).toContain('"type code"');
  });

  it('": " inside a plain value: at the value, hint quotes it', () => {
    const d = only(parse('name: w\nsteps:\n  - name: b\n    prompt: Implement: this\n').diags, 'GUMP001');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:13');
    expect(d.hint).toBe('quote the value: prompt: "Implement: this"');
  });

  it('text after a flow value (`prompt: {spec} and more`): hint quotes the whole value', () => {
    const d = only(parse('name: w\nsteps:\n  - name: b\n    prompt: {spec} implement it\n').diags, 'GUMP001');
    expect(d.span.line).toBe(4);
    expect(d.hint).toContain('prompt: "{spec} implement it"');
  });

  it('unterminated quote: at the opening quote', () => {
    const d = only(parse('name: w\nsteps:\n  - name: b\n    prompt: "abc\n').diags, 'GUMP001');
    expect(`${d.span.line}:${d.span.col}`).toBe('4:13');
  });

  it('block scalar text not indented under its key', () => {
    expect(parseCodes('name: w\nsteps:\n  - name: b\n    prompt: |\n  text\n')).toEqual(['GUMP001@5:3']);
  });

  it('unknown alias: at the alias', () => {
    expect(parseCodes('name: w\nsteps: *nothing\n')).toEqual(['GUMP001@2:8']);
  });

  it('messages carry their parameters', () => {
    const texts = ['name: w\nsteps:\n\t- a\n', 'a: [b\n', 'a: "b\n', 'a: b: c\n', 'a:\n  b: c\n d: e\n'];
    for (const t of texts) expect(unfilled(parse(t).diags)).toEqual([]);
  });

  it('stops the file: only the first syntax error is reported, no other diagnostic', () => {
    expect(parseCodes('name: w\nhitl: maybe\nsteps:\n  - name: b\n    gate: [compile\n  - a: b: c\n')).toEqual([
      'GUMP001@5:11',
    ]);
  });
});

describe('hostile input: a diagnostic, never a crash', () => {
  it('a binary file', () => {
    expect(parseCodes('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000')).toEqual(['GUMP001@1:1']);
  });

  it('a 10 MB file', () => {
    const text = `name: w\nsteps:\n${'  - name: a\n    gate: [compile]\n'.repeat(300_000)}`;
    const d = only(parse(text).diags, 'GUMP001');
    expect(d.message).toMatch(/too large/);
  });

  it('deeply nested flow collections', () => {
    const { diags } = parse(`name: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(diags.map((d) => d.code)).toEqual(['GUMP001']);
    expect(diags[0]!.message).toMatch(/nested too deeply/);
  });

  it('deeply nested block mappings', () => {
    const text = `name: w\nq:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`;
    expect(parse(text).diags.map((d) => d.code)).toEqual(['GUMP001']);
  });

  it('an alias bomb', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [k, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ])
      rows.push(`${k}: &${k} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    const { diags } = parse(`${rows.join('\n')}\nname: w\nsteps: []\n`);
    expect(diags.map((d) => d.code)).toEqual(['GUMP001']);
  });

  it('a self-referencing alias', () => {
    expect(parse('a: &a\n  b: *a\nname: w\n').diags.map((d) => d.code)).toEqual(['GUMP001']);
  });

  it('a byte-order mark and CRLF line endings are fine', () => {
    expect(parseCodes('\ufeffname: w\r\nsteps:\r\n  - name: a\r\n    gate: [compile]\r\n    hitl: yes\r\n')).toEqual([
      'GUMP208@5:5',
    ]);
  });
});

describe('GUMP002 empty-document', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n\n  \n'],
    ['comments only', '# a workflow\n# to be written\n'],
    ['a bare document marker', '---\n# nothing yet\n'],
  ])('%s → 1:1', (_, text) => {
    expect(parseCodes(text)).toEqual(['GUMP002@1:1']);
  });
});

describe('GUMP003 multiple-documents', () => {
  it('at the "---" of the second document', () => {
    const d = only(parse('name: a\nsteps: []\n---\nname: b\nsteps: []\n').diags, 'GUMP003');
    expect(`${d.span.line}:${d.span.col}`).toBe('3:1');
    expect(d.message).toContain('2');
  });

  it('a leading "---" and a final "..." are one document', () => {
    expect(parseCodes('---\nname: a\nsteps:\n  - name: q\n    gate: [compile]\n...\n')).toEqual([]);
  });
});

describe('GUMP004 duplicate-key', () => {
  it('at the repeated key; analysis continues; the first value is kept', () => {
    const { ast, diags } = parse('name: w\nsteps:\n  - name: q\n    gate: [compile]\n    name: r\n    hitl: maybe\n');
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP004@5:5', 'GUMP208@6:5']);
    expect(ast?.steps[0]?.name?.value).toBe('q');
    expect(diags[0]!.message).toContain('"name"');
  });

  it('in flow mappings and at the root', () => {
    expect(parseCodes('name: w\nname: v\nsteps:\n  - { name: q, gate: [compile], gate: [test] }\n')).toEqual([
      'GUMP004@2:1',
      'GUMP004@4:33',
    ]);
  });
});

describe('GUMP007 root-not-mapping', () => {
  it.each([
    ['a list', '- name: impl\n  type: code\n'],
    ['a scalar', 'hello\n'],
    ['null', '~\n'],
  ])('%s → 1:1', (_, text) => {
    const { diags } = parse(text);
    expect(diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual(['GUMP007@1:1']);
    expect(unfilled(diags)).toEqual([]);
  });
});
