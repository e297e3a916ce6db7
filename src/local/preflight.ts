// Checks of `gump run` before any agent spends: the spec is readable and not empty, every --input
// is one the workflow takes (both before a run branch exists), and every command gate the plan
// holds (compile, test, lint, tests_found, coverage) resolves to a command that can run
// (language.md §8.4), as it would at gate time — in the run's own checkout of the last commit,
// whose gump.toml and package.json are the ones its gates will read.

import { readFileSync } from 'node:fs';
import type { Gate, Plan, PlanStep } from '../../protocol/plan.js';
import { readRuntimeConfig } from '../../runtime/config.js';
import {
  COMMAND_ALIASES,
  type CommandAlias,
  GATE_COMMAND_FILES,
  resolveGateCommand,
} from '../../runtime/gates/resolve-command.js';
import { git, LocalRunError } from './runs.js';

export function checkSpec(file: string, shown: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LocalRunError(
      `cannot read the spec file ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (e as Error).message)}`,
    );
  }
  if (text.trim() === '')
    throw new LocalRunError(`the spec file ${shown} is empty: write what the agents should build`);
}

export function checkInputs(plan: Plan, inputs: Record<string, string>): void {
  const wf = plan.workflows[plan.root]!;
  const takes = wf.inputs.filter((i) => i !== 'spec');
  for (const name of Object.keys(inputs).sort()) {
    if (name === 'spec') throw new LocalRunError('--input spec=…: the spec is given with --spec <file>');
    if (!takes.includes(name))
      throw new LocalRunError(
        `unknown input "${name}": workflow ${wf.name} takes ${takes.length === 0 ? 'no inputs' : `the inputs ${takes.join(', ')}`}`,
      );
  }
}

/**
 * Every command gate alias of the plan, resolved in `checkout` (the run's worktree); one
 * LocalRunError listing what cannot run, which says so when `repo`'s working tree has uncommitted
 * changes to the files the resolution reads (the run does not see them).
 */
export function checkGateCommands(
  plan: Plan,
  checkout: string,
  repo: string,
  env: Record<string, string | undefined> = process.env,
): void {
  const aliases = new Set<CommandAlias>();
  const visit = (steps: readonly PlanStep[]): void => {
    for (const s of steps) {
      if (s.kind === 'agent' || s.kind === 'gates')
        s.gates.forEach((g: Gate) => isCommandAlias(g.type) && aliases.add(g.type));
      if (s.kind === 'agent' && s.each) visit(s.each);
      if (s.kind === 'group') visit(s.steps);
    }
  };
  for (const wf of Object.values(plan.workflows)) visit(wf.steps);
  const config = readRuntimeConfig(checkout);
  const problems = [...aliases].sort().flatMap((alias) => {
    const r = resolveGateCommand(alias, checkout, config, env.PATH ?? '');
    return 'missing' in r ? [r.missing] : [];
  });
  if (problems.length === 0) return;
  const changed = git(repo, ['status', '--porcelain', '--', ...GATE_COMMAND_FILES])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^\S+\s+/, '')); // `XY path` (git() trims the first line's leading space)
  const note =
    changed.length > 0
      ? `\n(the run starts from the last commit; uncommitted changes to ${changed.join(', ')} are not in it: commit them first)`
      : '';
  throw new LocalRunError(`the workflow's gates cannot run; nothing was started:\n  ${problems.join('\n  ')}${note}`);
}

function isCommandAlias(type: string): type is CommandAlias {
  return (COMMAND_ALIASES as readonly string[]).includes(type);
}
