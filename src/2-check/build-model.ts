// Check phase, first pass: classify every step (language.md §3) and build the scopes of §14.4.

import type { StepAst, WorkflowAst } from '../1-parse/ast.js';
import type { Scope, StepInfo, StepKind, WorkflowModel } from './model.js';

/** Keys whose presence makes an untyped step not gate-only (§3 row 5). */
const AGENT_PHASE_KEYS = ['agent', 'prompt', 'context', 'worktree', 'session', 'guard', 'each'];

export function classifyStep(step: StepAst): StepKind {
  if (step.keys.has('workflow')) return 'call';
  if (step.keys.has('steps')) return 'group';
  const type = step.type?.value;
  if (type === 'split') return 'split';
  if (type === 'code' || type === 'validate' || type === 'artifact') {
    const agent = step.agent?.value;
    if (type === 'code' && agent?.kind === 'literal' && agent.name === 'pass') return 'pass';
    return type;
  }
  if (step.keys.has('type')) return 'untyped';
  const agentPhase =
    AGENT_PHASE_KEYS.some((k) => step.keys.has(k)) ||
    step.getBlock !== undefined ||
    step.runBlock !== undefined ||
    step.keys.has('getWorkflow');
  return agentPhase ? 'untyped' : 'gate-only';
}

/**
 * The structure of a workflow: steps classified, in scopes, with their static paths. A step is
 * "inside a task" (`inTask`) when an `each:` scope encloses it at any depth, also the `each:` of a
 * step that is not a split (GUMP303 reports that misuse; its steps are still checked as a task's).
 */
export function buildModel(ast: WorkflowAst): WorkflowModel {
  const steps: StepInfo[] = [];
  const byAst = new Map<StepAst, StepInfo>();
  const root: Scope = { kind: 'root', steps: [] };

  const fill = (scope: Scope, list: StepAst[], prefix: string, inTask: boolean): void => {
    list.forEach((ast, index) => {
      const name = ast.name?.value;
      const info: StepInfo = {
        ast,
        kind: classifyStep(ast),
        scope,
        index,
        path: `${prefix}${name ?? `#${index + 1}`}`,
        inTask,
        ...(name === undefined ? {} : { name }),
      };
      scope.steps.push(info);
      steps.push(info);
      byAst.set(ast, info);
      if (info.kind === 'split' && ast.each) {
        const child: Scope = { kind: 'each', owner: info, parent: scope, steps: [] };
        info.child = child;
        fill(child, ast.each.value, `${info.path}/*/`, true);
      } else if (info.kind === 'group' && ast.steps) {
        const child: Scope = { kind: 'group', owner: info, parent: scope, steps: [] };
        info.child = child;
        fill(child, ast.steps.value, `${info.path}/`, inTask);
      } else if (ast.each && info.kind !== 'group') {
        // `each` on a non-split still gets a scope so its steps are checked (GUMP303 reports the misuse).
        const child: Scope = { kind: 'each', owner: info, parent: scope, steps: [] };
        info.child = child;
        fill(child, ast.each.value, `${info.path}/*/`, true);
      }
    });
  };
  fill(root, ast.steps, '', false);

  const validatorShaped = root.steps.some((s) => s.kind === 'validate');
  return { ast, root, steps, byAst, validatorShaped };
}
