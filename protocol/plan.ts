// Shared protocol: the Plan IR (compiler lowering → runtime). Target-neutral and fully explicit:
// defaults applied, callees embedded, template references already bound to state keys.
// Versioned; the runtime refuses any other version. Imports nothing.

export const PLAN_VERSION = 1;

export interface Plan {
  version: typeof PLAN_VERSION;
  /** gump version that wrote the plan. */
  compiler: string;
  /** Repository-relative path of the root workflow source and the SHA-256 of its text. */
  source: { path: string; sha256: string };
  /** Id of the root workflow in `workflows`. */
  root: string;
  /** The root workflow and every callee it reaches (calls, GET workflows, validators), by id. */
  workflows: Record<string, PlanWorkflow>;
}

export interface PlanWorkflow {
  /** Stable id: the source display path (`.gump/workflows/x.yaml`, `builtin:validators/arch-review.yaml`). */
  id: string;
  name: string;
  limits: Limits;
  /** Inputs (§14.6), sorted; `spec` included for the root. */
  inputs: string[];
  /** Has a top-level `type: validate` step (§7.2): `{diff}` is an input. */
  validatorShaped: boolean;
  steps: PlanStep[];
}

export interface Limits {
  maxBudget?: number;
  maxTokens?: number;
  maxTimeoutMs?: number;
}

/** Where a plan node came from, for messages and reports. */
export interface SourceRef {
  file: string;
  line: number;
  col: number;
}

export type PlanStep = AgentStep | GateOnlyStep | GroupStep | CallStep;

interface StepBase {
  name: string;
  /** Static path from its workflow root; a task segment is `*` (`decompose/*` + `/impl`). */
  path: string;
  src: SourceRef;
}

/** An atomic step (code, split planner, validate, artifact) or a pass step (`agent: pass`). */
export interface AgentStep extends StepBase {
  kind: 'agent';
  type: 'code' | 'split' | 'validate' | 'artifact';
  /** `agent: pass`: the RUN phase is skipped, only gates run (§3). */
  pass: boolean;
  /** Literal agents are one-text-part templates; rendered then validated at run time (§18). */
  agent: Template;
  prompt: Template;
  context: ContextEntry[];
  worktree: 'read-write' | 'read-only' | 'none';
  /** Effective no_write (§11, §13). */
  noWrite: boolean;
  session: { kind: 'new' } | { kind: 'from'; step: StateRef };
  /** GET workflow (§7.3), run before every attempt. */
  get?: { workflow: string; as: string; inputs: Binding[] };
  guard: Guard;
  hitl: 'none' | 'before_gate' | 'after_gate';
  gates: Gate[];
  retry: Retry;
  /** Split only: the per-task steps and whether tasks run in parallel (§6). */
  each?: PlanStep[];
  parallel?: boolean;
}

export interface GateOnlyStep extends StepBase {
  kind: 'gates';
  gates: Gate[];
}

export interface GroupStep extends StepBase {
  kind: 'group';
  steps: PlanStep[];
  /** Group retry (§9.5): number of passes, 1 without retry. */
  passes: number;
}

export interface CallStep extends StepBase {
  kind: 'call';
  workflow: string;
  inputs: Binding[];
}

export interface Guard {
  maxTurns?: number;
  maxTokens?: number;
  maxTimeMs?: number;
  maxBudget?: number;
}

export type ContextEntry = { kind: 'file'; path: Template } | { kind: 'bash'; command: string };

/** An input bound for a callee: call `with:`, GET inputs, validator gate inputs, retry `with:`. */
export interface Binding {
  name: string;
  value: Template;
}

export type Gate =
  | { name: string; type: 'compile' | 'test' | 'lint' | 'tests_found' }
  | { name: string; type: 'coverage'; threshold: number }
  | { name: string; type: 'schema'; arg?: 'plan' | 'review' }
  | { name: string; type: 'touched' | 'untouched'; glob: string }
  | { name: string; type: 'bash'; command: string }
  | { name: string; type: 'validate'; workflow: string; inputs: Binding[] };

export interface Retry {
  /** Total number of attempts (§9.1 `exit`), 1 without retry. */
  exit: number;
  entries: RetryEntry[];
}

export interface RetryEntry {
  /** For `validate`, `name` is the derived validator name (§7.2): its run's state lives under `<step>/retry/<name>/`. */
  when:
    | { kind: 'attempt'; n: number }
    | { kind: 'not'; gate: string }
    | { kind: 'validate'; workflow: string; name: string; inputs: Binding[] };
  agent?: Template;
  session?: 'new';
  worktree?: 'reset' | 'keep';
  prompt?: Template;
}

/** A template pre-parsed by the compiler (§14.1): literal text and bound references. */
export interface Template {
  text: string;
  parts: TemplatePart[];
}

export type TemplatePart = string | TemplateRef;

export type TemplateRef =
  /** `{spec}`, `{attempt}`, `{error}`, `{diff}`, `{output}` (§14.2). */
  | { ref: string; kind: 'reserved'; name: 'spec' | 'attempt' | 'error' | 'diff' | 'output' }
  /** A workflow input (§14.6), including `diff` in a validator-shaped workflow. */
  | { ref: string; kind: 'input'; name: string }
  | { ref: string; kind: 'task'; field: 'name' | 'description' | 'files' }
  /** The step's own previous attempt: `{prev.f}`, `{gate.g…}` (= prev `gate.g…`). */
  | { ref: string; kind: 'prev'; field: string }
  /** Another step's state key (§15), path relative to the workflow root. */
  | { ref: string; kind: 'state'; key: StateRef };

/**
 * A state key relative to the current workflow frame: path segments (`*` = the task being run by
 * the enclosing split) and the field (`output`, `gate.review.comments`, …).
 */
export interface StateRef {
  path: string[];
  field: string;
}
