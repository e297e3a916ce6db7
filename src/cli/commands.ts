// The CLI's command table: name → one help line and the module that runs it. Each command lives in
// its own file, imported only when that command runs: a cold `gump check` loads the checker, not the
// compiler, the targets or the local runtime (issue 10). The help lines are the commands' own
// `summary` fields (test/cli/help.test.ts keeps the two equal).

import type { CommandHelp } from './command-help.js';

export interface Command {
  summary: string;
  /** `gump <command> --help`: usage, description, options, exit codes (command-help.ts). */
  help: CommandHelp;
  run(argv: string[]): Promise<number> | number;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  check: {
    summary: 'check workflows and print diagnostics',
    load: async () => (await import('./check-command.js')).checkCommand,
  },
  compile: {
    summary: 'check workflows and write their plans and CI pipelines',
    load: async () => (await import('./compile-command.js')).compileCommand,
  },
  graph: {
    summary: 'print the CI job graph of a workflow (Mermaid)',
    load: async () => (await import('./graph-command.js')).graphCommand,
  },
  init: {
    summary: 'wire the generated CI pipelines into the project (GitLab: .gitlab-ci.yml include)',
    load: async () => (await import('./init-command.js')).initCommand,
  },
  run: {
    summary: 'run a workflow locally on a run branch',
    load: async () => (await import('./run-command.js')).runCommand,
  },
  report: {
    summary: 'print the report of a local run',
    load: async () => (await import('./report-command.js')).reportCommand,
  },
  apply: {
    summary: 'merge a passed run into the current branch',
    load: async () => (await import('./apply-command.js')).applyCommand,
  },
  approve: {
    summary: 'approve the pending approval point of a run and continue it',
    load: async () => (await import('./approve-command.js')).approveCommand,
  },
  reject: {
    summary: 'reject the pending approval point of a run (aborts it)',
    load: async () => (await import('./approve-command.js')).rejectCommand,
  },
  runs: {
    summary: 'list the local runs: id, status, workflow, age, cost',
    load: async () => (await import('./runs-command.js')).runsCommand,
  },
  clean: {
    summary: 'remove finished local runs (worktrees and run branches)',
    load: async () => (await import('./clean-command.js')).cleanCommand,
  },
  fix: {
    summary: 'apply the automatic fixes of diagnostics in place',
    load: async () => (await import('./fix-command.js')).fixCommand,
  },
  explain: {
    summary: 'explain a diagnostic code, with examples (--list: all codes)',
    load: async () => (await import('./explain-command.js')).explainCommand,
  },
  list: {
    summary: 'list the built-in workflows and validators (and project overrides)',
    load: async () => (await import('./list-command.js')).listCommand,
  },
  show: {
    summary: 'print the YAML of a built-in workflow or validator',
    load: async () => (await import('./show-command.js')).showCommand,
  },
  schema: {
    summary: 'print the JSON Schema of workflow files (for editors)',
    load: async () => (await import('./schema-command.js')).schemaCommand,
  },
  help: {
    summary: 'print the commands, or the help of one (gump help <command>)',
    load: async () => (await import('./help-command.js')).helpCommand,
  },
};

export function usage(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'gump — compile agent workflows into CI pipelines',
    '',
    'usage: gump <command> [options]',
    '',
    ...names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`),
    '',
    'Run "gump <command> --help" for a command\'s options, "gump --version" for the version.',
    '',
  ].join('\n');
}
