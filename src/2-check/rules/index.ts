// Check phase: the rule registry, in the order rules run. Resolution comes first so later rules
// can read callee inputs and shapes; bindings after the inputs are known; target limits last.

import type { Rule } from '../rule.js';
import { bindingRules, resolutionRules } from './resolution/index.js';
import { stepRules } from './steps/index.js';
import { targetRules } from './targets/index.js';
import { templateRules } from './templates/index.js';

export const rules: readonly Rule[] = [
  ...resolutionRules,
  ...stepRules,
  ...templateRules,
  ...bindingRules,
  ...targetRules,
];
