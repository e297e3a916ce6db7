// Parse phase: turns `yaml` syntax errors into diagnostics. Recognises the two invalid forms the
// gump documentation prints (GUMP005 `session: from: x`, GUMP006 over-indented validator inputs)
// and offers the exact corrected text; any other error is GUMP001 (yaml-syntax-error.ts).

import type { Collector } from '../diagnostics/diagnostic.js';
import type { SourceText } from './source-map.js';
import { explainSyntaxError, type YamlError } from './yaml-syntax-error.js';

export type { YamlError } from './yaml-syntax-error.js';

/** `session: from: <x>` with optional `- ` markers and a trailing comment. */
const SESSION_FROM = /^(\s*(?:-\s+)*)session:[ \t]+from:[ \t]*([^\s#](?:[^#]*?[^\s#])?)([ \t]+#.*)?[ \t]*$/;
/** A `- validate: <ref>` list entry (also nested, `- - validate:`). */
const VALIDATE_ENTRY = /^(\s*(?:-\s+)*)-(\s+)validate:\s*[^\s#]/;

export function explainYamlErrors(source: SourceText, errors: YamlError[], out: Collector): void {
  const explained = new Set<number>();
  const errorLines = new Set(errors.map((e) => source.pos(e.offset).line));

  for (let n = 1; n <= source.lineCount; n++) {
    const m = SESSION_FROM.exec(source.lineText(n));
    if (!m || !errorLines.has(n)) continue;
    reportSessionFrom(source, n, m[1]!, m[2]!, m[3] ?? '', out);
    explained.add(n);
  }

  for (let n = 1; n <= source.lineCount; n++) {
    if (explained.has(n)) continue;
    const block = overIndentedBlock(source, n);
    if (!block) continue;
    const lines = [n, ...block.lines];
    if (!lines.some((l) => errorLines.has(l))) continue;
    reportOverIndented(source, n, block, out);
    for (const l of lines) explained.add(l);
    n = block.lines[block.lines.length - 1]!;
  }

  const rest = errors.filter((e) => !explained.has(source.pos(e.offset).line)).sort((a, b) => a.offset - b.offset);
  if (rest.length === 0) return;
  const { span, reason, hint } = explainSafely(source, rest[0]!, rest);
  out.report('GUMP001', span, { reason }, hint === undefined ? {} : { hint });
}

function explainSafely(source: SourceText, first: YamlError, all: YamlError[]): ReturnType<typeof explainSyntaxError> {
  try {
    return explainSyntaxError(source, first, all);
  } catch {
    // The explanation re-reads the text; on pathological input keep the library's own words.
    return { span: source.span(first.offset, first.offset), reason: first.message.split('\n')[0] ?? 'invalid YAML' };
  }
}

function reportSessionFrom(
  source: SourceText,
  line: number,
  lead: string,
  target: string,
  comment: string,
  out: Collector,
): void {
  const text = source.lineText(line);
  const lineOffset = source.lineOffset(line);
  const corrected = `${lead}session: { from: ${target} }${comment}`;
  const col = lead.length;
  out.report(
    'GUMP005',
    source.span(lineOffset + col, lineOffset + col + 'session'.length),
    { value: target, expected: corrected },
    {
      fix: {
        description: `write ${corrected.trim()}`,
        edits: [{ offset: lineOffset, endOffset: lineOffset + text.length, text: corrected }],
      },
    },
  );
}

interface IndentBlock {
  /** Column (0-based) of `validate`. */
  column: number;
  /** Lines following the entry that belong to it (1-based), all indented deeper than its `-`. */
  lines: number[];
  /** Indentation of the first of those lines. */
  indent: number;
}

/** The lines after a `- validate: <ref>` entry when the first one is not at the column of `validate`. */
function overIndentedBlock(source: SourceText, line: number): IndentBlock | undefined {
  const m = VALIDATE_ENTRY.exec(source.lineText(line));
  if (!m) return undefined;
  const dash = m[1]!.length;
  const column = dash + 1 + m[2]!.length;
  const lines: number[] = [];
  let indent = -1;
  for (let n = line + 1; n <= source.lineCount; n++) {
    const t = source.lineText(n);
    if (t.trim() === '') break;
    const ind = t.length - t.trimStart().length;
    if (ind <= dash) break;
    if (indent < 0) indent = ind;
    lines.push(n);
  }
  return lines.length > 0 && indent !== column ? { column, lines, indent } : undefined;
}

function reportOverIndented(source: SourceText, entryLine: number, block: IndentBlock, out: Collector): void {
  const delta = block.indent - block.column;
  const first = block.lines[0]!;
  const last = block.lines[block.lines.length - 1]!;
  const from = source.lineOffset(first);
  const to = source.lineOffset(last) + source.lineText(last).length;
  const eol = source.text.slice(from, to).includes('\r\n') ? '\r\n' : '\n';
  const fixed = block.lines.map((n) => reindent(source.lineText(n), delta));
  const expected = [source.lineText(entryLine), ...fixed].join('\n');
  const firstText = source.lineText(first);
  out.report(
    'GUMP006',
    source.span(from + block.indent, from + firstText.length),
    { expected, column: block.column + 1 },
    {
      fix: {
        description: `re-indent the validator inputs to column ${block.column + 1}, the column of "validate"`,
        edits: [{ offset: from, endOffset: to, text: fixed.join(eol) }],
      },
    },
  );
}

/** Shift a line left by `delta` columns (right when negative), never cutting into its text. */
function reindent(line: string, delta: number): string {
  const ind = line.length - line.trimStart().length;
  const next = Math.max(0, ind - delta);
  return ' '.repeat(next) + line.trimStart();
}
