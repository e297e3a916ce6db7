// Check phase, resolve pass (language.md §7.4, §7.1): every workflow and validator reference
// resolves (GUMP118/119/120), is checked with the full rule set (its errors → one GUMP127 with them
// nested) and reaches no cycle (GUMP121). Returns the callees for the model; the first pass to run.

import { closest } from '../../protocol/did-you-mean.js';
import type { Collector, Diagnostic } from '../diagnostics/diagnostic.js';
import { calleeKey, type ResolvedCallee, type WorkflowModel } from './model.js';
import type { Program } from './program.js';
import { collectReferences, type Reference } from './references.js';
import { fileLabel, normaliseRef, refKind } from './resolve-ref.js';

interface ResolveContext {
  program: Program;
  out: Collector;
  /** Filled in reference order; a later reference with the same key replaces an earlier one. */
  callees: Map<string, ResolvedCallee>;
}

export function resolveCallees(model: WorkflowModel, program: Program, out: Collector): Map<string, ResolvedCallee> {
  const ctx: ResolveContext = { program, out, callees: new Map() };
  for (const ref of collectReferences(model)) resolveOne(ref, ctx);
  return ctx.callees;
}

function resolveOne(ref: Reference, ctx: ResolveContext): void {
  const { out, callees } = ctx;
  const norm = normaliseRef(ref.ref, ref.use);
  const kind = refKind(ref.ref, ref.use);
  const key = calleeKey(ref.ref, norm.ok ? norm.as : kind);
  if (!norm.ok) {
    callees.set(key, { ref: ref.ref, as: kind, file: '', missing: true });
    if (norm.code === 'GUMP120') out.report('GUMP120', ref.span, { ref: ref.ref, reason: norm.reason });
    else {
      const bare = ref.ref.replace(/^workflows\//, '');
      out.report(
        'GUMP119',
        ref.span,
        { ref: ref.ref },
        {
          message: `validator reference "${ref.ref}" lacks the validators/ prefix`,
          hint: `write validators/${bare}`,
        },
      );
    }
    return;
  }
  const found = ctx.program.checkCallee(norm.name, norm.as);
  if (!found) {
    callees.set(key, { ref: ref.ref, as: norm.as, file: '', missing: true });
    const near = closest(norm.name, ctx.program.host.list?.(norm.as) ?? []);
    const hint =
      near === undefined ? {} : { hint: `did you mean "${norm.as === 'validator' ? 'validators/' : ''}${near}"?` };
    out.report(ref.use === 'validator' ? 'GUMP119' : 'GUMP118', ref.span, { ref: ref.ref }, hint);
    return;
  }
  const callee: ResolvedCallee = { ref: ref.ref, as: norm.as, file: found.source.file };
  if (found.cycle) {
    callee.cycle = found.cycle;
    callees.set(key, callee);
    reportCycle(ref, found.cycle, ctx);
    return;
  }
  const result = found.result!;
  if (result.workflow) callee.checked = result.workflow;
  callees.set(key, callee);
  const cycle = reachedCycle(callee);
  if (cycle) reportCycle(ref, cycle, ctx);
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && !cycleOnly(d));
  if (errors.length > 0) {
    const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
    out.report('GUMP127', ref.span, { what: norm.as, callee: ref.ref, file: callee.file, count }, { nested: errors });
  }
}

function reportCycle(ref: Reference, cycle: string[], ctx: ResolveContext): void {
  const labels = cycle.map(fileLabel);
  ctx.out.report('GUMP121', ref.span, { callee: labels[0]!, cycle: labels.join(' → ') });
}

/** A cycle the callee reaches through its own callees, if any (each callee file is visited once). */
function reachedCycle(callee: ResolvedCallee, seen = new Set<ResolvedCallee['checked']>()): string[] | undefined {
  if (callee.cycle) return callee.cycle;
  const checked = callee.checked;
  if (!checked || seen.has(checked)) return undefined;
  seen.add(checked);
  for (const next of checked.callees.values()) {
    const cycle = reachedCycle(next, seen);
    if (cycle) return cycle;
  }
  return undefined;
}

/** A callee error that only repeats a cycle, already reported here as GUMP121. */
function cycleOnly(d: Diagnostic): boolean {
  if (d.code === 'GUMP121') return true;
  return d.code === 'GUMP127' && (d.nested ?? []).every(cycleOnly);
}
