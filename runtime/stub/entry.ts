// The `__stub` command of the runtime bundle: `node gump-runtime.mjs __stub <json>` is the stub
// "CLI" the stub adapter launches (language.md §21). Parses the JSON argument, runs the stub and
// sets the exit status; a malformed argument or an unexpected error is one line on stderr, exit 2.
import { EXIT_BAD_SCRIPT } from './file-ops.js';
import { runStub, type RunStubOptions } from './stub-process.js';
import { StubScriptError, type StubScript } from './types.js';

/**
 * The JSON argument after `__stub` (built by adapter.ts). `script`: the script already read and
 * validated by the runtime (it stands for the file at `scriptPath`), so the process parses no YAML.
 */
export type StubArgs = Omit<RunStubOptions, 'io' | 'loadScript'> & { script?: StubScript };

/** Validated arguments, or a one-line problem. */
export function parseStubArgs(text: string | undefined): StubArgs | string {
  let v: unknown;
  try {
    v = JSON.parse(text ?? '');
  } catch {
    return 'expected one JSON argument';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a JSON object argument';
  const o = v as Record<string, unknown>;
  for (const k of ['cwd', 'scriptPath', 'stepPath', 'agent', 'sessionId', 'outDir']) {
    if (typeof o[k] !== 'string' || o[k] === '') return `"${k}" must be a non-empty string`;
  }
  if (typeof o.invocation !== 'number' || !Number.isInteger(o.invocation) || o.invocation < 1)
    return '"invocation" must be an integer ≥ 1';
  if (o.resumeId !== undefined && typeof o.resumeId !== 'string') return '"resumeId" must be a string';
  const args: StubArgs = {
    cwd: o.cwd as string,
    scriptPath: o.scriptPath as string,
    stepPath: o.stepPath as string,
    agent: o.agent as string,
    invocation: o.invocation,
    sessionId: o.sessionId as string,
    outDir: o.outDir as string,
  };
  if (typeof o.resumeId === 'string') args.resumeId = o.resumeId;
  if (o.script !== undefined) {
    const s = o.script as Partial<StubScript> | null;
    if (typeof s !== 'object' || s === null || typeof s.file !== 'string' || !Array.isArray(s.rules))
      return '"script" must be a validated stub script';
    args.script = s as StubScript;
  }
  return args;
}

/** Reads the script file (script.ts's loadStubScript); absent in dist/gump-stub.cjs, which never parses YAML. */
export type ScriptLoader = (path: string) => StubScript;

/** Runs the stub for the arguments that follow `__stub`; resolves to the exit status. */
export async function stubCommand(argv: readonly string[], loadScript?: ScriptLoader): Promise<number> {
  const args = parseStubArgs(argv[0]);
  if (typeof args === 'string') {
    process.stderr.write(`gump __stub: ${args}\n`);
    return EXIT_BAD_SCRIPT;
  }
  const { script, ...opts } = args;
  const load: ScriptLoader = (path) => {
    if (script !== undefined) return script;
    if (loadScript !== undefined) return loadScript(path);
    throw new StubScriptError(`${path}: this stub entry reads no script file; the runtime passes it validated`);
  };
  try {
    return await runStub({ ...opts, loadScript: load });
  } catch (e) {
    process.stderr.write(`gump stub: unexpected error: ${(e as Error).message}\n`);
    return EXIT_BAD_SCRIPT;
  }
}

/** Entry-point form: sets `process.exitCode` (no `process.exit`, so pending output is flushed). */
export async function stubMain(argv: readonly string[], loadScript?: ScriptLoader): Promise<void> {
  process.exitCode = await stubCommand(argv, loadScript);
}
