// Executor: walks a workflow frame's steps in order (language.md §1) and dispatches each step by
// kind; hosts what attempts need from the outside (agents, gates, validators, GET workflows,
// approval points). Composite steps live in composite.ts, atomic steps in atomic.ts.

import type { AgentStep, Binding, Gate, PlanStep } from '../../protocol/plan.js';
import { applyAgentOverride } from '../agents/registry.js';
import { evaluateGates, type GateResult, type GateStepType } from '../gates/evaluate.js';
import { checkResultOf, gateStateKeys } from '../gates/state-keys.js';
import { render } from '../render.js';
import { callAgent, type AgentCall, type AgentCallResult } from './agent-call.js';
import { runAtomic } from './atomic.js';
import { runCall, runGateOnly, runGroup, runSplit, runCallee } from './composite.js';
import { fullPath, renderScope, type AttemptView, type Frame } from './frame.js';
import { childEnv } from '../agents/auth-env.js';
import { PASS, type Outcome, type Services } from './services.js';

export interface GateRun {
  path: string;
  stepType: GateStepType;
  outDir: string;
  changedFiles: string[];
  attempt: number;
  /** Gate context (§7.2): `{diff}` is this attempt's diff. */
  view: AttemptView;
}

export class Executor {
  constructor(readonly svc: Services) {}

  async runSteps(frame: Frame, steps: readonly PlanStep[]): Promise<Outcome> {
    for (const step of steps) {
      const outcome = await this.runStep(frame, step);
      if (outcome.status !== 'pass') return outcome;
    }
    return PASS;
  }

  runStep(frame: Frame, step: PlanStep): Promise<Outcome> {
    switch (step.kind) {
      case 'agent':
        return step.type === 'split' ? runSplit(this, frame, step) : runAtomic(this, frame, step);
      case 'gates':
        return runGateOnly(this, frame, step);
      case 'group':
        return runGroup(this, frame, step);
      case 'call':
        return runCall(this, frame, step);
    }
  }

  /** The agent that actually runs: GUMP_AGENT_OVERRIDE replaces every agent but `pass` (§18.1). */
  effectiveAgent(rendered: string): string {
    const name = rendered.trim();
    return name === 'pass' ? name : applyAgentOverride(name, this.svc.env);
  }

  invoke(call: AgentCall): Promise<AgentCallResult> {
    return callAgent(this.svc, call);
  }

  evaluate(frame: Frame, gates: Gate[], run: GateRun): Promise<GateResult[]> {
    // Agent API keys and CI tokens never reach gates (design.md, security posture).
    const env = childEnv(this.svc.env, {
      GUMP_RUN_ID: this.svc.state.runId,
      GUMP_STEP_PATH: run.path,
      GUMP_ATTEMPT: String(run.attempt),
      GUMP_TASK_NAME: frame.task?.name ?? '',
    });
    return evaluateGates(gates, {
      worktree: frame.cwd,
      stepType: run.stepType,
      outDir: run.outDir,
      changedFiles: run.changedFiles,
      env,
      config: this.svc.config,
      runValidator: (gate) =>
        this.runValidator(frame, `${run.path}/gate/${gate.name}`, gate.workflow, gate.inputs, run.view),
      onGate: (name, result) => this.svc.trace.gate?.(run.path, name, result ? { status: result.status } : undefined),
      log: (w) => {
        this.svc.trace.warn(`${run.path}: ${w}`);
        this.svc.ledger.emit('warning', { step: run.path, attempt: run.attempt, message: w });
      },
    });
  }

  /**
   * Record gate results wherever a step ran its gates: one `gate.finished` event each, the state keys
   * of §8.5 and `check_result` (the progress printed each gate as it ended). Returns the failed entries.
   */
  recordGates(path: string, attempt: number, results: GateResult[], stepType: GateStepType): GateResult[] {
    const svc = this.svc;
    for (const r of results)
      svc.ledger.emit('gate.finished', {
        step: path,
        attempt,
        gate: r.name,
        status: r.status,
        durationMs: r.durationMs,
      });
    Object.assign(svc.state.values, gateStateKeys(path, results, { stepType }));
    svc.state.values[`${path}.check_result`] = checkResultOf(results);
    svc.save();
    return results.filter((r) => r.status === 'fail');
  }

  /** Run a validator (gate or retry condition) and read its verdict (§7.2). */
  async runValidator(
    frame: Frame,
    prefix: string,
    workflow: string,
    inputs: Binding[],
    view: AttemptView,
  ): Promise<{ pass: boolean; comments: string; error?: string }> {
    const wf = this.svc.plan.workflows[workflow];
    if (!wf) return { pass: false, comments: '', error: `validator ${workflow} is missing from the plan` };
    const outcome = await runCallee(this, frame, prefix, wf, inputs, view, { validator: true });
    const verdictStep = [...wf.steps]
      .reverse()
      .find(
        (s): s is AgentStep =>
          s.kind === 'agent' &&
          s.type === 'validate' &&
          this.svc.state.values[`${prefix}/${s.path}.output`] !== undefined,
      );
    if (!verdictStep)
      return {
        pass: false,
        comments: '',
        error: outcome.status === 'fatal' ? outcome.message : 'the validator gave no verdict',
      };
    const v = this.svc.state.values;
    const pass = v[`${prefix}/${verdictStep.path}.output`] === 'true' && outcome.status === 'pass';
    return {
      pass,
      comments: v[`${prefix}/${verdictStep.path}.comments`] ?? '',
      ...(outcome.status === 'fatal' && !pass ? { error: outcome.message } : {}),
    };
  }

  /** GET workflow of a step (§7.3): runs before every attempt; its output becomes `<step>/get/<name>.output`. */
  async runGet(frame: Frame, step: AgentStep, path: string, view: AttemptView): Promise<Outcome> {
    const get = step.get!;
    const wf = this.svc.plan.workflows[get.workflow];
    if (!wf) return { status: 'fatal', message: `GET workflow ${get.workflow} is missing from the plan` };
    const prefix = `${path}/get/${get.as}`;
    const outcome = await runCallee(this, frame, prefix, wf, get.inputs, view);
    const last = wf.steps[wf.steps.length - 1];
    if (last) this.svc.state.values[`${prefix}.output`] = this.svc.state.values[`${prefix}/${last.path}.output`] ?? '';
    return outcome;
  }

  recordPlan(path: string, tasks: { name: string; description?: string; files?: string[] }[]): void {
    const rec = (this.svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
    rec.tasks = tasks.map((t) => ({ name: t.name, description: t.description ?? '', files: t.files ?? [] }));
  }

  async waitForApproval(path: string, point: 'before_gate' | 'after_gate', attempt: number): Promise<Outcome> {
    const svc = this.svc;
    svc.state.status = 'waiting';
    svc.state.waiting = { step: path, point, attempt, since: new Date(svc.now()).toISOString() };
    svc.ledger.emit('approval.waiting', { step: path, attempt, point });
    svc.trace.line(
      path,
      'waiting',
      `approval ${point.replace('_', ' ')} (gump approve ${svc.state.runId} / gump reject ${svc.state.runId})`,
    );
    svc.save();
    return { status: 'waiting', step: path };
  }

  /** Render a binding list in a given context (call `with:`, GET inputs, validator inputs). */
  renderBindings(frame: Frame, inputs: Binding[], view: AttemptView): Record<string, string> {
    const scope = renderScope(this.svc.state, frame, view);
    const out: Record<string, string> = {};
    for (const b of inputs) out[b.name] = render(b.value, scope);
    return out;
  }

  pathOf(frame: Frame, step: PlanStep): string {
    return fullPath(frame, step.path);
  }
}
