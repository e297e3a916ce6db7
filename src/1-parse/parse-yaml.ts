// Parse phase, step 1: source text → located YAML tree (located.ts), YAML 1.2 core schema.
// Reports GUMP001–GUMP007; a syntax error stops the file, a duplicate key does not.

import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node as YNode,
  type Scalar,
} from 'yaml';
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
  const bad = (reason: string): ParsedYaml => {
    out.report('GUMP001', FILE_START, { reason });
    return fail();
  };

  if (text.length > MAX_SOURCE_BYTES) {
    return bad(
      `the file is too large to be a workflow (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1048576} MB)`,
    );
  }
  if (looksBinary(text)) {
    return bad('the file is binary, not YAML text');
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      schema: 'core',
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
    }) as Document.Parsed[];
  } catch (e) {
    return bad(
      e instanceof RangeError
        ? 'the YAML is nested too deeply'
        : `the YAML could not be read (${(e as Error).message.split('\n')[0]})`,
    );
  }
  if (!Array.isArray(docs)) docs = [];

  const errors = docs.flatMap((d) => d.errors);
  if (errors.length > 0) {
    explainYamlErrors(
      source,
      errors.map((e) => ({
        offset: e.pos[0],
        endOffset: e.pos[1],
        message: e.message.split('\n')[0] ?? '',
        code: e.code,
      })),
      out,
    );
    return fail();
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const at = documentStart(source, second.range[0]);
    const marker = text.startsWith('---', at) ? 3 : 0;
    out.report('GUMP003', source.span(at, Math.min(text.length, at + marker)), { count: docs.length });
    return fail();
  }
  const doc = docs[0];
  if (!doc || isEmptyDocument(doc)) {
    out.report('GUMP002', FILE_START);
    return fail();
  }
  let root: LNode;
  try {
    root = convert(doc.contents as YNode, { doc, source, out, budget: { nodes: MAX_NODES }, aliases: new Map() }, 0);
  } catch (e) {
    if (e instanceof ConvertError) {
      out.report('GUMP001', source.span(e.offset, e.offset), { reason: e.reason });
      return fail();
    }
    if (e instanceof RangeError) return bad('the YAML is nested too deeply');
    throw e;
  }
  if (root.kind !== 'map') {
    out.report('GUMP007', root.span, { value: root.kind === 'seq' ? 'a list' : describeScalar(root) });
    return { source, root: null };
  }
  return { source, root };
}

/** NUL bytes, or a head full of control characters or undecodable bytes: not a text file. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const head = text.slice(0, 8192);
  const odd = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd > 8 && odd * 20 > head.length;
}

/** Nothing but comments, directives and document markers (a bare `---` is empty too). */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const c = doc.contents;
  if (c === null) return true;
  return isScalar(c) && c.value === null && (c.range?.[0] ?? 0) === (c.range?.[1] ?? 0) && !c.anchor && !c.tag;
}

/** Offset of the `---` that opens a document, when the document starts with one. */
function documentStart(source: SourceText, offset: number): number {
  const idx = source.text.lastIndexOf('---', offset);
  return idx >= 0 &&
    source.text
      .slice(idx + 3, offset)
      .trim()
      .replace(/#.*$/gm, '')
      .trim() === ''
    ? idx
    : offset;
}

function describeScalar(s: LScalar): string {
  if (s.value === null) return 'null';
  return typeof s.value === 'string'
    ? `the text ${JSON.stringify(s.value.length > 40 ? `${s.value.slice(0, 40)}…` : s.value)}`
    : `the value ${String(s.value)}`;
}

const MAX_DEPTH = 200;
/** Nodes built from one file, aliases expanded: stops "billion laughs" alias bombs. */
const MAX_NODES = 200_000;

interface ConvertContext {
  doc: Document.Parsed;
  source: SourceText;
  out: Collector;
  budget: { nodes: number };
  /** Alias → its anchored node (resolving walks the document, so each alias is resolved once). */
  aliases: Map<YNode, YNode | undefined>;
}

/** A structural problem that makes the located tree impossible to build (reported as GUMP001). */
class ConvertError extends Error {
  constructor(
    readonly reason: string,
    readonly offset = 0,
  ) {
    super(reason);
  }
}

function convert(node: YNode | null | undefined, ctx: ConvertContext, depth: number): LNode {
  const { doc, source, out } = ctx;
  if (depth > MAX_DEPTH) throw new ConvertError('the YAML is nested too deeply');
  if (--ctx.budget.nodes < 0) throw new ConvertError('the YAML expands to too many nodes (aliases repeated too often)');
  if (node && isAlias(node)) {
    if (!ctx.aliases.has(node)) ctx.aliases.set(node, node.resolve(doc) as YNode | undefined);
    const target = ctx.aliases.get(node);
    if (!target)
      throw new ConvertError(
        `unknown alias *${node.source}; no anchor &${node.source} comes before it`,
        node.range?.[0] ?? 0,
      );
    return convert(target as YNode, ctx, depth + 1);
  }
  if (node && isMap(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const pairs: LPair[] = [];
    const seen = new Set<string>();
    for (const item of node.items) {
      const key = convertKey(item.key as YNode | null, source);
      const value =
        item.value === null || item.value === undefined
          ? nullAfter(key, source)
          : convert(item.value as YNode, ctx, depth + 1);
      const text = key.value === null ? '' : String(key.value);
      if (seen.has(text)) {
        out.report('GUMP004', key.span, { key: text });
        continue;
      }
      seen.add(text);
      pairs.push({ key, value });
    }
    const map: LMap = {
      kind: 'map',
      flow: node.flow === true,
      pairs,
      span: source.span(start, trimEnd(source, start, end)),
    };
    return map;
  }
  if (node && isSeq(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const items = node.items.map((i) => seqItem(i as YNode | null, ctx, depth));
    return { kind: 'seq', flow: node.flow === true, items, span: source.span(start, trimEnd(source, start, end)) };
  }
  if (node && isScalar(node)) return scalar(node, source);
  return { kind: 'scalar', value: null, style: 'none', span: source.span(0, 0) };
}

/** A list entry; an empty one (`-` alone) is a null placed at its `-`. */
function seqItem(item: YNode | null, ctx: ConvertContext, depth: number): LNode {
  const node = convert(item, ctx, depth + 1);
  if (
    node.kind !== 'scalar' ||
    node.value !== null ||
    node.style !== 'plain' ||
    node.span.offset !== node.span.endOffset
  )
    return node;
  const text = ctx.source.text;
  let i = node.span.offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '-' ? { ...node, span: ctx.source.span(i, i + 1) } : node;
}

function convertKey(key: YNode | null, source: SourceText): LScalar {
  if (key && isScalar(key)) return scalar(key, source);
  // Complex keys (maps or lists as keys) are not part of the language: keep their text.
  const range = key?.range ?? [0, 0, 0];
  return {
    kind: 'scalar',
    value: source.text.slice(range[0], range[1]),
    style: 'plain',
    span: source.span(range[0], range[1]),
  };
}

function scalar(node: Scalar, source: SourceText): LScalar {
  const [start, end] = node.range ?? [0, 0, 0];
  const style =
    node.type === 'QUOTE_DOUBLE'
      ? 'double'
      : node.type === 'QUOTE_SINGLE'
        ? 'single'
        : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'
          ? 'block'
          : 'plain';
  let value = node.value as unknown;
  if (typeof value === 'bigint') value = Number(value);
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    value = String(value);
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
