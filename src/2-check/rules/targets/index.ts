// Target-limit rules (language.md §6.5, §19.5): nesting limits always, platform limits when
// compiling for a target.

import type { Rule } from '../../rule.js';
import { hitlInParallelBranch } from './hitl-in-parallel-branch.js';
import { jobIdCollision } from './job-id-collision.js';
import { jobTimeLimit } from './job-time-limit.js';
import { nestedParallel } from './nested-parallel.js';
import { nestedSplit } from './nested-split.js';
import { stepPathTooLong } from './step-path-too-long.js';
import { tooManyInputs } from './too-many-inputs.js';

export const targetRules: readonly Rule[] = [
  nestedSplit,
  nestedParallel,
  hitlInParallelBranch,
  // only with options.target
  jobIdCollision,
  tooManyInputs,
  stepPathTooLong,
  jobTimeLimit,
];
