// Check phase model: the AST classified (language.md §3) and arranged in scopes (§14.4). Built
// once by build-model.ts; rules read it and never mutate the AST.

import type { StepAst, WorkflowAst } from '../1-parse/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

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
  /** Inside a split's `each:` (at any depth). */
  inTask: boolean;
  /** Inside a parallel branch: a task of a parallel split or a child of a parallel group. */
  inParallelBranch: boolean;
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

export interface CheckedWorkflow {
  ast: WorkflowAst;
  root: Scope;
  /** Every step, preorder (parents before children, scope order). */
  steps: StepInfo[];
  byAst: Map<StepAst, StepInfo>;
  /** A top-level `type: validate` step exists (§7.2): `diff` is then an input. */
  validatorShaped: boolean;
  /** Workflow inputs (§14.6), sorted; filled by the inputs rule. */
  inputs: string[];
  /** Inputs that the workflow renders into an `agent` field (§7.1, GUMP129). */
  agentInputs: string[];
  /** Callees by reference as written and kind. */
  callees: Map<string, ResolvedCallee>;
  diagnostics: Diagnostic[];
}

export function calleeKey(ref: string, as: 'workflow' | 'validator'): string {
  return `${as}:${ref}`;
}
