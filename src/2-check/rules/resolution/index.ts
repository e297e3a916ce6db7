// Resolution rules (language.md §7): callees are resolved and checked by the resolve pass
// (resolve-callees.ts) before any rule runs; these rules report on what it found.

import type { Rule } from '../../rule.js';
import { promptFile } from './prompt-file.js';
import { unboundAgentInput } from './unbound-agent-input.js';
import { unknownInput } from './unknown-input.js';
import { validatorShape } from './validator-shape.js';
import { validatorWrites } from './validator-writes.js';

/** Run first: the shapes and writes of callees, prompt files. */
export const resolutionRules: readonly Rule[] = [validatorShape, validatorWrites, promptFile];
/** Run after the template rules: input bindings against the callees' inputs. */
export const bindingRules: readonly Rule[] = [unknownInput, unboundAgentInput];
