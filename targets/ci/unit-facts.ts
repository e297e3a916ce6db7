// CI targets, shared: static facts about the steps a job unit runs — which agent CLIs it may
// start (to install only those), whether it can stop at an approval point, and how long it may
// take (its job timeout, from guards, gates and the retry `exit` count; design.md).

import { CLI_PROVIDERS, knownProvider, type CliProvider } from '../../protocol/models.js';
import type { AgentStep, Binding, Plan, PlanStep, Template, TemplateRef } from '../../protocol/plan.js';
import type { CiOptions } from './options.js';

/** The agent CLIs the steps may start, callees included; a computed agent name may be any CLI. */
export function agentsOf(plan: Plan, steps: readonly PlanStep[]): CliProvider[] {
  const found = new Set<CliProvider>();
  const any = (): void => void CLI_PROVIDERS.forEach((p) => found.add(p));
  /** An agent template; `inputs`: the templates the caller bound to the frame's inputs. */
  const template = (t: Template | undefined, inputs: Bindings, depth: number): void => {
    if (!t) return;
    if (depth > 6) return any();
    const refs = t.parts.filter((p): p is TemplateRef => typeof p !== 'string');
    if (refs.length === 0) {
      const provider = knownProvider(t.text.trim());
      if (provider && (CLI_PROVIDERS as readonly string[]).includes(provider)) found.add(provider as CliProvider);
      return;
    }
    for (const r of refs) {
      // `{converge.agent}`: the agents the named step can run with; `{agent}`: what the caller bound.
      const step = r.kind === 'state' && r.key.field === 'agent' ? stepAt(plan, r.key.path.join('/')) : undefined;
      if (step) {
        if (!step.pass) template(step.agent, inputs, depth + 1);
        for (const e of step.retry.entries) template(e.agent, inputs, depth + 1);
      } else if (r.kind === 'input' && inputs.has(r.name)) template(inputs.get(r.name), new Map(), depth + 1);
      else return any();
    }
  };
  const workflow = (id: string, bindings: readonly Binding[], depth: number): void => {
    if (depth > 6) return;
    walk(plan.workflows[id]?.steps ?? [], new Map(bindings.map((b) => [b.name, b.value])), depth + 1);
  };
  const walk = (list: readonly PlanStep[], inputs: Bindings, depth: number): void => {
    for (const s of list) {
      if (s.kind === 'agent') {
        if (!s.pass) template(s.agent, inputs, depth);
        for (const e of s.retry.entries) {
          template(e.agent, inputs, depth);
          if (e.when.kind === 'validate') workflow(e.when.workflow, e.when.inputs, depth);
        }
        if (s.get) workflow(s.get.workflow, s.get.inputs, depth);
        walk(s.each ?? [], inputs, depth);
      }
      if (s.kind === 'agent' || s.kind === 'gates')
        for (const g of s.gates) if (g.type === 'validate') workflow(g.workflow, g.inputs, depth);
      if (s.kind === 'group') walk(s.steps, inputs, depth);
      if (s.kind === 'call') workflow(s.workflow, s.inputs, depth);
    }
  };
  walk(steps, new Map(), 0);
  return CLI_PROVIDERS.filter((p) => found.has(p));
}

type Bindings = ReadonlyMap<string, Template>;

/** The agent step at a static path (a task segment is `*`) in any workflow of the plan. */
function stepAt(plan: Plan, path: string): AgentStep | undefined {
  const find = (list: readonly PlanStep[]): AgentStep | undefined => {
    for (const s of list) {
      if (s.path === path && s.kind === 'agent') return s;
      const inner = s.kind === 'agent' ? find(s.each ?? []) : s.kind === 'group' ? find(s.steps) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  for (const wf of Object.values(plan.workflows)) {
    const found = find(wf.steps);
    if (found) return found;
  }
  return undefined;
}

/** Approval points (§12) the steps can reach, callees included: each attempt of a hitl step can pause once. */
export function approvalPoints(plan: Plan, steps: readonly PlanStep[]): number {
  let points = 0;
  const seen = new Set<string>();
  const walk = (list: readonly PlanStep[]): void => {
    for (const s of list) {
      if (s.kind === 'agent') {
        if (s.hitl !== 'none') points += s.retry.exit;
        walk(s.each ?? []);
      }
      if (s.kind === 'group') walk(s.steps);
      if (s.kind === 'call' && !seen.has(s.workflow)) {
        seen.add(s.workflow);
        walk(plan.workflows[s.workflow]?.steps ?? []);
      }
    }
  };
  walk(steps);
  return points;
}

/**
 * Minutes the steps may take: per attempt the guard's `max_time` (else the configured attempt
 * time) plus each gate's limit, times the retry `exit` count; composites add their parts.
 */
export function minutesOf(plan: Plan, steps: readonly PlanStep[], o: CiOptions, depth = 0): number {
  if (depth > 8) return 0;
  let total = 0;
  for (const s of steps) {
    if (s.kind === 'gates') total += s.gates.length * o.gateMinutes;
    else if (s.kind === 'group') total += minutesOf(plan, s.steps, o, depth + 1) * s.passes;
    else if (s.kind === 'call') total += minutesOf(plan, plan.workflows[s.workflow]?.steps ?? [], o, depth + 1);
    else total += attemptMinutes(plan, s, o, depth) * s.retry.exit;
  }
  return total;
}

function attemptMinutes(plan: Plan, s: AgentStep, o: CiOptions, depth: number): number {
  const agent = s.pass ? 0 : s.guard.maxTimeMs !== undefined ? Math.ceil(s.guard.maxTimeMs / 60_000) : o.attemptMinutes;
  const gates = s.gates.reduce(
    (n, g) =>
      n +
      (g.type === 'validate' ? minutesOf(plan, plan.workflows[g.workflow]?.steps ?? [], o, depth + 1) : o.gateMinutes),
    0,
  );
  const get = s.get ? minutesOf(plan, plan.workflows[s.get.workflow]?.steps ?? [], o, depth + 1) : 0;
  return agent + gates + get;
}
