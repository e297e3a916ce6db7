// Check phase: the contract every rule implements. A rule states one language rule (its header
// comment quotes it), reads the model, and reports into the collector; it never throws.

import type { Collector } from '../diagnostics/diagnostic.js';
import type { ProjectHost, SourceFile } from './host.js';
import type { CheckedWorkflow } from './model.js';
import type { Program } from './program.js';

export interface CheckOptions {
  /** Compiling for a target: enables target-only diagnostics (GUMP404–407 limits of that target). */
  target?: 'github' | 'gitlab';
}

export interface RuleContext {
  wf: CheckedWorkflow;
  source: SourceFile;
  out: Collector;
  host: ProjectHost;
  program: Program;
  options: CheckOptions;
}

export interface Rule {
  /** kebab-case, the file name. */
  name: string;
  check(ctx: RuleContext): void;
}
