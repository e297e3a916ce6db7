// Parse phase: explains one `yaml` syntax error as GUMP001 (language.md §19.1): where the fault
// really is (the unclosed bracket or quote, the over-indented line, the tab), why, and how to
// fix it. Input: the library's error codes and offsets; output: a located reason and hint.

import { CST, Parser } from 'yaml';
import type { Span } from './located.js';
import type { SourceText } from './source-map.js';

export interface YamlError {
  /** Offsets of the library's error range. */
  offset: number;
  endOffset: number;
  message: string;
  code: string;
}

export interface SyntaxExplanation {
  span: Span;
  reason: string;
  hint?: string;
}

export function explainSyntaxError(source: SourceText, first: YamlError, all: YamlError[]): SyntaxExplanation {
  const line = source.pos(first.offset).line;
  const text = source.lineText(line);
  const message = first.message.toLowerCase();

  if (/call stack/.test(message))
    return { span: source.span(first.offset, first.offset), reason: 'the YAML is nested too deeply' };

  if (first.code === 'TAB_AS_INDENT' || (first.code === 'BAD_INDENT' && /^\s*\t/.test(text))) {
    const col = text.indexOf('\t');
    return {
      span: at(source, line, Math.max(0, col)),
      reason: 'tabs are not allowed as indentation',
      hint: 'YAML indentation must use spaces, not tabs',
    };
  }

  if (/flow (sequence|map)/.test(message) || (first.code === 'MISSING_CHAR' && /[\]}]/.test(first.message))) {
    const open = unclosedFlow(source.text, first.offset);
    if (open) {
      const what = open.char === '[' ? 'list "["' : 'mapping "{"';
      const close = open.char === '[' ? ']' : '}';
      return {
        span: source.span(open.offset, open.offset + 1),
        reason: `the flow ${what} opened here is never closed with "${close}"`,
        hint: `close it with "${close}" (it may span lines, but its entries must be indented deeper than the key), or quote the value if the bracket is text`,
      };
    }
  }

  if (first.code === 'MISSING_CHAR' && /quote/.test(message)) {
    const q = unclosedQuote(source.text, first.offset);
    if (q !== undefined) {
      return {
        span: source.span(q, q + 1),
        reason: 'the quoted string opened here is never closed',
        hint: "close the quote; inside double quotes write \\\" for a quote character, inside single quotes write ''",
      };
    }
  }

  const multi = all.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.offset === first.offset);
  if (multi && source.pos(multi.endOffset).line > line) {
    const next = source.pos(multi.endOffset).line;
    if (firstKeyColumn(text) === source.pos(first.offset).col - 1) {
      const words = text.trim().replace(/^(-\s+)+/, '');
      return {
        span: at(source, line, firstKeyColumn(text)),
        reason: `"${words}" is not a "key: value" pair`,
        hint: 'add ": " after the key, or quote the line if it is text',
      };
    }
    const nextText = source.lineText(next);
    const key = nextText.trim().split(':')[0] ?? '';
    const above =
      text
        .trim()
        .replace(/^(-\s+)+/, '')
        .split(':')[0] ?? '';
    return {
      span: at(source, next, indentOf(nextText)),
      reason: `bad indentation: "${key}" is indented deeper than "${above}" on line ${line}, so it reads as part of that value`,
      hint: `align it with the other keys of its mapping (column ${firstKeyColumn(text) + 1})`,
    };
  }

  if (
    /implicit map keys need to be followed by map values/.test(message) &&
    !/:(\s|$)/.test(text.replace(/#.*$/, ''))
  ) {
    const words = text.trim().replace(/^(-\s+)+/, '');
    return {
      span: at(source, line, firstKeyColumn(text)),
      reason: `"${words}" is not a "key: value" pair`,
      hint: 'add ": " after the key, or quote the line if it is text',
    };
  }

  if (first.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const fix = quotedValueLine(text);
    return {
      span: source.span(first.offset, first.offset),
      reason: 'a plain value cannot contain ": " (it would start a nested mapping)',
      hint: fix ? `quote the value: ${fix}` : 'quote the value',
    };
  }

  if (first.code === 'UNEXPECTED_TOKEN' && /scalar at node end/.test(message)) {
    const fix = quotedValueLine(text);
    return {
      span: source.span(first.offset, first.offset),
      reason: 'unexpected text after the value',
      hint: fix
        ? `a value that starts with {, [ or a quote must be quoted as a whole: ${fix}`
        : 'quote the whole value',
    };
  }

  const above = previousContentLine(source, line);
  if (
    above !== undefined &&
    /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(source.lineText(above)) &&
    indentOf(text) <= indentOf(source.lineText(above))
  ) {
    return {
      span: at(source, line, indentOf(text)),
      reason: `the text of the block scalar on line ${above} must be indented deeper than its key`,
      hint: `indent the text under the "|" or ">" of line ${above} by at least ${indentOf(source.lineText(above)) + 2} spaces`,
    };
  }

  if (first.code === 'BAD_INDENT' && /same column/.test(message)) {
    return {
      span: at(source, line, indentOf(text)),
      reason: 'bad indentation: the keys of one mapping must start at the same column',
      hint: 'align this line with the other keys of its mapping',
    };
  }

  const session = /session:\s+from:\s*([^\s,}#]+)/.exec(text);
  if (session) {
    return {
      span: source.span(first.offset, first.offset),
      reason: 'a mapping cannot be nested on one line without braces',
      hint: `write session: { from: ${session[1]} }`,
    };
  }

  const reason = first.message.replace(/ at line \d+, column \d+.*$/, '').trim();
  const startsLine = source.pos(first.offset).col === 1 && indentOf(text) > 0;
  return {
    span: startsLine ? at(source, line, indentOf(text)) : source.span(first.offset, first.offset),
    reason: reason.length > 0 ? reason.charAt(0).toLowerCase() + reason.slice(1) : 'invalid YAML',
  };
}

/** The nearest line above `line` that is not blank or a comment. */
function previousContentLine(source: SourceText, line: number): number | undefined {
  for (let n = line - 1; n >= 1; n--) {
    const t = source.lineText(n).trim();
    if (t !== '' && !t.startsWith('#')) return n;
  }
  return undefined;
}

function at(source: SourceText, line: number, col0: number): Span {
  const o = source.lineOffset(line) + col0;
  return source.span(o, o);
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** 0-based column of the first key of a line, after indentation and `- ` markers. */
function firstKeyColumn(text: string): number {
  const m = /^(\s*(?:-\s+)*)/.exec(text);
  return m ? m[1]!.length : 0;
}

/** The line with its value quoted as a whole (`prompt: "{spec} and more"`), or undefined. */
function quotedValueLine(text: string): string | undefined {
  const m = /^(\s*(?:-\s+)*[^\s:#][^:#]*?:\s+)(.*?)\s*$/.exec(text);
  if (!m || m[2]!.length === 0) return undefined;
  const value = m[2]!;
  const quoted =
    value.includes('"') && !value.includes("'")
      ? `'${value}'`
      : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `${m[1]!.trimStart()}${quoted}`;
}

/** Every key or value node of the concrete syntax tree, the document roots included. */
function cstNodes(text: string): CST.Token[] {
  const nodes: CST.Token[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    if (token.value) nodes.push(token.value);
    CST.visit(token, (item) => {
      if (item.key) nodes.push(item.key);
      if (item.value) nodes.push(item.value);
    });
  }
  return nodes;
}

/** The flow collection (`[` or `{`) before `offset` that never closes, from the concrete syntax tree. */
function unclosedFlow(text: string, offset: number): { offset: number; char: '[' | '{' } | undefined {
  let found: { offset: number; char: '[' | '{' } | undefined;
  for (const node of cstNodes(text)) {
    if (node.type !== 'flow-collection') continue;
    const open = node.start.source as '[' | '{';
    const close = open === '[' ? ']' : '}';
    const closed = node.end.some((t) => t.source === close);
    if (!closed && node.offset <= offset && (!found || node.offset < found.offset))
      found = { offset: node.offset, char: open };
  }
  return found;
}

/** Offset of the first quoted scalar before `offset` that is never closed. */
function unclosedQuote(text: string, offset: number): number | undefined {
  for (const node of cstNodes(text)) {
    if (node.type !== 'double-quoted-scalar' && node.type !== 'single-quoted-scalar') continue;
    const src = node.source;
    const ok =
      node.type === 'double-quoted-scalar' ? /^"(?:[^"\\]|\\[\s\S])*"$/.test(src) : /^'(?:[^']|'')*'$/.test(src);
    if (!ok && node.offset <= offset) return node.offset;
  }
  return undefined;
}
