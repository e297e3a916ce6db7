// Parse phase, step 1: source text → located YAML tree (located.ts), YAML 1.2 core schema.
// Reports GUMP001–GUMP007; a syntax error stops the file, a duplicate key does not.

import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YNode, Scalar } from 'yaml';
import type { Collector } from '../diagnostics/diagnostic.js';
import type { LMap, LNode, LPair, LScalar } from './located.js';
import { FILE_START, SourceText } from './source-map.js';
import { explainYamlErrors } from './yaml-recovery.js';

/** Workflow files beyond this size are refused before parsing (GitHub caps workflows at 500 KB). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export interface ParsedYaml {
  source: SourceText;
  /** The document root, or null when the file could not be parsed. */
  root: LNode | null;
}

export function parseYaml(text: string, out: Collector): ParsedYaml {
  const source = new SourceText(text);
  const fail = (): ParsedYaml => ({ source, root: null });

  if (text.length > MAX_SOURCE_BYTES) {
    out.report('GUMP001', FILE_START, {}, {
      message: `file is too large to be a workflow (${(text.length / 1048576).toFixed(1)} MB; the limit is 2 MB)`,
    });
    return fail();
  }
  if (text.includes('\u0000')) {
    out.report('GUMP001', FILE_START, {}, { message: 'file is binary, not YAML text' });
    return fail();
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { schema: 'core', uniqueKeys: false, prettyErrors: false, strict: true }) as Document.Parsed[];
  } catch (e) {
    out.report('GUMP001', FILE_START, {}, { message: `YAML could not be parsed: ${(e as Error).message.split('\n')[0]}` });
    return fail();
  }
  if (!Array.isArray(docs)) docs = [];

  const errors = docs.flatMap((d) => d.errors);
  if (errors.length > 0) {
    explainYamlErrors(source, errors.map((e) => ({ offset: e.pos[0], message: e.message.split('\n')[0] ?? '', code: e.code })), out);
    return fail();
  }
  const withContent = docs.filter((d) => d.contents !== null);
  if (withContent.length === 0) {
    out.report('GUMP002', FILE_START);
    return fail();
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const at = second.range?.[0] ?? 0;
    out.report('GUMP003', source.span(at, at), { count: docs.length });
    return fail();
  }
  const doc = docs[0]!;
  let root: LNode;
  try {
    root = convert(doc.contents as YNode, doc, source, out, 0);
  } catch (e) {
    if (e instanceof RangeError) {
      out.report('GUMP001', FILE_START, {}, { message: 'YAML is nested too deeply' });
      return fail();
    }
    throw e;
  }
  if (root.kind !== 'map') {
    out.report('GUMP007', root.span, { value: root.kind === 'seq' ? 'a list' : 'a scalar' });
    return { source, root: null };
  }
  return { source, root };
}

const MAX_DEPTH = 200;

function convert(node: YNode | null | undefined, doc: Document.Parsed, source: SourceText, out: Collector, depth: number): LNode {
  if (depth > MAX_DEPTH) throw new RangeError('depth');
  if (node && isAlias(node)) {
    const target = node.resolve(doc);
    return convert(target as YNode | undefined, doc, source, out, depth + 1);
  }
  if (node && isMap(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const pairs: LPair[] = [];
    const seen = new Set<string>();
    for (const item of node.items) {
      const key = convertKey(item.key as YNode | null, item, doc, source);
      const value = item.value === null || item.value === undefined
        ? nullAfter(key, source)
        : convert(item.value as YNode, doc, source, out, depth + 1);
      const text = key.value === null ? '' : String(key.value);
      if (seen.has(text)) {
        out.report('GUMP004', key.span, { key: text });
        continue;
      }
      seen.add(text);
      pairs.push({ key, value });
    }
    const map: LMap = { kind: 'map', flow: node.flow === true, pairs, span: source.span(start, trimEnd(source, start, end)) };
    return map;
  }
  if (node && isSeq(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const items = node.items.map((i) => convert(i as YNode, doc, source, out, depth + 1));
    return { kind: 'seq', flow: node.flow === true, items, span: source.span(start, trimEnd(source, start, end)) };
  }
  if (node && isScalar(node)) return scalar(node, source);
  return { kind: 'scalar', value: null, style: 'none', span: source.span(0, 0) };
}

function convertKey(key: YNode | null, item: { value: unknown }, doc: Document.Parsed, source: SourceText): LScalar {
  if (key && isScalar(key)) return scalar(key, source);
  // Complex keys (maps or lists as keys) are not part of the language: keep their text.
  const range = key?.range ?? [0, 0, 0];
  void item;
  void doc;
  return { kind: 'scalar', value: source.text.slice(range[0], range[1]), style: 'plain', span: source.span(range[0], range[1]) };
}

function scalar(node: Scalar, source: SourceText): LScalar {
  const [start, end] = node.range ?? [0, 0, 0];
  const style =
    node.type === 'QUOTE_DOUBLE' ? 'double'
    : node.type === 'QUOTE_SINGLE' ? 'single'
    : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 'block'
    : 'plain';
  let value = node.value as unknown;
  if (typeof value === 'bigint') value = Number(value);
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') value = String(value);
  return { kind: 'scalar', value: value as LScalar['value'], style, span: source.span(start, end) };
}

/** A missing value (`key:` with nothing after it) is a null placed right after the key. */
function nullAfter(key: LScalar, source: SourceText): LScalar {
  return { kind: 'scalar', value: null, style: 'none', span: source.span(key.span.endOffset, key.span.endOffset) };
}

function trimEnd(source: SourceText, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(source.text[e - 1] ?? '')) e--;
  return e;
}
