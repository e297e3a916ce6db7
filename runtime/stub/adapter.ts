// The stub agent as an AgentAdapter (language.md §21, §18.1): the runner spawns
// `node <runtime bundle> __stub <json>` (or the small dist/gump-stub.cjs beside it, given the
// validated script) like any CLI, so guards, timeouts, abort and raw capture behave as with a real
// agent. Session ids are `stub-<step-path>-<n>`; a resumed id is echoed.
import { STUB_RUNTIME_PATH } from '../../protocol/runtime-cli.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AgentAdapter, AgentRunRequest, Invocation } from '../agents/types.js';
import type { StubArgs } from './entry.js';
import { loadStubScript } from './script.js';
import { createStubParser } from './stream.js';
import type { StubScript } from './types.js';

export interface StubAdapterOptions {
  /** Absolute path of a JS file that runs `stubCommand` for `node <runtimeEntry> __stub <json>`. */
  runtimeEntry: string;
  /** The stub script (GUMP_STUB_SCRIPT or `.gump/stub.yaml`), resolved against the process cwd. */
  scriptPath: string;
  /**
   * Called once per buildInvocation (= one stub invocation): returns the 1-based number of this
   * invocation of the step path, counting across retries, group-retry passes and CI jobs.
   */
  invocationCounter: (stepPath: string) => number;
}

/**
 * The request the stub adapter needs: an AgentRunRequest plus the step path (extra fields, so the
 * runner passes the object through untouched). `effectiveAgent` is the name rules' `agent:`
 * compare with (default: `agent`); `outDir` defaults to `<cwd>/.gump/out`.
 */
export interface StubRunRequest extends AgentRunRequest {
  stepPath: string;
  effectiveAgent?: string;
  outDir?: string;
}

/**
 * A stub-mode request for an agent step: runs under the name `stub` (so the runner prices unscripted
 * usage at the stub's price, 0) while rules match, and records keep, the effective agent name.
 */
export function stubRequest(base: AgentRunRequest, stepPath: string): StubRunRequest {
  const stubNamed = base.agent === 'stub' || base.agent.startsWith('stub-');
  return { ...base, stepPath, effectiveAgent: base.agent, agent: stubNamed ? base.agent : 'stub' };
}

export function stubSessionId(stepPath: string, invocation: number): string {
  return `stub-${stepPath}-${invocation}`;
}

export function isStubSessionId(id: string): boolean {
  return id.startsWith('stub-');
}

/** `stub` is a pseudo-provider (protocol/models.ts); the runner only reads `provider` for display. */
const STUB_PROVIDER = 'stub' as unknown as AgentAdapter['provider'];

/** dist/gump-stub.cjs (scripts/build.mjs), or `.gump/runtime/gump-stub.cjs` (gump compile): the stub process alone, beside the runtime. */
export const STUB_BUNDLE = STUB_RUNTIME_PATH.slice(STUB_RUNTIME_PATH.lastIndexOf('/') + 1);

/** The JSON argument is one command-line argument: Linux caps one at 128 KiB. */
const MAX_INLINE_ARG = 100_000;

let cached: { path: string; key: string; script: StubScript } | undefined;

/**
 * The script read and validated here, so the stub process parses no YAML; re-read when the file
 * changes. Undefined when it does not load: the stub process then reports the problem itself.
 */
function validatedScript(path: string): StubScript | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st === undefined) return undefined;
  const key = `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
  if (cached?.path === path && cached.key === key) return cached.script;
  try {
    cached = { path, key, script: loadStubScript(path) };
    return cached.script;
  } catch {
    return undefined;
  }
}

export function createStubAdapter(opts: StubAdapterOptions): AgentAdapter {
  const scriptPath = resolve(opts.scriptPath);
  const stubBundle = join(dirname(opts.runtimeEntry), STUB_BUNDLE);
  const small = existsSync(stubBundle);
  return {
    provider: STUB_PROVIDER,
    bin: process.execPath,
    resolveModel: () => undefined,
    buildInvocation(req): Invocation {
      const { stepPath, effectiveAgent, outDir } = req as Partial<StubRunRequest>;
      if (typeof stepPath !== 'string' || stepPath === '')
        throw new Error('stub adapter: the request carries no stepPath');
      const invocation = opts.invocationCounter(stepPath);
      if (!Number.isInteger(invocation) || invocation < 1)
        throw new Error(`stub adapter: invalid invocation number ${invocation} for ${stepPath}`);
      const args: StubArgs = {
        cwd: req.cwd,
        scriptPath,
        stepPath,
        agent: effectiveAgent ?? req.agent,
        invocation,
        sessionId: stubSessionId(stepPath, invocation),
        outDir: outDir ?? join(req.cwd, '.gump', 'out'),
      };
      if (req.resumeSessionId !== undefined) args.resumeId = req.resumeSessionId;
      // The small stub bundle when it is there and the validated script fits in the argument;
      // else the runtime bundle, which reads the script file itself.
      const script = small ? validatedScript(scriptPath) : undefined;
      const inline = script === undefined ? '' : JSON.stringify({ ...args, script });
      const fast = inline !== '' && inline.length <= MAX_INLINE_ARG;
      return {
        bin: process.execPath,
        args: fast ? [stubBundle, '__stub', inline] : [opts.runtimeEntry, '__stub', JSON.stringify(args)],
        env: { NODE_OPTIONS: '' }, // the stub is the runtime's own code: no user preloads
        stdin: 'ignore',
        emulated: ['maxTurns', 'budget', 'timeout'],
      };
    },
    createParser: createStubParser,
    isResumableId: isStubSessionId,
    sessionArtifacts: async () => [], // simulated sessions need no store
  };
}
