// Check phase, target rules: the steps whose path is static (named, outside any task), i.e. the
// candidates for their own CI job (language.md §15.1; tasks are run-time names).

import type { CheckedWorkflow, StepInfo } from '../../model.js';

export function staticSteps(wf: CheckedWorkflow): StepInfo[] {
  return wf.steps.filter((s) => s.name !== undefined && !s.path.includes('*') && !s.path.includes('#'));
}
