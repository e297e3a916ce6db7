// `gump run` refusals before anything is created: a folder for the workflow, a repository without
// commits (issue 9, defects 6 and 9). Clear diagnostics, exit 2, never "internal error".

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLEAN, gump, project } from './run-cli.js';

function gitRepo(files: Record<string, string>, commit: boolean): string {
  const dir = project(files);
  const g = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  g('init', '-q', '-b', 'main');
  if (commit) {
    g('add', '-A');
    g('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'base');
  }
  return dir;
}

describe('gump run refusals', () => {
  it('names a folder given as the workflow', () => {
    const dir = gitRepo({ '.gump/workflows/w.yaml': CLEAN, 'spec.md': '# s\n' }, true);
    const r = gump(['run', '.gump', '--spec', 'spec.md'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gump run: .gump is a folder: name a workflow file or a workflow name\n');
  });

  it('says a repository without commits needs one', () => {
    const dir = gitRepo({ '.gump/workflows/w.yaml': CLEAN, 'spec.md': '# s\n' }, false);
    const r = gump(['run', 'w', '--spec', 'spec.md'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'gump run: this repository has no commit yet: a run branches from your current commit; commit your project first (git add -A && git commit)\n',
    );
    expect(execFileSync('git', ['branch', '--list'], { cwd: dir, encoding: 'utf8' })).toBe('');
  });
});
