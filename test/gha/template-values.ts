// Template tokens (from `@actions/workflow-parser`) to plain values: literals as written, `${{ }}`
// expressions evaluated in a scope. Also the key lookups on raw mapping tokens that we need for the
// keys the converted template drops (permissions, defaults, timeout-minutes, with, shell, …).
// The parser builds the `format(…)` of a multi-line scalar from its raw YAML source (indentation,
// quotes and folding kept — a heredoc terminator would no longer start its line); we re-read the
// scalar's real value from that source and interpolate it ourselves.

import { isBasicExpression, isBoolean, isMapping, isNumber, isSequence, isString } from '@actions/workflow-parser';
import type {
  BasicExpressionToken,
  MappingToken,
  TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import { parse } from 'yaml';
import { asString, evaluateExpression, interpolate, type ExpressionScope, type Json } from './expressions.js';

export function evaluateToken(token: TemplateToken | undefined, scope: ExpressionScope): Json {
  if (token === undefined) return null;
  if (isString(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isBasicExpression(token)) {
    const text = multilineScalarText(token);
    return text === undefined ? evaluateExpression(token.expression, scope) : interpolate(text, scope);
  }
  if (isSequence(token)) return [...token].map((item) => evaluateToken(item, scope));
  if (isMapping(token)) {
    const out: Record<string, Json> = {};
    for (const pair of token) out[asString(evaluateToken(pair.key, scope))] = evaluateToken(pair.value, scope);
    return out;
  }
  if (token.templateTokenType === 7) return null; // null token
  throw new Error(`unsupported template token (line ${token.line ?? '?'}): insert expressions are not supported`);
}

export function evaluateString(token: TemplateToken | undefined, scope: ExpressionScope): string {
  return asString(evaluateToken(token, scope));
}

/** A mapping of strings (env, with, outputs), each value evaluated and read as a string. */
export function evaluateStringMap(token: TemplateToken | undefined, scope: ExpressionScope): Record<string, string> {
  const out: Record<string, string> = {};
  if (token === undefined || !isMapping(token)) return out;
  for (const pair of token) out[asString(evaluateToken(pair.key, scope))] = asString(evaluateToken(pair.value, scope));
  return out;
}

export function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token !== undefined && isMapping(token) ? (token as MappingToken).find(key) : undefined;
}

export function childAt(token: TemplateToken | undefined, index: number): TemplateToken | undefined {
  return token !== undefined && isSequence(token) && index < token.count ? token.get(index) : undefined;
}

/** A key's raw token along a path of mapping keys / sequence indexes. */
export function tokenAt(token: TemplateToken | undefined, ...path: (string | number)[]): TemplateToken | undefined {
  let t = token;
  for (const key of path) t = typeof key === 'number' ? childAt(t, key) : child(t, key);
  return t;
}

/** The value of a multi-line scalar the parser turned into `format(…)`, re-read from its source. */
function multilineScalarText(token: BasicExpressionToken): string | undefined {
  const range = token.range;
  if (
    token.source === undefined ||
    token.originalExpressions === undefined ||
    range === undefined ||
    range.start.line === range.end.line
  )
    return undefined;
  const doc =
    token.blockScalarHeader !== undefined ? `v: ${token.blockScalarHeader}\n${token.source}` : `v: ${token.source}`;
  const value = (parse(doc) as { v?: unknown } | null)?.v;
  return typeof value === 'string' ? value : undefined;
}
