// Check phase: the contract every rule implements. A rule states one language rule (its header
// comment quotes it), reads the model, and reports into the collector; it never throws, never
// writes the model and never reaches the outside world (the passes of program.ts did that).

import type { Collector } from '../diagnostics/diagnostic.js';
import type { GumpConfig } from './check-config.js';
import type { SourceFile } from './host.js';
import type { CheckedWorkflow } from './model.js';

export interface CheckOptions {
  /** Compiling for a target: enables target-only diagnostics (GUMP404–407 limits of that target). */
  target?: 'github' | 'gitlab';
}

export interface RuleContext {
  wf: CheckedWorkflow;
  source: SourceFile;
  out: Collector;
  options: CheckOptions;
  /** The project's gump.toml, when there is one. */
  config: GumpConfig | undefined;
  /** Checked as the workflow named to the checker, not as another workflow's callee. */
  root: boolean;
}

export interface Rule {
  /** kebab-case, the file name. */
  name: string;
  check(ctx: RuleContext): void;
}
