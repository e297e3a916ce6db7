// Executor: a validator (language.md §7.2) — a gate's or a retry condition's — runs as a callee of
// the step it judges, afresh at every use; its verdict is the output of its last validate step.

import type { AgentStep, Binding } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import { runCallee } from './callee.js';
import type { Executor } from './executor.js';
import type { AttemptView, Frame } from './frame.js';

export async function runValidator(
  ex: Executor,
  frame: Frame,
  prefix: string,
  workflow: string,
  inputs: Binding[],
  view: AttemptView,
): Promise<{ pass: boolean; comments: string; error?: string }> {
  const v = ex.svc.state.values;
  const wf = ex.svc.plan.workflows[workflow];
  if (!wf) return { pass: false, comments: '', error: `validator ${workflow} is missing from the plan` };
  const outcome = await runCallee(ex, frame, prefix, wf, inputs, view, { validator: true });
  const verdictStep = [...wf.steps]
    .reverse()
    .find(
      (s): s is AgentStep =>
        s.kind === 'agent' && s.type === 'validate' && v[stateKey(`${prefix}/${s.path}`, 'output')] !== undefined,
    );
  if (!verdictStep)
    return {
      pass: false,
      comments: '',
      error: outcome.status === 'fatal' ? outcome.message : 'the validator gave no verdict',
    };
  const pass = v[stateKey(`${prefix}/${verdictStep.path}`, 'output')] === 'true' && outcome.status === 'pass';
  return {
    pass,
    comments: v[stateKey(`${prefix}/${verdictStep.path}`, 'comments')] ?? '',
    ...(outcome.status === 'fatal' && !pass ? { error: outcome.message } : {}),
  };
}
