// Check phase: run every rule of rules/index.ts, in order, over a checked model. Rules only report;
// the model they read is complete (program.ts ran the passes) and is not theirs to change.

import type { RuleContext } from './rule.js';
import { rules } from './rules/index.js';

export function runRules(ctx: RuleContext): void {
  for (const rule of rules) rule.check(ctx);
}
