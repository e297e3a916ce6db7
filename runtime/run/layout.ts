// The run directory (a contract with the CI targets and users' tooling, documented in the README):
// everything a run owns lives in `<worktree>/.gump/run/`.

import { join } from 'node:path';

export interface RunPaths {
  dir: string;
  plan: string;
  state: string;
  ledger: string;
  streams: string;
  agents: string;
  reportJson: string;
  reportMarkdown: string;
}

export function runPaths(worktree: string): RunPaths {
  const dir = join(worktree, '.gump', 'run');
  return {
    dir,
    plan: join(dir, 'plan.json'),
    state: join(dir, 'state.json'),
    ledger: join(dir, 'ledger.ndjson'),
    streams: join(dir, 'streams'),
    agents: join(dir, 'agents'),
    reportJson: join(dir, 'report.json'),
    reportMarkdown: join(dir, 'report.md'),
  };
}
