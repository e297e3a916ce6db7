// Agent adapter interfaces (agents.md §14): adapters own flags, env and stream parsing; the runner
// (spawn.ts) owns spawning, the timeout, raw-stream capture and compat mode.
// Additive adjustments to §14 are marked "(+)" below.

import type { CliProvider } from '../../protocol/models.js';

/** 'claude' | 'codex' | 'gemini' | 'qwen' | 'opencode' | 'cursor' (protocol/models.ts). */
export type Provider = CliProvider;

export type HostEnv = Record<string, string | undefined>;

export interface AgentRunRequest {
  agent: string; // agent name: "claude-opus", "codex-gpt-5.5", "gemini-pro"...
  prompt: string;
  cwd: string; // absolute worktree path (keep identical across CI jobs)
  stateDir: string; // runtime-owned home → CLAUDE_CONFIG_DIR / CODEX_HOME / GEMINI_CLI_HOME / ...
  maxTurns?: number;
  maxBudgetUsd?: number;
  timeoutMs?: number;
  resumeSessionId?: string; // from a previous step, possibly restored from a CI artifact
  newSessionId?: string; // pre-assign where supported (claude/gemini/qwen --session-id)
  /** (+) Environment the auth variables are read from (default: process.env). */
  hostEnv?: HostEnv;
  /** (+) Whether the agent runs as uid 0 (default: process.getuid() === 0). */
  isRoot?: boolean;
  /**
   * (+) The resumed session's cumulative counters as last reported (agents.md §16): the parser bills
   * the attempt only the growth over these. Ignored without `resumeSessionId`.
   */
  sessionTotals?: SessionTotals;
  /** (+) A custom model endpoint (gump.toml `[agents.<provider>]`), turned into the CLI's own mechanism. */
  endpoint?: Endpoint;
}

/**
 * (+) A model endpoint of the user's own (gateway, proxy, self-hosted server; agents.md §16): the
 * adapter points its CLI there with the CLI's own mechanism (env, `-c` provider entry, settings).
 */
export interface Endpoint {
  /** Base URL as the CLI expects it (claude/gemini: the host root; codex/qwen/opencode: up to `/v1`). */
  baseUrl: string;
  /** Host variable holding the endpoint's key (default: the provider's usual key variable). */
  apiKeyEnv?: string;
  /** Model id at the endpoint when the agent name gives none (qwen, opencode). */
  model?: string;
}

/**
 * (+) Counters a CLI reports cumulatively over a resumed session, not per run (agents.md §16):
 * claude `total_cost_usd` and `modelUsage`, codex `turn.completed.usage`, qwen `result.usage`.
 * Only the fields the provider reports cumulatively are set.
 */
export interface SessionTotals {
  costUsd?: number;
  tokens?: TokenCounts;
  perModel?: Record<string, { input: number; output: number; costUsd?: number }>;
}

export interface Invocation {
  bin: string;
  args: string[];
  env: Record<string, string>; // auth passthrough + state relocation + IS_SANDBOX etc.
  stdin: 'ignore' | { text: string }; // never inherit
  emulated: Array<'maxTurns' | 'budget' | 'timeout'>; // limits the runtime must enforce itself
  files?: Array<{ path: string; content: string }>; // absolute paths, written before the spawn
}

/** `input` excludes cache reads and writes (normalised across providers); `reasoning` is informational. */
export interface TokenCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning?: number;
}

export type CostSource = 'reported' | 'estimated' | 'unknown';

export interface RunMetrics {
  sessionId?: string;
  isError: boolean;
  exitCode: number | null;
  timedOut: boolean;
  resultText?: string;
  numTurns?: number;
  durationMs: number;
  tokens: TokenCounts;
  costUsd?: number;
  costSource: CostSource;
  perModel?: Record<string, { input: number; output: number; costUsd?: number }>;
  /** (+) Model reported by the stream (init event), when any. */
  model?: string;
  /** (+) First fatal error message seen (result error, turn.failed, ...). */
  errorMessage?: string;
  /** (+) The CLI stopped on its own limit (counts as a guard trip, language.md §11). */
  limitHit?: 'maxTurns' | 'budget';
  /** (+) No final event arrived: judged by exit code (agents.md §2.11). */
  compat?: boolean;
  /**
   * (+) The session's cumulative counters at the end of this run, as the CLI reported them; the run
   * state keeps them by session id as the baseline of the next resume. Absent when none was seen.
   */
  sessionTotals?: SessionTotals;
}

export interface StreamParser {
  push(line: string): NormalizedEvent[]; // tolerant: unknown types → {kind:'raw'}; never throws
  partial(): RunMetrics; // best-effort so far (for timeout/kill paths)
  finish(exitCode: number | null, timedOut: boolean): RunMetrics;
}

export interface SessionLocation {
  stateDir: string;
  cwd: string;
  sessionId: string;
  /** (+) Environment for helper commands such as `opencode export` (default: process.env). */
  hostEnv?: HostEnv;
}

export interface AgentAdapter {
  readonly provider: Provider;
  /** (+) Executable name looked up on PATH. */
  readonly bin: string;
  resolveModel(agent: string): string | undefined; // undefined → omit flag
  buildInvocation(req: AgentRunRequest): Invocation;
  /** `baseline`: the resumed session's cumulative counters (bill only the growth over them). */
  createParser(baseline?: SessionTotals): StreamParser;
  isResumableId(id: string): boolean; // uuid vs ses_… (cross-provider guard)
  sessionArtifacts(o: SessionLocation): Promise<string[]>; // absolute file paths, never credentials
  exportSession?(o: { stateDir: string; sessionId: string; outFile: string; hostEnv?: HostEnv }): Promise<void>; // opencode
  importSession?(o: { stateDir: string; file: string; hostEnv?: HostEnv }): Promise<void>;
}

export type NormalizedEvent =
  | { kind: 'init'; sessionId?: string; model?: string }
  | { kind: 'text'; text: string; delta?: boolean }
  | { kind: 'tool'; phase: 'start' | 'end'; name: string; id?: string; ok?: boolean }
  | { kind: 'usage'; tokens: Partial<TokenCounts>; costUsd?: number; turn?: boolean }
  | { kind: 'retry' | 'warning' | 'error'; message: string } // (+) 'error': fatal (codex turn.failed, opencode error)
  | { kind: 'result'; metrics: Partial<RunMetrics> }
  | { kind: 'raw'; line: string };
