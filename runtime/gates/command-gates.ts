// Command gates (language.md §8.2, §8.4): compile, test, lint, coverage, tests_found and bash.
// Resolve the command, run it with `sh -c` in the worktree root under `[validation] timeout`,
// judge the exit status and output. Required aliases fail when unresolvable; optional ones skip.

import { formatDuration } from '../../protocol/duration.js';
import type { Gate } from '../../protocol/plan.js';
import { gateErrorContext, gateFailureMessage } from './error-context.js';
import type { GateContext, GateOutcome } from './evaluate.js';
import { coveragePercent, isGoNothingToTest, showsExecutedTests } from './output-parsers.js';
import { leadingProgram, resolveGateCommand, type CommandAlias } from './resolve-command.js';
import { runShell, type ShellResult } from './shell.js';

const OPTIONAL: ReadonlySet<CommandAlias> = new Set(['lint', 'coverage']);

type CommandGate = Extract<Gate, { type: CommandAlias }>;

export async function evaluateCommandGate(gate: CommandGate, ctx: GateContext): Promise<GateOutcome> {
  const alias = gate.type;
  const resolved = resolveGateCommand(alias, ctx.worktree, ctx.config, ctx.env.PATH ?? process.env.PATH ?? '');
  if ('missing' in resolved) {
    if (OPTIONAL.has(alias)) return { status: 'skipped', warning: `gate ${gate.name} skipped: ${resolved.missing}` };
    return { status: 'fail', error: gateFailureMessage(gate.name, resolved.missing, ctx.config) };
  }
  const run = await runGateShell(resolved.command, ctx);
  const failed = (status: number | string | null): GateOutcome => ({
    status: 'fail',
    error: gateErrorContext(gate.name, status, run.stderr, run.stdout, ctx.config),
  });
  if (run.timedOut) return failed(`timed out after ${formatDuration(ctx.config.validation.timeoutMs)}`);
  switch (gate.type) {
    case 'compile':
    case 'lint':
      return run.code === 0 ? PASS : failed(run.code);
    case 'test': {
      const isGo = resolved.source === 'go.mod' || leadingProgram(resolved.command) === 'go';
      if (run.code === 0 || (isGo && run.code === 1 && isGoNothingToTest(run.stdout, run.stderr))) return PASS;
      return failed(run.code);
    }
    case 'tests_found':
      if (run.code !== 0 && run.code !== 1) return failed(run.code);
      return showsExecutedTests(run.stdout, run.stderr)
        ? PASS
        : failed(`exit ${run.code}, no executed test found in the output`);
    case 'coverage': {
      if (run.code !== 0) return failed(run.code);
      const percent = coveragePercent(run.stdout, run.stderr);
      if (percent === undefined) return failed('exit 0, no coverage percentage found in the output');
      return percent >= gate.threshold ? PASS : failed(`exit 0, coverage ${percent}% is below ${gate.threshold}%`);
    }
  }
}

/** `bash: <command>`: passes when `sh -c <command>` exits 0. */
export async function evaluateBashGate(gate: Extract<Gate, { type: 'bash' }>, ctx: GateContext): Promise<GateOutcome> {
  const run = await runGateShell(gate.command, ctx);
  if (run.code === 0 && !run.timedOut) return PASS;
  const status = run.timedOut ? `timed out after ${formatDuration(ctx.config.validation.timeoutMs)}` : run.code;
  return { status: 'fail', error: gateErrorContext(gate.name, status, run.stderr, run.stdout, ctx.config) };
}

const PASS: GateOutcome = { status: 'pass' };

function runGateShell(command: string, ctx: GateContext): Promise<ShellResult> {
  return runShell(command, {
    cwd: ctx.worktree,
    env: ctx.env,
    timeoutMs: ctx.config.validation.timeoutMs,
    graceMs: ctx.graceMs,
  });
}
