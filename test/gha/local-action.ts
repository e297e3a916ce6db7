// Local composite actions (`uses: ./path`): action.yml parsed with the workflow parser's action
// schema, inputs with their defaults as the `inputs` context, nested steps in their own `steps`
// scope, outputs evaluated from that scope. The raw tokens supply the dropped step keys.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { asString, type Json } from './expressions.js';
import { formatParserErrors } from './parse-workflow.js';
import { expressionScope, runSteps, StepFailure, type StepScope } from './run-steps.js';
import { evaluateToken, tokenAt } from './template-values.js';

export async function runLocalAction(
  uses: string,
  given: Record<string, string>,
  stepEnv: Record<string, string>,
  parent: StepScope,
): Promise<Record<string, string>> {
  const dir = resolve(parent.job.workspace, uses);
  const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find(existsSync);
  if (file === undefined)
    throw new Error(
      `Can't find 'action.yml' or 'action.yaml' under '${dir}'. Did you forget to run actions/checkout before running your local action?`,
    );
  const parsed = parseAction({ name: uses, content: readFileSync(file, 'utf8') }, new NoOperationTraceWriter());
  const errors = formatParserErrors(uses, parsed.context);
  if (parsed.value === undefined || errors.length > 0) throw new Error(`invalid action ${uses}:\n${errors.join('\n')}`);
  const action = convertActionTemplate(parsed.context, parsed.value);
  if (action.runs.using !== 'composite')
    throw new Error(`action ${uses} uses '${action.runs.using}'; the test executor runs only composite local actions`);

  const outer = expressionScope(parent, { ...parent.job.env, ...parent.inheritedEnv, ...stepEnv });
  const inputs: Record<string, Json> = {};
  for (const def of action.inputs ?? []) {
    inputs[def.id] = def.id in given ? given[def.id]! : asString(evaluateToken(def.default, outer));
  }
  for (const key of Object.keys(given))
    if (!(key in inputs)) parent.job.log.info(`##[warning]Unexpected input '${key}' for ${uses}`);

  const rawSteps = tokenAt(parsed.value, 'runs', 'steps');
  const scope: StepScope = {
    job: parent.job,
    steps: {},
    inputs,
    actionPath: dir,
    inheritedEnv: { ...parent.inheritedEnv, ...stepEnv },
    failed: parent.failed,
  };
  const failed = await runSteps(
    action.runs.steps.map((step, i) => ({ step, raw: tokenAt(rawSteps, i) })),
    scope,
  );
  if (failed) throw new StepFailure(`local action ${uses} failed`);
  const outputs: Record<string, string> = {};
  const inner = expressionScope(scope, { ...parent.job.env, ...scope.inheritedEnv });
  for (const def of action.outputs ?? []) outputs[def.id] = asString(evaluateToken(def.value, inner));
  return outputs;
}
