// placeholderSpan: value offsets of a placeholder → its own line and column in the source, for
// every scalar style, with escapes and repeated placeholders (language.md §19).

import { describe, expect, it } from 'vitest';
import type { TemplateAst } from '../../src/1-parse/ast.js';
import { parseWorkflow } from '../../src/1-parse/parse.js';
import { Collector } from '../../src/diagnostics/diagnostic.js';
import { placeholderSpan } from '../../src/2-check/template-sites.js';
import { checkText, codesAt } from '../helpers/check.js';

function promptOf(yaml: string): {
  tpl: TemplateAst;
  at: (i: number) => string;
  source: ReturnType<typeof parseWorkflow>;
} {
  const ast = parseWorkflow('workflow.yaml', yaml, new Collector('workflow.yaml'))!;
  const p = ast.steps[0]!.prompt!.value;
  if (p.kind !== 'inline') throw new Error('inline prompt expected');
  const tpl = p.template;
  return {
    tpl,
    source: ast,
    at: (i) => {
      const s = placeholderSpan(ast.source, tpl, tpl.placeholders[i]!);
      return `${s.line}:${s.col}-${s.endLine}:${s.endCol} ${ast.source.text.slice(s.offset, s.endOffset)}`;
    },
  };
}

const head = 'name: w\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n';

describe('placeholderSpan', () => {
  it('plain scalar', () => {
    const { at } = promptOf(`${head}    prompt: Implement {spec} now {x.output}\n`);
    expect(at(0)).toBe('6:23-6:29 {spec}');
    expect(at(1)).toBe('6:34-6:44 {x.output}');
  });

  it('double-quoted scalar with escapes before the placeholder', () => {
    const { at } = promptOf(`${head}    prompt: "a \\"q\\" \\t {spec}"\n`);
    expect(at(0)).toBe('6:25-6:31 {spec}');
  });

  it('single-quoted scalar', () => {
    const { at } = promptOf(`${head}    prompt: 'it''s {spec}'\n`);
    expect(at(0)).toBe('6:20-6:26 {spec}');
  });

  it('multi-line plain scalar (folded)', () => {
    const { at } = promptOf(`${head}    prompt: first line
      second {spec} line
        third {a.output}\n`);
    expect(at(0)).toBe('7:14-7:20 {spec}');
    expect(at(1)).toBe('8:15-8:25 {a.output}');
  });

  it('block literal: skips the header and finds repeated placeholders in order', () => {
    const { at } = promptOf(`${head}    prompt: |  # {spec} in a comment
      Implement {spec}
      {{spec}} is literal, then {spec} again
\n      last {spec}\n`);
    expect(at(0)).toBe('7:17-7:23 {spec}');
    expect(at(1)).toBe('8:33-8:39 {spec}');
    expect(at(2)).toBe('10:12-10:18 {spec}');
  });

  it('block folded scalar', () => {
    const { at } = promptOf(`${head}    prompt: >-\n      one\n      two {spec}\n`);
    expect(at(0)).toBe('8:11-8:17 {spec}');
  });

  it('unquoted one-key flow mapping (GUMP510 form) is located too', () => {
    const diags = checkText(`name: w
steps:
  - name: a
    type: code
    agent: claude-sonnet
    prompt: "x"
  - name: b
    type: code
    agent: {zz.agent}
    prompt: "y"
`);
    expect(codesAt(diags)).toEqual(['GUMP510@9:5', 'GUMP104@9:12']);
  });

  it('diagnostics inside a block prompt sit at the placeholder', () => {
    const diags = checkText(`name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}.

        Indented: {nope.output}
`);
    expect(codesAt(diags)).toEqual(['GUMP104@9:19']);
  });

  it('a prompt file is reported in that file at the placeholder', () => {
    const diags = checkText(
      `name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: { file: prompts/impl.md }
`,
      { 'prompts/impl.md': 'Implement {spec}.\n\nUse {nope.output} and {task.name}.\n' },
    );
    expect(diags.map((d) => `${d.file}:${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'prompts/impl.md:GUMP104@3:5',
      'prompts/impl.md:GUMP106@3:23',
    ]);
  });
});
