// actions/upload-artifact (v4) emulation: `path` lines (files, directories, globs, `!` excludes),
// the artifact root as the action computes it (least common ancestor of several search paths; the
// parent of a single literal file), hidden files skipped unless include-hidden-files, names unique
// per run attempt (409 unless overwrite), retention-days 1–90, if-no-files-found warn|error|ignore.

import { dirname, sep } from 'node:path';
import { booleanInput, input, multilineInput, type ActionCall } from '../emulated-actions.js';
import { findFiles } from '../find-files.js';

const INVALID_NAME = /[":<>|*?\r\n\\/]/;

export async function uploadArtifact(call: ActionCall): Promise<Record<string, string>> {
  const { job } = call;
  const name = input(call, 'name', 'artifact');
  if (INVALID_NAME.test(name))
    throw new Error(
      `The artifact name is not valid: ${name}. Contains the following character: ${INVALID_NAME.exec(name)![0]}`,
    );
  const lines = multilineInput(call, 'path');
  if (lines.length === 0) throw new Error('Input required and not supplied: path');
  const ifNoFiles = input(call, 'if-no-files-found', 'warn');
  if (!['warn', 'error', 'ignore'].includes(ifNoFiles))
    throw new Error(
      `Unrecognized if-no-files-found input. Provided: ${ifNoFiles}. Available options: warn, error, ignore`,
    );
  const retentionDays = Number(input(call, 'retention-days', '90'));
  if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 90)
    throw new Error(`Invalid retention-days: ${input(call, 'retention-days')}`);
  const overwrite = booleanInput(call, 'overwrite', false);
  const includeHidden = booleanInput(call, 'include-hidden-files', false);

  const found = findFiles(job.workspace, lines, { includeHidden });
  if (found.files.length === 0) {
    const message = `No files were found with the provided path: ${lines.join('\n')}. No artifacts will be uploaded.`;
    if (ifNoFiles === 'error') throw new Error(message);
    job.log.info(ifNoFiles === 'warn' ? `##[warning]${message}` : message);
    return {};
  }
  const state = job.run.state;
  const existing = state.listArtifacts(job.run.runId, job.run.attempt).find((a) => a.name === name);
  if (existing !== undefined && !overwrite) {
    throw new Error(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
    );
  }
  const meta = state.saveArtifact(
    { name, runId: job.run.runId, attempt: job.run.attempt, retentionDays: retentionDays === 0 ? 90 : retentionDays },
    artifactRoot(found.searchPaths, found.files),
    found.files,
  );
  job.log.info(
    `Uploaded artifact '${name}' (id ${meta.id}) with ${meta.files.length} file(s): ${meta.files.join(', ')}`,
  );
  return {
    'artifact-id': String(meta.id),
    'artifact-url': `https://github.com/${job.run.repository}/actions/runs/${job.run.runId}/artifacts/${meta.id}`,
  };
}

/** upload-artifact's `findFilesToUpload` root directory. */
function artifactRoot(searchPaths: string[], files: string[]): string {
  if (searchPaths.length > 1) {
    const split = searchPaths.map((p) => p.split(sep));
    const common: string[] = [];
    for (let i = 0; split.every((s) => i < s.length && s[i] === split[0]![i]); i++) common.push(split[0]![i]!);
    return common.join(sep) || sep;
  }
  if (files.length === 1 && searchPaths[0] === files[0]) return dirname(files[0]!);
  return searchPaths[0]!;
}
