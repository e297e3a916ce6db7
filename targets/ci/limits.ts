// CI targets, shared: the platform limits behind GUMP404–407 (language.md §19.5) and the job
// identifiers of a static step path and of the jobs the targets add. The check rules and the
// emitters both read them, so what is checked is exactly what is emitted.

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
  /** Largest fan-out of one matrix / `parallel:` job. */
  maxMatrix: number;
}

export const TARGET_LIMITS: Readonly<Record<Target, TargetLimits>> = {
  github: { title: 'GitHub', maxInputs: 25, maxJobName: 99, maxJobMs: 6 * 3_600_000, maxMatrix: 256 },
  gitlab: { title: 'GitLab', maxInputs: 500, maxJobName: 255, maxJobMs: 3 * 3_600_000, maxMatrix: 200 },
};

/**
 * Pipeline inputs the targets add to the workflow's own (§14.6, `spec` included): `stub` (stub
 * mode, §21), `resume` (the CI run to continue) and `decision` (for a run waiting at an approval).
 */
export const PIPELINE_INPUTS = ['stub', 'resume', 'decision'] as const;
export const EXTRA_PIPELINE_INPUTS = PIPELINE_INPUTS.length;

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

/** The shape of a top-level step that decides which jobs it becomes. */
export type StepShape = 'single' | 'sequential-split' | 'parallel-split' | 'parallel-group';

/** Jobs the targets always add, after the steps' own. */
export const RUN_JOBS = { publish: 'gump-publish', report: 'gump-report' } as const;

/**
 * Every job id a top-level step becomes, besides approval and share jobs (`<id>-approve-<n>`,
 * `<id>-share`): a sequential split's planner, task slots and closing job; a parallel split's
 * planner, matrix and merge; a group's children and its merge (the group's own id).
 */
export function stepJobIds(
  path: string,
  shape: StepShape,
  target: Target,
  o: { slots: number; children?: string[] },
): string[] {
  const id = jobId(path, target);
  const sep = target === 'github' ? '-' : ' ';
  switch (shape) {
    case 'single':
      return [id];
    case 'sequential-split':
      return [id, ...Array.from({ length: o.slots }, (_, i) => `${id}${sep}task${sep}${i + 1}`), `${id}${sep}end`];
    case 'parallel-split':
      return [id, `${id}${sep}tasks`, `${id}${sep}merge`];
    case 'parallel-group':
      return [...(o.children ?? []).map((c) => jobId(`${path}/${c}`, target)), id];
  }
}
