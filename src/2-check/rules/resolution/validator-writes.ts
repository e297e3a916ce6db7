// Rule (language.md §7.2, §13, GUMP329): a workflow referenced through `validators/` contains no
// step that may write (effective `no_write: false`), including through its calls and GET
// workflows. Never checked for a workflow on its own.

import type { Span } from '../../../1-parse/located.js';
import type { CheckedWorkflow, StepInfo } from '../../model.js';
import { calleeFor, refKind } from '../../resolve-ref.js';
import type { Rule } from '../../rule.js';
import { collectReferences } from '../../references.js';

export const validatorWrites: Rule = {
  name: 'validator-writes',
  check(ctx) {
    for (const ref of collectReferences(ctx.wf)) {
      const callee = calleeFor(ctx.wf, ref.ref, refKind(ref.ref, ref.use));
      if (callee?.as !== 'validator' || !callee.checked) continue;
      const writer = writingStep(callee.checked, callee.file);
      if (!writer) continue;
      const where = `${writer.file}:${writer.span.line}:${writer.span.col}`;
      ctx.out.report('GUMP329', ref.span, { ref: ref.ref, name: writer.path, where });
    }
  },
};

interface Writer {
  file: string;
  path: string;
  span: Span;
}

/** The first step that may write, in this workflow or a workflow it calls or GETs. */
export function writingStep(wf: CheckedWorkflow, file: string, seen = new Set<CheckedWorkflow>()): Writer | undefined {
  if (seen.has(wf)) return undefined;
  seen.add(wf);
  for (const step of wf.steps) {
    if (mayWrite(step)) return { file, path: step.path, span: step.ast.span };
  }
  for (const callee of wf.callees.values()) {
    if (callee.as !== 'workflow' || !callee.checked) continue;
    const inner = writingStep(callee.checked, callee.file, seen);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Effective `no_write` (§11, §13) is false: the explicit guard value, else the worktree (explicit
 * or the type's default, §3) is `read-write`. Pass steps run no agent and gate-only steps none
 * either; calls and groups are judged by their contents.
 */
export function mayWrite(step: StepInfo): boolean {
  if (!['code', 'split', 'validate', 'artifact'].includes(step.kind)) return false;
  const explicit = step.ast.guard?.value.noWrite?.value;
  if (explicit !== undefined) return !explicit;
  const worktree = step.ast.worktree?.value ?? (step.kind === 'code' ? 'read-write' : 'read-only');
  return worktree === 'read-write';
}
