// Check phase model: the AST classified (language.md §3) and arranged in scopes (§14.4), then what
// the check driver's passes compute once: callees, bound templates, prompt texts, inputs. Rules and
// lowering read it; nothing writes it after the passes.

import type { StepAst, WorkflowAst } from '../1-parse/ast.js';
import type { BoundSite } from './template-sites.js';

export type StepKind = 'code' | 'split' | 'validate' | 'artifact' | 'pass' | 'gate-only' | 'group' | 'call' | 'untyped';

export type ScopeKind = 'root' | 'each' | 'group';

export interface Scope {
  kind: ScopeKind;
  /** The split (each) or group (steps) that owns this scope; undefined for the root. */
  owner?: StepInfo;
  parent?: Scope;
  steps: StepInfo[];
}

export interface StepInfo {
  ast: StepAst;
  kind: StepKind;
  /** Name when valid; steps without a valid name are still classified and checked. */
  name?: string;
  scope: Scope;
  /** Position in its scope. */
  index: number;
  /** Static path from the workflow root; a task segment is written as a star: `decompose/<*>/impl`. */
  path: string;
  /** Inside an `each:` scope (a split's task), at any depth: the one definition, see build-model.ts. */
  inTask: boolean;
  /** Child scope for a split (`each:`) or a group (`steps:`). */
  child?: Scope;
}

/** A workflow or validator reached from this one, already checked (or why it could not be). */
export interface ResolvedCallee {
  ref: string;
  as: 'workflow' | 'validator';
  /** Display path of the callee (`.gump/workflows/x.yaml`, `builtin:tdd.yaml`). */
  file: string;
  checked?: CheckedWorkflow;
  /** Set when the reference does not resolve; then `checked` is undefined. */
  missing?: boolean;
  /** Set when the callee reaches the caller again (GUMP121). */
  cycle?: string[];
}

/** The structure of one workflow (build-model.ts): what every pass starts from. */
export interface WorkflowModel {
  ast: WorkflowAst;
  root: Scope;
  /** Every step, preorder (parents before children, scope order). */
  steps: StepInfo[];
  byAst: Map<StepAst, StepInfo>;
  /** A top-level `type: validate` step exists (§7.2): `diff` is then an input. */
  validatorShaped: boolean;
}

/** The model after the check driver's passes (program.ts), each computed once. */
export interface CheckedWorkflow extends WorkflowModel {
  /** Callees by reference as written and kind (resolve-callees.ts). */
  callees: ReadonlyMap<string, ResolvedCallee>;
  /** Every template field of each step with what each placeholder denotes (bind-templates.ts). */
  templates: ReadonlyMap<StepInfo, readonly BoundSite[]>;
  /** `prompt: {file}` texts by path as written; undefined when unreadable (bind-templates.ts). */
  prompts: ReadonlyMap<string, string | undefined>;
  /** Workflow inputs (§14.6), sorted (collect-inputs.ts). */
  inputs: readonly string[];
  /** Inputs that the workflow renders into an `agent` field (§7.1, GUMP129). */
  agentInputs: readonly string[];
}

export function calleeKey(ref: string, as: 'workflow' | 'validator'): string {
  return `${as}:${ref}`;
}
