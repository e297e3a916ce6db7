// Check phase, target rules: the platform limits behind GUMP404–407 (language.md §19.5) and the
// job identifier a static step path maps to. Emitters must name jobs with `jobId` so that the
// collisions and lengths checked here are the ones they produce.

export type Target = 'github' | 'gitlab';

export interface TargetLimits {
  /** Display name in messages. */
  title: string;
  /** Pipeline inputs: GitHub `workflow_dispatch` allows 25; GitLab `spec:inputs` 500. */
  maxInputs: number;
  /** Longest job id / job name: GitHub ids must be shorter than 100 characters; GitLab names ≤ 255. */
  maxJobName: number;
  /** Longest job: GitHub-hosted runners 6 h; GitLab.com hosted runners 3 h. */
  maxJobMs: number;
}

export const TARGET_LIMITS: Readonly<Record<Target, TargetLimits>> = {
  github: { title: 'GitHub', maxInputs: 25, maxJobName: 99, maxJobMs: 6 * 3_600_000 },
  gitlab: { title: 'GitLab', maxInputs: 500, maxJobName: 255, maxJobMs: 3 * 3_600_000 },
};

/**
 * Inputs the targets add to the workflow's own (§14.6, `spec` included): the boolean that starts
 * a run in stub mode (§21).
 */
export const EXTRA_PIPELINE_INPUTS = 1;

/**
 * Job identifier of a static step path. GitHub job ids match `[A-Za-z_][A-Za-z0-9_-]*` and are
 * compared case-insensitively (`needs.<id>`): lower-case, `/` becomes `-`, any other character
 * outside the id alphabet `_`. GitLab job names accept the path verbatim.
 */
export function jobId(path: string, target: Target): string {
  if (target === 'gitlab') return path;
  return path
    .toLowerCase()
    .replace(/\//g, '-')
    .replace(/[^a-z0-9_-]/g, '_');
}

/** `7h30m`, `45m`, `90s`: a duration for messages. */
export function formatDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
  return parts === '' ? `${ms}ms` : parts;
}
