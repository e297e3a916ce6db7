// Checks of `gump run` before any agent spends (and before a run branch exists): the spec is
// readable and not empty, every --input is one the workflow takes, and every command gate the plan
// holds (compile, test, lint, tests_found, coverage) resolves to a command that can run
// (language.md §8.4), as it would at gate time.

import { readFileSync } from 'node:fs';
import type { Gate, Plan, PlanStep } from '../../protocol/plan.js';
import { readRuntimeConfig } from '../../runtime/config.js';
import { resolveGateCommand, type CommandAlias } from '../../runtime/gates/resolve-command.js';
import { LocalRunError } from './runs.js';

const ALIASES: readonly string[] = ['compile', 'test', 'lint', 'tests_found', 'coverage'];

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

/** Every command gate alias of the plan, resolved in `repo`; one LocalRunError listing what cannot run. */
export function checkGateCommands(
  plan: Plan,
  repo: string,
  env: Record<string, string | undefined> = process.env,
): void {
  const aliases = new Set<string>();
  const visit = (steps: readonly PlanStep[]): void => {
    for (const s of steps) {
      if (s.kind === 'agent' || s.kind === 'gates')
        s.gates.forEach((g: Gate) => ALIASES.includes(g.type) && aliases.add(g.type));
      if (s.kind === 'agent' && s.each) visit(s.each);
      if (s.kind === 'group') visit(s.steps);
    }
  };
  for (const wf of Object.values(plan.workflows)) visit(wf.steps);
  const config = readRuntimeConfig(repo);
  const problems = [...aliases].sort().flatMap((alias) => {
    const r = resolveGateCommand(alias as CommandAlias, repo, config, env.PATH ?? '');
    return 'missing' in r ? [r.missing] : [];
  });
  if (problems.length > 0)
    throw new LocalRunError(`the workflow's gates cannot run; nothing was started:\n  ${problems.join('\n  ')}`);
}
