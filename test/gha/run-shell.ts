// One `run:` script: written to RUNNER_TEMP, started with the shell's command line as the runner
// builds it, output streamed into the job log line by line, killed (whole process group) at the
// job's or step's wall-clock deadline.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { JobLog } from './job-log.js';

export interface ShellRun {
  script: string;
  /** The step's `shell` (or defaults.run.shell); undefined when neither is set. */
  shell: string | undefined;
  cwd: string;
  env: Record<string, string>;
  runnerTemp: string;
  deadline: number;
  log: JobLog;
}

export interface ShellResult {
  exitCode: number;
  timedOut: boolean;
}

/** The runner's command line per shell (docs: "jobs.<job_id>.steps[*].shell"). */
export function shellCommand(shell: string | undefined): { argv: string[]; extension: string } {
  switch (shell) {
    case undefined:
      return { argv: ['bash', '-e', '{0}'], extension: '.sh' };
    case 'bash':
      return { argv: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], extension: '.sh' };
    case 'sh':
      return { argv: ['sh', '-e', '{0}'], extension: '.sh' };
    case 'python':
      return { argv: ['python3', '{0}'], extension: '.py' };
    default: {
      if (!shell.includes('{0}'))
        throw new Error(`unsupported shell '${shell}' (give bash, sh, python or a command with {0})`);
      return { argv: shell.trim().split(/\s+/), extension: '' };
    }
  }
}

export function runShell(run: ShellRun): Promise<ShellResult> {
  const { argv, extension } = shellCommand(run.shell);
  const file = join(run.runnerTemp, `${randomUUID()}${extension}`);
  writeFileSync(file, run.script);
  const [cmd, ...args] = argv.map((a) => a.replace('{0}', file));
  return new Promise((resolvePromise) => {
    const child = spawn(cmd!, args, { cwd: run.cwd, env: run.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const remaining = Math.max(0, run.deadline - Date.now());
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, remaining);
    const streams = [child.stdout, child.stderr].map(
      (s) =>
        new Promise<void>((done) =>
          createInterface({ input: s })
            .on('line', (l) => run.log.output(l))
            .on('close', done),
        ),
    );
    let settled = false;
    const settle = (exitCode: number, drained: Promise<unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void drained.then(() => resolvePromise({ exitCode: timedOut ? 1 : exitCode, timedOut }));
    };
    // A shell that cannot start (missing program or working directory) fails the step.
    child.on('error', (e) => {
      run.log.error(`${cmd}: ${e.message}`);
      settle(127, Promise.resolve());
    });
    child.on('close', (code) => settle(code ?? 1, Promise.all(streams)));
  });
}
