// Check phase, first pass: classify every step (language.md §3) and build the scopes of §14.4.

import type { StepAst, WorkflowAst } from '../1-parse/ast.js';
import type { CheckedWorkflow, Scope, StepInfo, StepKind } from './model.js';

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
  const agentPhase = AGENT_PHASE_KEYS.some((k) => step.keys.has(k)) || step.getBlock !== undefined || step.runBlock !== undefined || step.keys.has('getWorkflow');
  return agentPhase ? 'untyped' : 'gate-only';
}

export function buildModel(ast: WorkflowAst): CheckedWorkflow {
  const steps: StepInfo[] = [];
  const byAst = new Map<StepAst, StepInfo>();
  const root: Scope = { kind: 'root', steps: [] };

  const fill = (scope: Scope, list: StepAst[], prefix: string, inTask: boolean, inBranch: boolean): void => {
    list.forEach((ast, index) => {
      const name = ast.name?.value;
      const info: StepInfo = {
        ast,
        kind: classifyStep(ast),
        scope,
        index,
        path: `${prefix}${name ?? `#${index + 1}`}`,
        inTask,
        inParallelBranch: inBranch,
        ...(name === undefined ? {} : { name }),
      };
      scope.steps.push(info);
      steps.push(info);
      byAst.set(ast, info);
      if (info.kind === 'split' && ast.each) {
        const child: Scope = { kind: 'each', owner: info, parent: scope, steps: [] };
        info.child = child;
        const parallel = ast.parallel?.value === true;
        fill(child, ast.each.value, `${info.path}/*/`, true, inBranch || parallel);
      } else if (info.kind === 'group' && ast.steps) {
        const child: Scope = { kind: 'group', owner: info, parent: scope, steps: [] };
        info.child = child;
        fill(child, ast.steps.value, `${info.path}/`, inTask, true);
      } else if (ast.each && info.kind !== 'group') {
        // `each` on a non-split still gets a scope so its steps are checked (GUMP303 reports the misuse).
        const child: Scope = { kind: 'each', owner: info, parent: scope, steps: [] };
        info.child = child;
        fill(child, ast.each.value, `${info.path}/*/`, true, inBranch);
      }
    });
  };
  fill(root, ast.steps, '', false, false);

  const validatorShaped = root.steps.some((s) => s.kind === 'validate');
  return { ast, root, steps, byAst, validatorShaped, inputs: [], agentInputs: [], callees: new Map(), diagnostics: [] };
}
