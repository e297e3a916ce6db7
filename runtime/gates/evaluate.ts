// Gate evaluation (language.md §8.2, §8.3): every entry of a step's gate list, in order, without
// short-circuit → one GateResult each (pass, fail with its error context, or skipped). The
// executor turns them into state keys (state-keys.ts) and the attempt's `{error}`.

import type { Gate } from '../../protocol/plan.js';
import type { RuntimeConfig } from '../config.js';
import { isOwnedPath } from '../git/owned-paths.js';
import { compileGateGlob } from '../glob.js';
import { evaluateBashGate, evaluateCommandGate } from './command-gates.js';
import { gateFailureMessage } from './error-context.js';
import { checkPlanSchema, validateOutput } from './output-contract.js';

export { validateOutput } from './output-contract.js';
export type { OutputCheck, OutputType, PlanTask, Verdict } from './output-contract.js';
export { gateStateKeys, checkResultOf } from './state-keys.js';

export type GateStepType = 'code' | 'split' | 'validate' | 'artifact' | 'gate-only';

export type ValidatorGate = Extract<Gate, { type: 'validate' }>;

export interface GateContext {
  /** Worktree root: working directory of shell gates and of command resolution. */
  worktree: string;
  stepType: GateStepType;
  /** Folder holding plan.json / validate.json / artifact.txt (`<agent dir>/.gump/out`). */
  outDir: string;
  /** Repository-relative files changed by this attempt (gate-only: since the run/branch base). */
  changedFiles: string[];
  /** Complete environment of shell gates: GUMP_RUN_ID, GUMP_STEP_PATH, GUMP_ATTEMPT, GUMP_TASK_NAME, PATH… */
  env: Record<string, string>;
  config: RuntimeConfig;
  /** Runs a validator gate's workflow (§7.2); throws only on infrastructure errors (run fatal). */
  runValidator: (gate: ValidatorGate) => Promise<{ pass: boolean; comments: string; error?: string }>;
  log?: (warning: string) => void;
  /** Called as each gate starts (no result) and ends: the live progress. */
  onGate?: (name: string, result?: GateResult) => void;
  /** Delay between SIGTERM and SIGKILL when a shell gate times out (default 5 s; tests shorten it). */
  graceMs?: number;
}

export interface GateResult {
  name: string;
  type: string;
  status: 'pass' | 'fail' | 'skipped';
  /** Error context (§8.3), on failure. */
  error?: string;
  /** Validator comments; the verdict comments for `schema` on a validate step. */
  comments?: string;
  /** Why the entry was skipped. */
  warning?: string;
  durationMs: number;
}

export type GateOutcome = Omit<GateResult, 'name' | 'type' | 'durationMs'>;

export async function evaluateGates(gates: readonly Gate[], ctx: GateContext): Promise<GateResult[]> {
  const results: GateResult[] = [];
  for (const gate of gates) {
    ctx.onGate?.(gate.name);
    const started = performance.now();
    const outcome = await evaluateGate(gate, ctx);
    const result: GateResult = {
      name: gate.name,
      type: gate.type,
      ...outcome,
      durationMs: Math.round(performance.now() - started),
    };
    results.push(result);
    ctx.onGate?.(gate.name, result);
    if (outcome.warning !== undefined) ctx.log?.(outcome.warning);
  }
  return results;
}

function evaluateGate(gate: Gate, ctx: GateContext): Promise<GateOutcome> | GateOutcome {
  switch (gate.type) {
    case 'compile':
    case 'test':
    case 'lint':
    case 'tests_found':
    case 'coverage':
      return evaluateCommandGate(gate, ctx);
    case 'bash':
      return evaluateBashGate(gate, ctx);
    case 'schema':
      return schemaGate(gate, ctx);
    case 'touched':
    case 'untouched':
      return touchedGate(gate, ctx);
    case 'validate':
      return validatorGate(gate, ctx);
  }
}

/** `schema` (§8.2): bare = the step's own contract; `plan` and `review` add their checks. */
function schemaGate(gate: Extract<Gate, { type: 'schema' }>, ctx: GateContext): GateOutcome {
  const fail = (message: string, comments?: string): GateOutcome => ({
    status: 'fail',
    error: gateFailureMessage(gate.name, message, ctx.config),
    ...(comments === undefined ? {} : { comments }),
  });
  const onValidateStep = ctx.stepType === 'validate' ? { comments: '' } : {};
  const kind = gate.arg === 'plan' ? 'split' : gate.arg === 'review' ? 'validate' : ctx.stepType;
  if (kind === 'split') {
    const plan = validateOutput('split', ctx.outDir);
    const checked = plan.ok && gate.arg === 'plan' ? checkPlanSchema(plan.text) : plan;
    return checked.ok ? { status: 'pass', ...onValidateStep } : fail(checked.message, onValidateStep.comments);
  }
  if (kind === 'validate') {
    const verdict = validateOutput('validate', ctx.outDir);
    if (!verdict.ok) return fail(verdict.message, onValidateStep.comments);
    const comments = ctx.stepType === 'validate' ? { comments: verdict.value.comments } : {};
    return { status: 'pass', ...comments };
  }
  return fail(`a ${ctx.stepType} step has no output contract to check (use "schema" on a split or validate step)`);
}

/** `touched` / `untouched` (§8.2): changed files (runtime-owned paths excluded) against a gate glob. */
function touchedGate(gate: Extract<Gate, { type: 'touched' | 'untouched' }>, ctx: GateContext): GateOutcome {
  const files = ctx.changedFiles.filter((f) => !isOwnedPath(f));
  const matches = files.filter(compileGateGlob(gate.glob));
  const fail = (message: string): GateOutcome => ({
    status: 'fail',
    error: gateFailureMessage(gate.name, message, ctx.config),
  });
  if (gate.type === 'touched') {
    if (files.length === 0) return fail(`no file was changed; expected a change matching "${gate.glob}"`);
    if (matches.length === 0) return fail(`no changed file matches "${gate.glob}" (changed: ${listFiles(files)})`);
    return { status: 'pass' };
  }
  return matches.length === 0
    ? { status: 'pass' }
    : fail(`changed files match "${gate.glob}", which must stay untouched: ${listFiles(matches)}`);
}

/** `validate: validators/x` (§7.2): the executor runs the validator; its verdict decides. */
async function validatorGate(gate: ValidatorGate, ctx: GateContext): Promise<GateOutcome> {
  const verdict = await ctx.runValidator(gate);
  if (verdict.pass) return { status: 'pass', comments: verdict.comments };
  const reason = verdict.comments.trim() !== '' ? verdict.comments : (verdict.error ?? 'the validator gave no verdict');
  return { status: 'fail', comments: verdict.comments, error: gateFailureMessage(gate.name, reason, ctx.config) };
}

function listFiles(files: readonly string[]): string {
  const shown = files.slice(0, 20).join(', ');
  return files.length > 20 ? `${shown}, … (${files.length} files)` : shown;
}
