// Check phase, target rules: the platform limits and job ids live with the targets
// (targets/ci/limits.ts) so the emitters produce exactly what GUMP404–407 check.

export {
  EXTRA_PIPELINE_INPUTS,
  jobId,
  stepJobIds,
  RUN_JOBS,
  TARGET_LIMITS,
  type StepShape,
  type Target,
  type TargetLimits,
} from '../../../../targets/ci/limits.js';
