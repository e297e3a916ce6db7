// Stub mode of a local run (language.md §21): the stub script is read from the user's working
// tree (`GUMP_STUB_SCRIPT`, else `.gump/stub.yaml`), committed or not, as the workflow is, and
// validated before a run branch exists. The run keeps its own copy in `.gump/run/stub.yaml`
// (runtime-owned, never committed); execute.ts hands it to the runtime.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseStubScript, StubScriptError } from '../../runtime/stub/script.js';
import { runPaths } from '../../runtime/run/layout.js';
import { LocalRunError } from './runs.js';

/** Where a run's copy of its stub script lives. */
export function stagedStubPath(worktree: string): string {
  return join(runPaths(worktree).dir, 'stub.yaml');
}

/** The text of the working-tree stub script, validated; LocalRunError naming the user's file otherwise. */
export function readStubScript(
  repo: string,
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): string {
  const given = env.GUMP_STUB_SCRIPT;
  const file = given ? (isAbsolute(given) ? given : resolve(cwd, given)) : join(repo, '.gump', 'stub.yaml');
  const shown = relative(repo, file).startsWith('..') ? file : relative(repo, file).split(sep).join('/');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? (e as Error).message);
    throw new LocalRunError(
      `--stub needs a stub script: cannot read ${shown} (${why}); write one (format: language.md §21; examples: fixtures/stub/ of the gump repository) or set GUMP_STUB_SCRIPT`,
    );
  }
  try {
    parseStubScript(text, shown);
  } catch (e) {
    if (e instanceof StubScriptError) throw new LocalRunError(`invalid stub script: ${e.message}`);
    throw e;
  }
  return text;
}

/** Writes the run's copy of its stub script. */
export function stageStubScript(worktree: string, text: string): void {
  writeFileSync(stagedStubPath(worktree), text);
}

export function hasStagedStub(worktree: string): boolean {
  return existsSync(stagedStubPath(worktree));
}
