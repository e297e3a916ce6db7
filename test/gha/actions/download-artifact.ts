// actions/download-artifact (v4) emulation, after `src/download-artifact.ts`: `name` (fails when
// absent) downloads into `path` itself; `pattern` (minimatch; no match is not an error) or no
// filter downloads each artifact into `<path>/<name>/` unless merge-multiple. Without
// `github-token` only the current run attempt's artifacts are visible; with it, `run-id`'s run
// (default this run), newest upload per name across its attempts.

import { cpSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Minimatch } from 'minimatch';
import { booleanInput, input, type ActionCall } from '../emulated-actions.js';
import type { ArtifactMeta } from '../run-state.js';

export async function downloadArtifact(call: ActionCall): Promise<Record<string, string>> {
  const { job } = call;
  const name = input(call, 'name');
  const pattern = input(call, 'pattern');
  const token = input(call, 'github-token');
  const mergeMultiple = booleanInput(call, 'merge-multiple', false);
  let path = input(call, 'path', job.workspace);
  if (path.startsWith('~')) path = path.replace('~', job.home || homedir());
  const resolvedPath = resolve(job.workspace, path);

  let visible: ArtifactMeta[];
  if (token !== '') {
    const runId = input(call, 'run-id', String(job.run.runId));
    if (!/^\d+$/.test(runId)) throw new Error(`Unable to download artifact(s): invalid run-id '${runId}'`);
    visible = newestPerName(job.run.state.listArtifacts(Number(runId)));
  } else {
    visible = job.run.state.listArtifacts(job.run.runId, job.run.attempt);
  }

  let artifacts: ArtifactMeta[];
  if (name !== '') {
    const found = visible.find((a) => a.name === name);
    if (found === undefined)
      throw new Error(`Unable to download artifact(s): Artifact not found for name: ${name}
        Please ensure that your artifact is not expired and the artifact was uploaded using a compatible version of toolkit/upload-artifact.
        For more information, visit the GitHub Artifacts FAQ: https://github.com/actions/toolkit/blob/main/packages/artifact/docs/faq.md`);
    artifacts = [found];
  } else if (pattern !== '') {
    const matcher = new Minimatch(pattern);
    artifacts = visible.filter((a) => matcher.match(a.name));
  } else {
    artifacts = visible;
  }
  for (const artifact of artifacts) {
    const target = name !== '' || mergeMultiple ? resolvedPath : join(resolvedPath, artifact.name);
    mkdirSync(target, { recursive: true });
    cpSync(job.run.state.artifactFiles(artifact), target, { recursive: true });
    job.log.info(
      `Downloaded artifact '${artifact.name}' (run ${artifact.runId}, attempt ${artifact.attempt}) to ${target}`,
    );
  }
  job.log.info(`Total of ${artifacts.length} artifact(s) downloaded`);
  return { 'download-path': resolvedPath };
}

function newestPerName(all: ArtifactMeta[]): ArtifactMeta[] {
  const byName = new Map<string, ArtifactMeta>();
  for (const a of all) if ((byName.get(a.name)?.id ?? -1) < a.id) byName.set(a.name, a);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
