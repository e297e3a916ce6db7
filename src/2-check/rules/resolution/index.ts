// Resolution rules (language.md §7): callees found and checked first; their bindings checked
// after the caller's inputs are known.

import type { Rule } from '../../rule.js';
import { promptFile } from './prompt-file.js';
import { resolveCallees } from './resolve-callees.js';
import { unboundAgentInput } from './unbound-agent-input.js';
import { unknownInput } from './unknown-input.js';
import { validatorShape } from './validator-shape.js';
import { validatorWrites } from './validator-writes.js';

/** Run before every other rule: resolve and check every referenced workflow and validator. */
export const resolutionRules: readonly Rule[] = [resolveCallees, validatorShape, validatorWrites, promptFile];
/** Run after the template rules: input bindings against the callees' inputs. */
export const bindingRules: readonly Rule[] = [unknownInput, unboundAgentInput];
