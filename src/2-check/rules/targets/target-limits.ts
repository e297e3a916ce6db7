// Check phase, target rules: the platform limits and job ids live with the targets
// (targets/ci/limits.ts) so the emitters produce exactly what GUMP404–407 check; this file only
// formats durations for their messages.

export { EXTRA_PIPELINE_INPUTS, jobId, stepJobIds, RUN_JOBS, TARGET_LIMITS, type StepShape, type Target, type TargetLimits } from '../../../../targets/ci/limits.js';

/** `7h30m`, `45m`, `90s`: a duration for messages. */
export function formatDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
  return parts === '' ? `${ms}ms` : parts;
}
