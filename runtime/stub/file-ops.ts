// The stub's real file effects (language.md §21): write, append, replace, delete in the agent's
// working directory, then the typed outputs in `.gump/out/`. Every path must stay inside its base
// directory, symlinks included; a failure is a result (exit status + one-line message), never a throw.
import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { relPathProblem } from './rel-path.js';
import type { StubResponse } from './types.js';

export type OpResult = { ok: true } | { ok: false; exitCode: number; message: string };

/** Exit status of a stub that refuses its script (bad path, unreadable script). */
export const EXIT_BAD_SCRIPT = 2;
/** Exit status of a `replace` whose `find` text is absent (language.md §21). */
export const EXIT_REPLACE_MISSING = 3;

class OpError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Absolute path of `rel` under `base`; throws OpError when it leaves `base` (lexically or by symlink). */
function inside(base: string, rel: string, key: string, followLast: boolean): string {
  const problem = relPathProblem(rel);
  if (problem) throw new OpError(EXIT_BAD_SCRIPT, `${key}: ${problem}`);
  const abs = resolve(base, rel);
  let probe = followLast ? abs : dirname(abs);
  while (!present(probe) && probe !== dirname(probe)) probe = dirname(probe);
  const real = realpathSync(probe); // a dangling symlink throws: reported as a failed operation
  const realBase = existsSync(base) ? realpathSync(base) : base;
  const r = relative(realBase, real);
  if (r.startsWith('..') || isAbsolute(r))
    throw new OpError(EXIT_BAD_SCRIPT, `${key}: path "${rel}" escapes the working directory through a symlink`);
  return abs;
}

/** Exists as a directory entry (a dangling symlink counts). */
function present(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function guarded(body: () => void): OpResult {
  try {
    body();
    return { ok: true };
  } catch (e) {
    if (e instanceof OpError) return { ok: false, exitCode: e.exitCode, message: e.message };
    const err = e as NodeJS.ErrnoException;
    return {
      ok: false,
      exitCode: EXIT_BAD_SCRIPT,
      message: `file operation failed: ${err.code ?? ''} ${err.message}`.trim(),
    };
  }
}

/** write, append (created if absent), replace (every occurrence), delete — in that order. */
export function applyFileOps(cwd: string, r: StubResponse): OpResult {
  return guarded(() => {
    for (const f of r.write) {
      const abs = inside(cwd, f.path, 'write', true);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.text);
    }
    for (const f of r.append) {
      const abs = inside(cwd, f.path, 'append', true);
      mkdirSync(dirname(abs), { recursive: true });
      appendFileSync(abs, f.text);
    }
    for (const e of r.replace) {
      const abs = inside(cwd, e.file, 'replace', true);
      if (!existsSync(abs)) throw new OpError(EXIT_REPLACE_MISSING, `replace: file "${e.file}" does not exist`);
      const text = readFileSync(abs, 'utf8');
      if (!text.includes(e.find))
        throw new OpError(EXIT_REPLACE_MISSING, `replace: ${JSON.stringify(e.find)} not found in "${e.file}"`);
      writeFileSync(abs, text.split(e.find).join(e.with));
    }
    for (const p of r.delete) rmSync(inside(cwd, p, 'delete', false), { recursive: true, force: true });
  });
}

/** plan.json, validate.json, artifact.txt, then the raw `out` files (which may overwrite them). */
export function writeOutFiles(outDir: string, r: StubResponse): OpResult {
  return guarded(() => {
    const files: Array<[string, string]> = [];
    if (r.plan !== undefined) files.push(['plan.json', `${JSON.stringify(r.plan, null, 2)}\n`]);
    if (r.validate !== undefined) files.push(['validate.json', `${JSON.stringify(r.validate, null, 2)}\n`]);
    if (r.artifact !== undefined) files.push(['artifact.txt', r.artifact]);
    for (const f of r.out) files.push([f.path, f.text]);
    if (files.length === 0) return;
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of files) {
      const abs = inside(outDir, name, 'out', true);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  });
}
