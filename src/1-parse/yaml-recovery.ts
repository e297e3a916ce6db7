// Parse phase: turns `yaml` syntax errors into diagnostics. Recognises the two invalid forms the
// gump documentation prints (GUMP005 `session: from: x`, GUMP006 over-indented validator inputs)
// and offers the exact corrected text; anything else is GUMP001.

import type { Collector } from '../diagnostics/diagnostic.js';
import type { SourceText } from './source-map.js';

export interface YamlError {
  offset: number;
  message: string;
  code: string;
}

const SESSION_FROM = /^(\s*(?:-\s+)?)session:\s+from:\s*(\S.*?)\s*$/;
const VALIDATE_ENTRY = /^(\s*)-(\s+)validate:\s*\S/;

export function explainYamlErrors(source: SourceText, errors: YamlError[], out: Collector): void {
  const explained = new Set<number>();

  for (let n = 1; n <= source.lineCount; n++) {
    const m = SESSION_FROM.exec(source.lineText(n));
    if (!m || !errors.some((e) => source.pos(e.offset).line === n)) continue;
    reportSessionFrom(source, n, m[1]!, m[2]!, out);
    explained.add(n);
  }

  for (let n = 1; n <= source.lineCount; n++) {
    const block = overIndentedBlock(source, n);
    if (!block) continue;
    const lines = [n, ...block.lines];
    if (!errors.some((e) => lines.includes(source.pos(e.offset).line))) continue;
    reportOverIndented(source, n, block, out);
    for (const l of lines) explained.add(l);
  }

  const rest = errors.filter((e) => !explained.has(source.pos(e.offset).line));
  if (rest.length > 0) {
    const first = rest.reduce((a, b) => (b.offset < a.offset ? b : a));
    const at = source.span(first.offset, first.offset);
    out.report('GUMP001', at, { message: yamlMessage(first) }, { message: yamlMessage(first), hint: yamlHint(source, at.line) });
  }
}

function reportSessionFrom(source: SourceText, line: number, lead: string, target: string, out: Collector): void {
  const text = source.lineText(line);
  const lineOffset = offsetOfLine(source, line);
  const corrected = `${lead}session: { from: ${target} }`;
  const col = lead.length;
  out.report('GUMP005', source.span(lineOffset + col, lineOffset + text.length), { value: target }, {
    message: `"session: from: ${target}" is not valid YAML; write "session: { from: ${target} }"`,
    hint: `the mapping needs braces (or its own indented line): ${corrected.trim()}`,
    fix: {
      description: `write ${corrected.trim()}`,
      edits: [{ offset: lineOffset, endOffset: lineOffset + text.length, text: corrected }],
    },
  });
}

interface IndentBlock {
  /** Column (0-based) of `validate`. */
  column: number;
  /** Over-indented lines following the entry (1-based). */
  lines: number[];
  /** Indentation of the first over-indented line. */
  indent: number;
}

function overIndentedBlock(source: SourceText, line: number): IndentBlock | undefined {
  const m = VALIDATE_ENTRY.exec(source.lineText(line));
  if (!m) return undefined;
  const column = m[1]!.length + 1 + m[2]!.length;
  const lines: number[] = [];
  let indent = -1;
  for (let n = line + 1; n <= source.lineCount; n++) {
    const t = source.lineText(n);
    if (t.trim() === '') break;
    const ind = t.length - t.trimStart().length;
    if (ind <= column) break;
    if (indent < 0) indent = ind;
    lines.push(n);
  }
  return lines.length > 0 ? { column, lines, indent } : undefined;
}

function reportOverIndented(source: SourceText, entryLine: number, block: IndentBlock, out: Collector): void {
  const delta = block.indent - block.column;
  const first = block.lines[0]!;
  const last = block.lines[block.lines.length - 1]!;
  const from = offsetOfLine(source, first);
  const to = offsetOfLine(source, last) + source.lineText(last).length;
  const fixed = block.lines.map((n) => dedent(source.lineText(n), delta));
  const shown = [source.lineText(entryLine), ...fixed].join('\n');
  out.report('GUMP006', source.span(from + block.indent, from + source.lineText(first).length), {}, {
    message: `validator inputs are indented deeper than "validate:"; they are sibling keys at its column:\n${shown}`,
    hint: `re-indent the inputs to column ${block.column + 1}, the column of "validate"`,
    fix: { description: `re-indent to:\n${shown}`, edits: [{ offset: from, endOffset: to, text: fixed.join('\n') }] },
  });
}

function dedent(line: string, delta: number): string {
  const ind = line.length - line.trimStart().length;
  return line.slice(Math.min(delta, ind));
}

function offsetOfLine(source: SourceText, line: number): number {
  return source.lineOffset(line);
}

function yamlMessage(e: YamlError): string {
  const m = e.message.replace(/ at line \d+, column \d+.*$/, '').trim();
  return m.length > 0 ? m.charAt(0).toLowerCase() + m.slice(1) : 'invalid YAML';
}

function yamlHint(source: SourceText, line: number): string | undefined {
  const t = source.lineText(line);
  if (/^\s*\t/.test(t)) return 'YAML indentation must use spaces, not tabs';
  if (/:\s*\{[^}]*$/.test(t)) return 'a flow mapping opened with "{" must close on the same line or be quoted';
  if (/^\s*[\w-]+:\s+[^"'\s][^#]*:\s/.test(t)) return 'quote a value that contains ": " (e.g. "bash: make test")';
  return undefined;
}
