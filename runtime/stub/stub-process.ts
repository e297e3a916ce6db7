// The body of the stub "CLI" (language.md §21), run in its own process by the stub adapter:
// init event, file operations, turn events paced over `delay`, `.gump/out/` files, stdout/stderr
// text, the final result event, then the scripted exit status. Returns the exit status.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyFileOps, EXIT_BAD_SCRIPT, writeOutFiles } from './file-ops.js';
import { selectResponse } from './match.js';
import { initLine, resultLine, spreadUsage, turnLine } from './stream.js';
import { StubScriptError, type StubScript } from './types.js';

export interface StubIO {
  stdout(text: string): Promise<void>;
  stderr(text: string): Promise<void>;
}

export interface RunStubOptions {
  /** The agent's working directory (file operations are relative to it). */
  cwd: string;
  scriptPath: string;
  stepPath: string;
  /** The effective agent name rules' `agent:` filters compare with. */
  agent: string;
  /** 1-based invocation number of this step path (retries and group-retry passes included). */
  invocation: number;
  /** `stub-<step-path>-<n>`; replaced by `resumeId` when a session is resumed. */
  sessionId: string;
  resumeId?: string;
  /** Where typed outputs go: `<cwd>/.gump/out` for agent steps. */
  outDir: string;
  /** Output streams (default: this process's stdout and stderr). */
  io?: StubIO;
  /**
   * Reads and validates the script at an absolute path (script.ts's loadStubScript); throws
   * StubScriptError. Passed in so a process given the script pre-validated never loads the YAML parser.
   */
  loadScript: (path: string) => StubScript;
}

export async function runStub(o: RunStubOptions): Promise<number> {
  const started = Date.now();
  const io = o.io ?? processIO();
  const fail = async (code: number, message: string) => {
    await io.stderr(`gump stub: ${message}\n`);
    return code;
  };
  let script: StubScript;
  try {
    script = o.loadScript(resolve(o.cwd, o.scriptPath));
  } catch (e) {
    return fail(
      EXIT_BAD_SCRIPT,
      e instanceof StubScriptError ? e.message : `cannot load the stub script: ${(e as Error).message}`,
    );
  }
  const { response } = selectResponse(script, o.stepPath, o.agent, o.invocation);
  const sessionId = o.resumeId ?? o.sessionId;
  await io.stdout(
    initLine({
      sessionId,
      agent: o.agent,
      stepPath: o.stepPath,
      invocation: o.invocation,
      resumed: o.resumeId !== undefined,
    }),
  );

  const ops = applyFileOps(o.cwd, response);
  if (!ops.ok) return fail(ops.exitCode, ops.message);

  const shares = spreadUsage(response);
  const pause = response.delayMs / shares.length;
  for (const [i, share] of shares.entries()) {
    if (pause > 0) await new Promise((done) => setTimeout(done, pause));
    await io.stdout(turnLine(i + 1, shares.length, share, Date.now() - started));
  }

  const out = writeOutFiles(o.outDir, response);
  if (!out.ok) return fail(out.exitCode, out.message);

  if (response.stdout !== undefined && response.stdout !== '') {
    await io.stdout(response.stdout.endsWith('\n') ? response.stdout : `${response.stdout}\n`);
  }
  if (response.stderr !== undefined && response.stderr !== '') await io.stderr(response.stderr);
  await io.stdout(resultLine({ sessionId, response }));
  return response.exitCode;
}

/**
 * Writes that resolve once the chunk is handed to the OS, so events keep their pace and order:
 * straight to the file descriptor, without creating process.stdout's stream (loading the stream
 * and net modules is a noticeable part of a process that lives a few milliseconds, issue 10).
 * A descriptor that would block (a non-blocking pipe that is full) gets the stream instead.
 */
export function processIO(): StubIO {
  let viaStream = false;
  const write = (fd: number, stream: () => NodeJS.WriteStream) => (text: string) => {
    if (!viaStream) {
      const bytes = Buffer.from(text);
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(fd, bytes, at);
        return Promise.resolve();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        viaStream = true; // from here on, the stream keeps the order
        text = bytes.subarray(at).toString();
      }
    }
    return new Promise<void>((done) => {
      stream().write(text, () => done());
    });
  };
  return { stdout: write(1, () => process.stdout), stderr: write(2, () => process.stderr) };
}
