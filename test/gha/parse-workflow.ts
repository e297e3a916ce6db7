// Parse phase of the executor: a workflow file → the converted template plus the raw token tree
// (the converted template drops permissions, defaults, timeout-minutes, job continue-on-error and
// step with/shell/working-directory; platforms.md). Parser errors fail with line and column.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
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

export async function parseWorkflowFile(path: string): Promise<ParsedWorkflow> {
  const file = basename(path);
  const result = parseWorkflow({ name: file, content: readFileSync(path, 'utf8') }, new NoOperationTraceWriter());
  if (result.value === undefined || result.context.errors.getErrors().length > 0) {
    throw new WorkflowParseError(formatParserErrors(file, result.context));
  }
  const template = await convertWorkflowTemplate(result.context, result.value);
  const errors = [...formatParserErrors(file, result.context), ...(template.errors ?? []).map((e) => `${file}: ${e.Message}`)];
  if (errors.length > 0) throw new WorkflowParseError([...new Set(errors)]);
  return { file, template, root: result.value };
}
