// Parse phase of the executor: a workflow file → the converted template plus the raw token tree
// (the converted template drops permissions, defaults, timeout-minutes, job continue-on-error and
// step with/shell/working-directory; platforms.md). Parser errors fail with line and column, and so
// do GitHub's size limits that make a real run fail with no jobs: a file over 512,000 bytes, an
// expression (a `run:` script with `${{ }}` becomes one `format(…)`) over 21,000 characters.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  convertWorkflowTemplate,
  isBasicExpression,
  isMapping,
  isSequence,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';

export interface ParsedWorkflow {
  file: string;
  template: WorkflowTemplate;
  root: TemplateToken;
}

export class WorkflowParseError extends Error {
  constructor(readonly diagnostics: string[]) {
    super(`workflow has errors:\n${diagnostics.join('\n')}`);
  }
}

export function formatParserErrors(file: string, context: TemplateContext): string[] {
  return context.errors.getErrors().map((e) => {
    const at = e.range ? `${e.range.start.line}:${e.range.start.column}` : '?:?';
    return `${file}:${at}: ${e.rawMessage}`;
  });
}

const MAX_FILE_BYTES = 512_000;
const MAX_EXPRESSION_LENGTH = 21_000;

function oversizedExpressions(file: string, token: TemplateToken): string[] {
  if (isBasicExpression(token)) {
    const at = token.range ? `${token.range.start.line}:${token.range.start.column}` : '?:?';
    return token.expression.length > MAX_EXPRESSION_LENGTH
      ? [`${file}:${at}: Exceeded max expression length ${MAX_EXPRESSION_LENGTH} (${token.expression.length})`]
      : [];
  }
  if (isSequence(token)) return [...token].flatMap((t) => oversizedExpressions(file, t));
  if (isMapping(token)) return [...token].flatMap((pair) => oversizedExpressions(file, pair.value));
  return [];
}

export async function parseWorkflowFile(path: string): Promise<ParsedWorkflow> {
  const file = basename(path);
  const content = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(content);
  if (bytes > MAX_FILE_BYTES)
    throw new WorkflowParseError([`${file}: workflow file is ${bytes} bytes, over GitHub's ${MAX_FILE_BYTES}`]);
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (result.value === undefined || result.context.errors.getErrors().length > 0) {
    throw new WorkflowParseError(formatParserErrors(file, result.context));
  }
  const oversized = oversizedExpressions(file, result.value);
  if (oversized.length > 0) throw new WorkflowParseError(oversized);
  const template = await convertWorkflowTemplate(result.context, result.value);
  const errors = [
    ...formatParserErrors(file, result.context),
    ...(template.errors ?? []).map((e) => `${file}: ${e.Message}`),
  ];
  if (errors.length > 0) throw new WorkflowParseError([...new Set(errors)]);
  return { file, template, root: result.value };
}
