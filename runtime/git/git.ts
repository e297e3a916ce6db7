// The one place the runtime starts git: execFile (no shell), C locale, no prompts, no pager,
// inherited repository-selecting variables scrubbed so `cwd` alone picks the repository
// (protocol/git-env.ts, shared with the CLI).
// Failures become a one-line GitError (the command and git's stderr) unless allowFail is set.
import { execFile, type ExecFileException } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gitEnv } from '../../protocol/git-env.js';

export interface GitOptions {
  /** Written to git's stdin (stdin is closed otherwise). */
  input?: string | Buffer;
  /** Extra environment (wins over the inherited one). */
  env?: Record<string, string>;
  /** Return a non-zero exit as a result instead of throwing. */
  allowFail?: boolean;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

const MAX_BUFFER = 1024 * 1024 * 1024;

/**
 * `git commit` and `git fetch` otherwise start `git maintenance run --auto` (or `gc --auto`) after
 * their work: one more process per snapshot. The user's own git commands still run it.
 */
const NO_AUTO_MAINTENANCE = ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];

/** What every runtime git command line starts with (after `git`). */
const GIT_PREFIX: readonly string[] = ['--no-pager', ...NO_AUTO_MAINTENANCE];

export function git(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  const env = gitEnv(process.env, opts.env);
  const fullArgs = [...GIT_PREFIX, ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      fullArgs,
      { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err === null) return resolve({ stdout, stderr, code: 0 });
        const code = typeof err.code === 'number' ? err.code : -1;
        if (code === -1) return reject(new GitError(spawnMessage(cwd, args, err), args, code, stderr));
        if (opts.allowFail) return resolve({ stdout, stderr, code });
        reject(new GitError(failureMessage(args, code, stderr), args, code, stderr));
      },
    );
    child.stdin?.on('error', () => undefined); // git may exit before reading all input
    child.stdin?.end(opts.input);
  });
}

/**
 * Runs a POSIX shell script of git command lines (built with shellQuote) in `cwd`, with the same
 * environment as git(): one process start from Node for several git commands. Starting a process
 * from the runtime costs 3-5 ms of its main thread (fork of a large process); from `sh`, a fraction
 * of that (issue 10). Never throws for a non-zero exit: the caller reads `code`.
 */
export function gitScript(cwd: string, script: string): Promise<GitResult> {
  const env = gitEnv(process.env);
  return new Promise((resolve, reject) => {
    const child = execFile(
      'sh',
      ['-c', script],
      { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err === null) return resolve({ stdout, stderr, code: 0 });
        const code = typeof err.code === 'number' ? err.code : -1;
        if (code === -1)
          return reject(new GitError(`sh -c <git commands> failed: ${oneLine(err.message)}`, [], code, stderr));
        resolve({ stdout, stderr, code });
      },
    );
    child.stdin?.end();
  });
}

/**
 * `git` with the options every runtime git command has (and `config`, e.g. `-c` pairs), quoted for
 * a gitScript line: the shell form of git()'s command line.
 */
export function shellGit(config: readonly string[] = []): string {
  return ['git', ...[...GIT_PREFIX, ...config].map(shellQuote)].join(' ');
}

/** One argument for a POSIX shell command line: single-quoted, any `'` closed, escaped, reopened. */
export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

/** `-c` options giving runtime commits an identity: "gump <gump@localhost>" unless overridden by env. */
export function runtimeIdentityArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  const name = env.GUMP_GIT_NAME || 'gump';
  const email = env.GUMP_GIT_EMAIL || 'gump@localhost';
  return ['-c', `user.name=${name}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false'];
}

function commandText(args: readonly string[]): string {
  const text = `git ${args.join(' ')}`;
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function oneLine(text: string): string {
  return text
    .trim()
    .split(/\s*\n\s*/)
    .join(' | ');
}

function failureMessage(args: readonly string[], code: number, stderr: string): string {
  const detail = oneLine(stderr);
  return `${commandText(args)} failed (exit ${code})${detail ? `: ${detail}` : ''}`;
}

function spawnMessage(cwd: string, args: readonly string[], err: ExecFileException): string {
  if (err.code === 'ENOENT' && !existsSync(cwd)) return `${commandText(args)} failed: directory ${cwd} does not exist`;
  if (err.code === 'ENOENT') return `${commandText(args)} failed: git is not installed or not on PATH`;
  if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `${commandText(args)} failed: output too large`;
  return `${commandText(args)} failed: ${oneLine(err.message)}`;
}
