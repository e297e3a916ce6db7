// Expression evaluation for the GitHub executor: `@actions/expressions` with GitHub's status
// functions and hashFiles. Input: an expression string and the contexts; output: a plain JS value.
// The library's lexer un-escapes only the first `''` of a string literal; we re-derive every
// string token's value from its lexeme so `format('it''s ''a''', …)` works (platforms.md).

import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { TokenType } from '@actions/expressions/lexer';
import type { FunctionDefinition, FunctionInfo } from '@actions/expressions/funcs/info';
import { hashFiles } from './hash-files.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What the status functions answer where the expression is evaluated (job `if` or step `if`). */
export interface StatusFunctions {
  success: () => boolean;
  failure: () => boolean;
  cancelled: () => boolean;
}

export interface ExpressionScope {
  contexts: Record<string, Json>;
  status?: StatusFunctions;
  /** Directory hashFiles() resolves patterns against (GITHUB_WORKSPACE). */
  workspace?: string;
}

export const CONTEXT_NAMES = [
  'github',
  'inputs',
  'needs',
  'matrix',
  'strategy',
  'steps',
  'env',
  'secrets',
  'vars',
  'runner',
  'job',
];

const EXTENSION_FUNCTIONS: FunctionInfo[] = [
  { name: 'success', minArgs: 0, maxArgs: 0 },
  { name: 'failure', minArgs: 0, maxArgs: 0 },
  { name: 'always', minArgs: 0, maxArgs: 0 },
  { name: 'cancelled', minArgs: 0, maxArgs: 0 },
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
];

export function toData(value: Json): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

export function fromData(value: data.ExpressionData): Json {
  return JSON.parse(JSON.stringify(value, data.replacer)) as Json;
}

/** Lex with every `''` in a string literal un-escaped (the library un-escapes only the first). */
function lex(expression: string) {
  const { tokens } = new Lexer(expression).lex();
  for (const t of tokens) {
    if (t.type === TokenType.STRING) t.value = t.lexeme.slice(1, -1).replaceAll("''", "'");
  }
  return tokens;
}

export function evaluateExpression(expression: string, scope: ExpressionScope): Json {
  const tree = new Parser(lex(expression), CONTEXT_NAMES, EXTENSION_FUNCTIONS).parse();
  const contexts = new data.Dictionary(
    ...CONTEXT_NAMES.map((key) => ({ key, value: toData(scope.contexts[key] ?? {}) })),
  );
  const status = scope.status ?? { success: () => true, failure: () => false, cancelled: () => false };
  const fn = (
    name: string,
    call: (...args: data.ExpressionData[]) => data.ExpressionData,
  ): [string, FunctionDefinition] => [name.toLowerCase(), { name, minArgs: 0, maxArgs: 255, call }];
  const functions = new Map<string, FunctionDefinition>([
    fn('success', () => new data.BooleanData(status.success())),
    fn('failure', () => new data.BooleanData(status.failure())),
    fn('cancelled', () => new data.BooleanData(status.cancelled())),
    fn('always', () => new data.BooleanData(true)),
    fn(
      'hashFiles',
      (...args) =>
        new data.StringData(
          hashFiles(
            scope.workspace ?? process.cwd(),
            args.map((a) => a.coerceString()),
          ),
        ),
    ),
  ]);
  return fromData(new Evaluator(tree, contexts, functions).evaluate());
}

/** GitHub's truthiness: false, 0, -0, NaN, '' and null are falsy. */
export function truthy(value: Json): boolean {
  return !(
    value === false ||
    value === null ||
    value === '' ||
    value === 0 ||
    (typeof value === 'number' && Number.isNaN(value))
  );
}

/** How a value reads where a string is expected (a `run:` script, an env value, an action input). */
export function asString(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'Array' : 'Object';
}

const STATUS_CALL = /\b(success|failure|always|cancelled)\s*\(/i;

/** A job or step `if` without a status function gets an implicit `success() && (…)`. */
export function withImplicitSuccess(condition: string): string {
  const trimmed = condition.trim();
  if (trimmed === '') return 'success()';
  return STATUS_CALL.test(trimmed) ? trimmed : `success() && (${trimmed})`;
}

/** A string with embedded `${{ … }}` expressions, each evaluated and read as a string. */
export function interpolate(text: string, scope: ExpressionScope): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${{', i);
    if (start < 0) break;
    let end = -1;
    let inString = false;
    for (let j = start + 3; j < text.length; j++) {
      if (text[j] === "'") inString = !inString;
      else if (!inString && text[j] === '}' && text[j - 1] === '}') {
        end = j;
        break;
      }
    }
    if (end < 0)
      throw new Error(
        'The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.',
      );
    out += text.slice(i, start) + asString(evaluateExpression(text.slice(start + 3, end - 1), scope));
    i = end + 1;
  }
  return out + text.slice(i);
}
