// Executor: the GET workflow of a step (language.md §7.3): runs before every attempt in the run
// worktree; its last step's output becomes `<step>/get/<name>.output`.

import type { AgentStep } from '../../protocol/plan.js';
import { calleePath, stateKey } from '../../protocol/state-keys.js';
import { runCallee } from './callee.js';
import type { Executor } from './executor.js';
import type { AttemptView, Frame } from './frame.js';
import type { Outcome } from './services.js';

export async function runGet(
  ex: Executor,
  frame: Frame,
  step: AgentStep,
  path: string,
  view: AttemptView,
): Promise<Outcome> {
  const v = ex.svc.state.values;
  const get = step.get!;
  const wf = ex.svc.plan.workflows[get.workflow];
  if (!wf) return { status: 'fatal', message: `GET workflow ${get.workflow} is missing from the plan` };
  const prefix = calleePath(path, 'get', get.as);
  const outcome = await runCallee(ex, frame, prefix, wf, get.inputs, view);
  const last = wf.steps[wf.steps.length - 1];
  if (last) v[stateKey(prefix, 'output')] = v[stateKey(`${prefix}/${last.path}`, 'output')] ?? '';
  return outcome;
}
