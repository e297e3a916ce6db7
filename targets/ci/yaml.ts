// CI targets, shared: the one YAML serialiser of every emitted file. Plain objects in, text out:
// keys in insertion order, no anchors, no line folding, LF and a trailing newline, so the output
// is byte-for-byte reproducible (style.md "deterministic output"). Small collections of plain
// scalars (`needs`, `permissions`, short `with:` maps) are written inline to keep files short.

import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

const FLOW_MAX = 72;

export function toYaml(value: unknown, header: readonly string[] = []): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Map(_, node) {
      if (
        node.items.length > 0 &&
        node.items.length <= 3 &&
        node.items.every((p) => isScalar(p.value) && flowSafe(p.value.value)) &&
        inlineLength(node) <= FLOW_MAX
      )
        node.flow = true;
    },
    Seq(_, node) {
      if (
        node.items.length > 0 &&
        node.items.every((i) => isScalar(i) && flowSafe(i.value)) &&
        inlineLength(node) <= FLOW_MAX
      )
        node.flow = true;
    },
  });
  const body = doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    indent: 2,
    singleQuote: true,
    flowCollectionPadding: true,
  });
  return `${header.map((l) => `# ${l}`.trimEnd()).join('\n')}${header.length > 0 ? '\n' : ''}${body}`;
}

/** Scalars that read well inline: no expressions, no quotes, no separators. */
function flowSafe(v: unknown): boolean {
  return (
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    (typeof v === 'string' && /^[A-Za-z0-9_.@/ -]*$/.test(v) && v !== '')
  );
}

function inlineLength(node: unknown): number {
  if (isMap(node))
    return node.items.reduce(
      (n, p) =>
        n +
        String((p.key as { value?: unknown })?.value ?? p.key).length +
        String((p.value as { value?: unknown })?.value).length +
        4,
      4,
    );
  if (isSeq(node))
    return node.items.reduce((n: number, i) => n + String((i as { value?: unknown }).value).length + 2, 4);
  return 0;
}
