// The stub agent's script model (language.md §21): a validated `.gump/stub.yaml` as plain data.
// Produced by script.ts, consumed by match.ts (rule selection) and stub-process.ts (effects).

/** Token usage of one response, spread evenly over its turns. */
export interface StubTokens {
  in: number;
  out: number;
  cacheRead: number;
  cacheWrite: number;
}

/** A file path (relative to the agent's working directory, or to `.gump/out/`) and its text. */
export interface FileText {
  path: string;
  text: string;
}

export interface StubReplace {
  file: string;
  find: string;
  with: string;
}

/** One scripted agent invocation. Lists keep the script's order; absent keys are empty/defaults. */
export interface StubResponse {
  write: FileText[];
  append: FileText[];
  replace: StubReplace[];
  delete: string[];
  plan?: unknown[];
  validate?: { pass: boolean; comments?: string };
  artifact?: string;
  out: FileText[];
  exitCode: number;
  stdout?: string;
  stderr?: string;
  turns: number;
  tokens: StubTokens;
  /** Reported cost in USD; absent: the runtime estimates it at the stub's price (0). */
  cost?: number;
  delayMs: number;
}

export interface StubRule {
  /** Position in the script's `rules` list (0-based, as in error messages `rules[i]`). */
  index: number;
  match: string;
  agent?: string;
  /** Entry i answers the (i+1)-th invocation of a step path; never empty. */
  attempts: StubResponse[];
}

export interface StubScript {
  file: string;
  rules: StubRule[];
}

/** The answer when no rule matches: one turn, no changes, exit 0. */
export function defaultResponse(): StubResponse {
  return {
    write: [],
    append: [],
    replace: [],
    delete: [],
    out: [],
    exitCode: 0,
    turns: 1,
    tokens: { in: 0, out: 0, cacheRead: 0, cacheWrite: 0 },
    delayMs: 0,
  };
}

/** A malformed or unreadable stub script: one line naming the file, the YAML line, the rule and the problem. */
export class StubScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StubScriptError';
  }
}
