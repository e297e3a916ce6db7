// Parse phase helpers shared by the AST builders: zod validation of one value reported at its
// key, templates, agents, input bindings.

import type { z } from 'zod';
import type { Collector } from '../diagnostics/diagnostic.js';
import type { AgentAst, Field, InputAst, KeyInfo, KeyPlace, TemplateAst } from './ast.js';
import { isMap, isScalar, keyText, type LMap, type LNode, type LScalar, type Span } from './located.js';
import { durationMs } from '../../protocol/duration.js';
import { splitAgentName } from '../../protocol/models.js';
import { parseTemplate } from './template.js';

export function keyInfo(map: LMap, index: number, place: KeyPlace): KeyInfo {
  const pair = map.pairs[index]!;
  return { name: keyText(pair), keySpan: pair.key.span, value: pair.value, place };
}

/** Validate `key.value` with a zod schema; on failure report `code` at the key. */
export function checkValue<S extends z.ZodType>(
  schema: S,
  key: KeyInfo,
  code: string,
  out: Collector,
  params: Record<string, string | number> = {},
): Field<z.output<S>> | undefined {
  const plain = isScalar(key.value) ? key.value.value : key.value.kind === 'seq' ? [] : {};
  const r = schema.safeParse(plain);
  if (!r.success) {
    out.report(code, key.keySpan, { key: key.name, value: describeValue(key.value), ...params });
    return undefined;
  }
  return { value: r.data, key };
}

/** A duration (§2.1) reported as GUMP203 at its key, with a hint fitted to the mistake. */
export function checkDuration(key: KeyInfo, out: Collector): Field<number> | undefined {
  const v = key.value;
  const text = isScalar(v) && v.value !== null ? String(v.value).trim() : undefined;
  const ms = text === undefined ? undefined : durationMs(text);
  if (ms !== undefined && ms > 0) return { value: ms, key };
  const hint =
    isScalar(v) && (typeof v.value === 'number' || /^\d+(\.\d+)?$/.test(text ?? ''))
      ? `add a unit: ${text}s, ${text}m or ${text}h (a bare number is not a duration)`
      : ms !== undefined
        ? 'a duration must be greater than 0'
        : text !== undefined && /\s/.test(text)
          ? `write it without spaces: ${text.replace(/\s+/g, '')}`
          : 'write one or more <number><unit> groups, units h, m, s, ms: 90s, 30m, 1h30m, 1.5h';
  out.report('GUMP203', key.keySpan, { key: key.name, value: describeValue(v) }, { hint });
  return undefined;
}

/** How a value reads in a message: `"yes"`, `3`, `a list`. */
export function describeValue(node: LNode): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  if (node.value === null) return 'nothing';
  if (typeof node.value === 'string') return JSON.stringify(node.value);
  return String(node.value);
}

export function templateOf(node: LScalar | LMap, text: string): TemplateAst {
  const { placeholders } = parseTemplate(text);
  return { text, placeholders, node, span: node.span };
}

/**
 * A one-key flow mapping with a null value, `{x.agent}`: the unquoted template of GUMP510.
 * Returns the template text (`{x.agent}`) or undefined for any other node.
 */
export function unquotedTemplate(node: LNode): string | undefined {
  if (!isMap(node) || !node.flow || node.pairs.length !== 1) return undefined;
  const pair = node.pairs[0]!;
  if (!(isScalar(pair.value) && pair.value.value === null)) return undefined;
  const k = keyText(pair);
  const parsed = parseTemplate(`{${k}}`);
  return parsed.placeholders.length === 1 ? `{${k}}` : undefined;
}

/** Report GUMP510 for an unquoted template and return it as a template. */
export function acceptUnquoted(
  node: LMap,
  text: string,
  key: KeyInfo | { name: string; keySpan: Span },
  out: Collector,
): TemplateAst {
  out.report(
    'GUMP510',
    key.keySpan,
    { key: key.name, value: text },
    {
      fix: {
        description: `quote the template: ${key.name}: "${text}"`,
        edits: [{ offset: node.span.offset, endOffset: node.span.endOffset, text: `"${text}"` }],
      },
    },
  );
  return templateOf(node, text);
}

export const PROVIDERS = ['claude', 'codex', 'gemini', 'qwen', 'opencode', 'cursor'] as const;

/** Agent value (§4.3, §18.1): literal name, quoted template, or unquoted template (GUMP510). */
export function buildAgent(key: KeyInfo, out: Collector): Field<AgentAst> | undefined {
  const node = key.value;
  const unquoted = unquotedTemplate(node);
  if (unquoted !== undefined && isMap(node)) {
    return { key, value: { kind: 'template', template: acceptUnquoted(node, unquoted, key, out), span: node.span } };
  }
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    out.report('GUMP210', key.keySpan, { value: describeValue(node), key: key.name });
    return undefined;
  }
  const text = node.value;
  const tpl = templateOf(node, text);
  if (tpl.placeholders.length > 0) return { key, value: { kind: 'template', template: tpl, span: node.span } };
  const name = text;
  const { provider, suffix } = splitAgentName(name);
  if (/\s/.test(name) || suffix === '' || provider === '') {
    out.report('GUMP210', key.keySpan, { value: JSON.stringify(name), key: key.name });
    return undefined;
  }
  return { key, value: { kind: 'literal', name, provider, span: node.span } };
}

/** Input bindings (§4.3 `with`): scalar templates; lists, maps and null are GUMP223. */
export function buildInputValue(name: string, keySpan: Span, node: LNode, out: Collector): InputAst {
  const input: InputAst = { name, keySpan };
  const unquoted = unquotedTemplate(node);
  if (unquoted !== undefined && isMap(node)) {
    input.value = acceptUnquoted(node, unquoted, { name, keySpan }, out);
    return input;
  }
  if (!isScalar(node) || node.value === null) {
    out.report('GUMP223', keySpan, { key: name, value: describeValue(node) });
    return input;
  }
  input.value = templateOf(node, String(node.value));
  return input;
}

export function buildInputs(map: LMap, place: KeyPlace, out: Collector): InputAst[] {
  return map.pairs.map((p, i) => {
    const k = keyInfo(map, i, place);
    return buildInputValue(k.name, k.keySpan, p.value, out);
  });
}
