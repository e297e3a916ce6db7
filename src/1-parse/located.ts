// Located YAML tree (parse phase output of parse-yaml.ts): plain data with a source span on
// every node, so later phases never touch the `yaml` library and every diagnostic has a place.

export interface Span {
  /** 1-based line and column of the first character. */
  line: number;
  col: number;
  /** 1-based line and column just past the last character. */
  endLine: number;
  endCol: number;
  /** 0-based offsets into the source text. */
  offset: number;
  endOffset: number;
}

export type ScalarValue = string | number | boolean | null;

export interface LScalar {
  kind: 'scalar';
  value: ScalarValue;
  /** How it was written: plain, quoted, or a block scalar (`|`, `>`). */
  style: 'plain' | 'single' | 'double' | 'block' | 'none';
  span: Span;
}

export interface LPair {
  key: LScalar;
  value: LNode;
}

export interface LMap {
  kind: 'map';
  flow: boolean;
  pairs: LPair[];
  span: Span;
}

export interface LSeq {
  kind: 'seq';
  flow: boolean;
  items: LNode[];
  span: Span;
}

export type LNode = LScalar | LMap | LSeq;

export function isMap(n: LNode | undefined): n is LMap {
  return n?.kind === 'map';
}
export function isSeq(n: LNode | undefined): n is LSeq {
  return n?.kind === 'seq';
}
export function isScalar(n: LNode | undefined): n is LScalar {
  return n?.kind === 'scalar';
}

/** The value of `key` in a mapping (first occurrence), or undefined. */
export function mapGet(map: LMap, key: string): LPair | undefined {
  return map.pairs.find((p) => keyText(p) === key);
}

/** A mapping key as text (keys are scalars; numbers and booleans are stringified). */
export function keyText(pair: LPair): string {
  const v = pair.key.value;
  return v === null ? '' : String(v);
}

/** Plain JavaScript value of a node, for schema validation. */
export function toPlain(node: LNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const p of node.pairs) {
        const k = keyText(p);
        if (!(k in out)) out[k] = toPlain(p.value);
      }
      return out;
    }
  }
}

/** True for a scalar `null` (written `~`, `null` or nothing). */
export function isNull(node: LNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}
