// actions/cache emulation: one directory per key in the executor state. Restore on an exact key
// (cache-hit 'true') or the newest `restore-keys` prefix match (cache-hit 'false'); save every
// `path` at the end of a successful job when the key was not hit, like the action's post step.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { input, multilineInput, type ActionCall } from '../emulated-actions.js';

export async function cache(call: ActionCall): Promise<Record<string, string>> {
  const { job } = call;
  const key = input(call, 'key');
  if (key === '') throw new Error('Input required and not supplied: key');
  const rawPaths = multilineInput(call, 'path');
  const where = (p: string) => resolve(job.workspace, p.replace(/^~/, job.home || homedir()));
  const paths = rawPaths.map(where);
  if (paths.length === 0) throw new Error('Input required and not supplied: path');
  const state = job.run.state;
  const restoreKeys = multilineInput(call, 'restore-keys');

  let matched: string | undefined = existsSync(state.cacheDir(key)) ? key : undefined;
  if (matched === undefined) {
    for (const prefix of restoreKeys) {
      const candidates = state.cacheKeys().filter((k) => k.startsWith(prefix));
      candidates.sort((a, b) => statSync(state.cacheDir(b)).mtimeMs - statSync(state.cacheDir(a)).mtimeMs);
      if (candidates[0] !== undefined) {
        matched = candidates[0];
        break;
      }
    }
  }
  if (matched !== undefined) {
    const dir = state.cacheDir(matched);
    // Paths are stored as written and resolved in the restoring job's workspace.
    const stored = JSON.parse(readFileSync(join(dir, 'paths.json'), 'utf8')) as string[];
    stored.forEach((p, i) => {
      if (existsSync(join(dir, String(i)))) cpSync(join(dir, String(i)), where(p), { recursive: true });
    });
    job.log.info(`Cache restored from key: ${matched}`);
  } else {
    job.log.info(`Cache not found for input keys: ${[key, ...restoreKeys].join(', ')}`);
  }
  const hit = matched === key;
  if (matched === undefined && input(call, 'fail-on-cache-miss') === 'true') {
    throw new Error(`Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: ${key}`);
  }
  if (!hit && input(call, 'lookup-only') !== 'true') {
    job.post.push(async () => {
      const dir = state.cacheDir(key);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      paths.forEach((p, i) => {
        if (existsSync(p)) cpSync(p, join(dir, String(i)), { recursive: true });
      });
      writeFileSync(join(dir, 'paths.json'), JSON.stringify(rawPaths));
      job.log.info(`Cache saved with key: ${key}`);
    });
  }
  return { 'cache-hit': String(hit), 'cache-primary-key': key, 'cache-matched-key': matched ?? '' };
}
