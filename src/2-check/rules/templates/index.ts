// Template and scoping rules (language.md §7.3, §10, §14): references, fields, sessions, inputs.
// Placeholders are bound once by the bind pass (bind-templates.ts); these rules only report.

import type { Rule } from '../../rule.js';
import { bareStepReference } from './bare-step-reference.js';
import { emptyInputValue } from './empty-input-value.js';
import { getWorkflowNameCollision } from './get-workflow-name-collision.js';
import { legacyStepsReference } from './legacy-steps-reference.js';
import { ownFieldReference } from './own-field-reference.js';
import { retryVariableWithoutRetry } from './retry-variable-without-retry.js';
import { sessionProviderMismatch } from './session-provider-mismatch.js';
import { sessionTarget } from './session-target.js';
import { stepFieldReference } from './step-field-reference.js';
import { stepReference } from './step-reference.js';
import { taskReference } from './task-reference.js';

export const templateRules: readonly Rule[] = [
  stepReference,
  stepFieldReference,
  ownFieldReference,
  bareStepReference,
  taskReference,
  legacyStepsReference,
  retryVariableWithoutRetry,
  sessionTarget,
  sessionProviderMismatch,
  getWorkflowNameCollision,
  emptyInputValue,
];
