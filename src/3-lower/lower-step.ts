// Lower phase: one checked step → a Plan step with every default applied (language.md §3, §4.2,
// §9, §11–§13): effective worktree and no_write, HITL point, gates, retry, session source.

import type { GateAst, InputAst, RetryAst } from '../1-parse/ast.js';
import { validatorGateName } from '../1-parse/build-gate.js';
import type { StepInfo } from '../2-check/model.js';
import { lookupName, pseudoStepName } from '../2-check/scope-lookup.js';
import type { BoundSite, TemplateSite } from '../2-check/template-sites.js';
import type { AgentStep, Binding, Gate, PlanStep, Retry, RetryEntry, SourceRef } from '../../protocol/plan.js';
import { literalTemplate, stateKey, type TemplateLowerer } from './lower-template.js';

export interface StepLowering {
  lowerTemplate: TemplateLowerer;
  sitesOf(step: StepInfo): readonly BoundSite[];
  /** Workflow id of a reference as written (`validators/arch-review` → `builtin:validators/arch-review.yaml`). */
  calleeId(ref: string, as?: 'workflow' | 'validator'): string;
  file: string;
}

export function lowerSteps(steps: StepInfo[], lw: StepLowering): PlanStep[] {
  return steps.map((s) => lowerStep(s, lw));
}

function lowerStep(step: StepInfo, lw: StepLowering): PlanStep {
  const ast = step.ast;
  const base = { name: step.name ?? '', path: step.path, src: srcOf(step, lw.file) };
  const sites = lw.sitesOf(step);
  const bindings = (inputs: InputAst[], kind: TemplateSite['kind']): Binding[] =>
    inputs.flatMap((input) => {
      const site = sites.find((s) => s.kind === kind && s.input === input);
      return site ? [{ name: input.name, value: lw.lowerTemplate(site) }] : [];
    });
  switch (step.kind) {
    case 'gate-only':
      return { kind: 'gates', ...base, gates: lowerGates(ast.gate?.value ?? [], lw, bindings) };
    case 'group': {
      const exit = ast.retry?.value.find((r) => r.condition?.kind === 'exit')?.condition;
      return {
        kind: 'group',
        ...base,
        steps: lowerSteps(step.child?.steps ?? [], lw),
        passes: exit?.kind === 'exit' ? exit.value : 1,
      };
    }
    case 'call':
      return {
        kind: 'call',
        ...base,
        workflow: lw.calleeId(ast.workflow?.value.ref ?? ''),
        inputs: bindings(ast.with?.value ?? [], 'with'),
      };
    default:
      return lowerAgentStep(step, base, sites, lw, bindings);
  }
}

function lowerAgentStep(
  step: StepInfo,
  base: { name: string; path: string; src: SourceRef },
  sites: readonly BoundSite[],
  lw: StepLowering,
  bindings: (inputs: InputAst[], kind: TemplateSite['kind']) => Binding[],
): AgentStep {
  const ast = step.ast;
  const type = ast.type?.value ?? 'code';
  const site = (kind: TemplateSite['kind'], retry?: RetryAst): BoundSite | undefined =>
    sites.find((s) => s.kind === kind && (retry === undefined || s.retry === retry));
  const agent = ast.agent?.value;
  const promptSite = site('prompt');
  const worktree = ast.worktree?.value ?? (type === 'code' ? 'read-write' : 'read-only');
  const guard = ast.guard?.value;
  const hitl = ast.hitl?.value;
  const session = ast.session?.value;
  const from = session?.kind === 'from' ? lookupName(step, session.step) : undefined;
  const lowered: AgentStep = {
    kind: 'agent',
    ...base,
    type,
    pass: step.kind === 'pass',
    agent: agent?.kind === 'template' ? lw.lowerTemplate(site('agent')!) : literalTemplate(agent?.name ?? ''),
    prompt: promptSite ? lw.lowerTemplate(promptSite) : literalTemplate(''),
    context: (ast.context?.value ?? []).map((e) =>
      e.kind === 'bash'
        ? { kind: 'bash' as const, command: e.command }
        : { kind: 'file' as const, path: lw.lowerTemplate(sites.find((s) => s.template === e.path)!) },
    ),
    worktree,
    noWrite: guard?.noWrite?.value ?? worktree !== 'read-write',
    session: from ? { kind: 'from', step: stateKey(from.target, ['session_id']) } : { kind: 'new' },
    guard: {
      ...(guard?.maxTurns ? { maxTurns: guard.maxTurns.value } : {}),
      ...(guard?.maxTokens ? { maxTokens: guard.maxTokens.value } : {}),
      ...(guard?.maxTime ? { maxTimeMs: guard.maxTime.value } : {}),
      ...(guard?.maxBudget ? { maxBudget: guard.maxBudget.value } : {}),
    },
    hitl: hitl === true || hitl === 'before_gate' ? 'before_gate' : hitl === 'after_gate' ? 'after_gate' : 'none',
    gates: lowerGates(ast.gate?.value ?? [], lw, bindings),
    retry: lowerRetry(ast.retry?.value ?? [], lw, site, bindings),
  };
  const getRef = ast.getWorkflow?.value.ref;
  if (getRef)
    lowered.get = {
      workflow: lw.calleeId(getRef),
      as: pseudoStepName(getRef),
      inputs: bindings(ast.getInputs, 'get-input'),
    };
  if (type === 'split') {
    lowered.each = lowerSteps(step.child?.steps ?? [], lw);
    lowered.parallel = ast.parallel?.value === true;
  }
  return lowered;
}

function lowerGates(
  gates: GateAst[],
  lw: StepLowering,
  bindings: (inputs: InputAst[], kind: TemplateSite['kind']) => Binding[],
): Gate[] {
  return gates.map((g): Gate => {
    switch (g.type) {
      case 'coverage':
        return { name: g.name, type: 'coverage', threshold: Number(g.arg) };
      case 'schema':
        return g.arg === 'plan' || g.arg === 'review'
          ? { name: g.name, type: 'schema', arg: g.arg }
          : { name: g.name, type: 'schema' };
      case 'touched':
      case 'untouched':
        return { name: g.name, type: g.type, glob: g.arg ?? '' };
      case 'bash':
        return { name: g.name, type: 'bash', command: g.arg ?? '' };
      case 'validate':
        return {
          name: g.name,
          type: 'validate',
          workflow: lw.calleeId(g.arg ?? '', 'validator'),
          inputs: bindings(g.inputs, 'gate-input'),
        };
      default:
        return { name: g.name, type: g.type };
    }
  });
}

function lowerRetry(
  entries: RetryAst[],
  lw: StepLowering,
  site: (kind: TemplateSite['kind'], retry?: RetryAst) => BoundSite | undefined,
  bindings: (inputs: InputAst[], kind: TemplateSite['kind']) => Binding[],
): Retry {
  let exit = 1;
  const out: RetryEntry[] = [];
  for (const r of entries) {
    const c = r.condition;
    if (!c) continue;
    if (c.kind === 'exit') {
      exit = c.value;
      continue;
    }
    const when: RetryEntry['when'] =
      c.kind === 'attempt'
        ? { kind: 'attempt', n: c.value }
        : c.kind === 'not'
          ? { kind: 'not', gate: c.gate }
          : {
              kind: 'validate',
              workflow: lw.calleeId(c.ref.ref, 'validator'),
              name: validatorGateName(c.ref.ref),
              inputs: bindings(r.with?.value ?? [], 'retry-with'),
            };
    const entry: RetryEntry = { when };
    const agent = r.agent?.value;
    if (agent)
      entry.agent = agent.kind === 'template' ? lw.lowerTemplate(site('retry-agent', r)!) : literalTemplate(agent.name);
    if (r.session) entry.session = 'new';
    if (r.worktree) entry.worktree = r.worktree.value;
    if (r.prompt) entry.prompt = lw.lowerTemplate(site('retry-prompt', r)!);
    out.push(entry);
  }
  return { exit, entries: out };
}

function srcOf(step: StepInfo, file: string): SourceRef {
  return { file, line: step.ast.span.line, col: step.ast.span.col };
}
