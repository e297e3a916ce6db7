// The run's output folder: jobs.json (job or leg → conclusion), artifacts/<name>/ (newest upload per
// name across the run's attempts, unpacked), pulls.json, requests.json, summary.md. Logs are
// written as jobs finish (logs/<job>.log). Deterministic JSON: keys in job order, 2-space indent.

import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGitHubApi } from './fake-github-api.js';
import type { JobRun } from './run-job.js';
import type { RunState } from './run-state.js';

export function jobConclusions(jobs: JobRun[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const job of jobs) {
    const matrixJob = job.legs.length > 1 || (job.legs.length === 1 && job.legs[0]!.key !== job.id);
    if (matrixJob) for (const leg of job.legs) out[leg.key] = leg.conclusion;
    else out[job.id] = job.legs[0]?.conclusion ?? job.result;
  }
  return out;
}

export function logFileName(key: string): string {
  return `${key.replace(/[/\\:*?"<>|]/g, '_')}.log`;
}

export function writeOutputs(
  out: string,
  runId: number,
  conclusions: Record<string, string>,
  jobs: JobRun[],
  state: RunState,
  api: FakeGitHubApi,
): void {
  writeFileSync(join(out, 'jobs.json'), `${JSON.stringify(conclusions, null, 2)}\n`);
  const artifactsDir = join(out, 'artifacts');
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const newest = new Map<string, ReturnType<RunState['listArtifacts']>[number]>();
  for (const a of state.listArtifacts(runId)) if ((newest.get(a.name)?.id ?? -1) < a.id) newest.set(a.name, a);
  for (const a of newest.values()) cpSync(state.artifactFiles(a), join(artifactsDir, a.name), { recursive: true });
  writeFileSync(join(out, 'pulls.json'), `${JSON.stringify(api.pulls(), null, 2)}\n`);
  writeFileSync(join(out, 'requests.json'), `${JSON.stringify(api.requests, null, 2)}\n`);
  const summary = jobs
    .flatMap((j) => j.legs)
    .filter((l) => l.summary !== '')
    .map((l) => `## ${l.key}\n\n${l.summary.trimEnd()}\n`);
  writeFileSync(join(out, 'summary.md'), summary.join('\n'));
}
