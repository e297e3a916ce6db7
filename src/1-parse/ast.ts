// The gump AST (parse phase output): the workflow as written, typed and located. Values that
// failed their shape check are absent from their field but their key stays in `keys`, so the
// checker still classifies the step (language.md §3) without reporting the value twice.

import type { LMap, LNode, LScalar, Span } from './located.js';
import type { Placeholder } from './template.js';
import type { SourceText } from './source-map.js';

/** Where a key was written: on the step itself, or inside its `get:` / `run:` block. */
export type KeyPlace = 'step' | 'get' | 'run';

export interface KeyInfo {
  name: string;
  keySpan: Span;
  value: LNode;
  place: KeyPlace;
}

export interface Field<T> {
  value: T;
  key: KeyInfo;
}

/** A template string with its placeholders; `node` maps placeholders back to source. */
export interface TemplateAst {
  text: string;
  placeholders: Placeholder[];
  node: LScalar | LMap;
  span: Span;
}

export type PromptAst = { kind: 'inline'; template: TemplateAst } | { kind: 'file'; path: string; span: Span };

export type ContextEntryAst =
  | { kind: 'file'; path: TemplateAst; span: Span }
  | { kind: 'bash'; command: string; span: Span };

export type SessionAst = { kind: 'new' } | { kind: 'from'; step: string; span: Span };

export type AgentAst =
  | { kind: 'literal'; name: string; provider: string; span: Span }
  | { kind: 'template'; template: TemplateAst; span: Span };

export type Hitl = boolean | 'before_gate' | 'after_gate';
export type Worktree = 'read-write' | 'read-only' | 'none';
export type StepType = 'code' | 'split' | 'validate' | 'artifact';

/** A workflow or validator reference as written (`validators/arch-review`, `setup-env`). */
export interface WorkflowRefAst {
  ref: string;
  span: Span;
}

/** One input binding: a `with:` key, a `get:` workflow input, a validator gate input. */
export interface InputAst {
  name: string;
  keySpan: Span;
  /** The bound template; absent when the value had the wrong shape (GUMP223). */
  value?: TemplateAst;
}

export interface GuardAst {
  span: Span;
  maxTurns?: Field<number>;
  maxTokens?: Field<number>;
  /** `max_time` or its alias `timeout`, in milliseconds. */
  maxTime?: Field<number>;
  maxBudget?: Field<number>;
  noWrite?: Field<boolean>;
}

export const GATE_TYPES = [
  'compile',
  'test',
  'lint',
  'coverage',
  'tests_found',
  'schema',
  'touched',
  'untouched',
  'bash',
  'validate',
] as const;
export type GateType = (typeof GATE_TYPES)[number];

export interface GateAst {
  /** Position in the step's gate list (0-based), counting invalid entries too. */
  index: number;
  span: Span;
  node: LNode;
  type: GateType;
  /** Argument as written (trimmed); for `validate`, the reference. */
  arg?: string;
  argSpan?: Span;
  /** Validator inputs (sibling keys of `validate:`). */
  inputs: InputAst[];
  /** Derived gate name (§8.5): `compile`, `bash_1`, `review`. */
  name: string;
}

export type RetryCondition =
  | { kind: 'attempt'; value: number; span: Span }
  | { kind: 'not'; gate: string; span: Span }
  | { kind: 'validate'; ref: WorkflowRefAst; span: Span }
  | { kind: 'exit'; value: number; span: Span };

export interface RetryAst {
  index: number;
  span: Span;
  node: LMap;
  /** The single condition; absent when the entry had zero or several (GUMP219) or a bad value. */
  condition?: RetryCondition;
  /** Names of the condition keys present (`attempt`, `not`, `validate`, `exit`). */
  conditionKeys: KeyInfo[];
  agent?: Field<AgentAst>;
  session?: Field<'new'>;
  worktree?: Field<'reset' | 'keep'>;
  prompt?: Field<TemplateAst>;
  with?: Field<InputAst[]>;
  /** Every override key present (agent, session, worktree, prompt, with), valid or not. */
  overrideKeys: KeyInfo[];
}

export interface StepAst {
  node: LMap;
  /** The list entry: where step-level combination errors are reported. */
  span: Span;
  /** Every known step key present, blocks flattened (first occurrence wins). */
  keys: Map<string, KeyInfo>;
  getBlock?: KeyInfo;
  runBlock?: KeyInfo;
  name?: Field<string>;
  type?: Field<StepType>;
  prompt?: Field<PromptAst>;
  context?: Field<ContextEntryAst[]>;
  worktree?: Field<Worktree>;
  session?: Field<SessionAst>;
  /** `get.workflow`: a GET workflow (§7.3). */
  getWorkflow?: Field<WorkflowRefAst>;
  getInputs: InputAst[];
  agent?: Field<AgentAst>;
  guard?: Field<GuardAst>;
  hitl?: Field<Hitl>;
  gate?: Field<GateAst[]>;
  retry?: Field<RetryAst[]>;
  each?: Field<StepAst[]>;
  parallel?: Field<boolean>;
  steps?: Field<StepAst[]>;
  with?: Field<InputAst[]>;
  /** Step-level `workflow:`: the step is a call (§7.1). */
  workflow?: Field<WorkflowRefAst>;
  /** Deprecated keys (ignored, warned): output, on_failure, strategy, restart_from, replan, foreach, recipe. */
  deprecated: KeyInfo[];
}

export interface WorkflowAst {
  /** Path for diagnostics (`workflow.yaml`, `builtin:tdd.yaml`). */
  file: string;
  source: SourceText;
  root: LMap;
  name?: Field<string>;
  steps: StepAst[];
  stepsKey?: KeyInfo;
  maxBudget?: Field<number>;
  maxTokens?: Field<number>;
  /** Milliseconds. */
  maxTimeout?: Field<number>;
  deprecated: KeyInfo[];
}
