// Steps and the runner's file commands: GITHUB_OUTPUT (incl. name<<DELIM), GITHUB_ENV, GITHUB_PATH,
// GITHUB_STEP_SUMMARY; env precedence workflow < job < step; default variables; workflow commands
// in logs; secrets masked as ***; continue-on-error outcome/conclusion; step status functions;
// `shell: bash` (here from defaults.run.shell) runs with -o pipefail.

import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('file commands and step semantics', () => {
  it('passes outputs, env and path between steps and masks secrets', async () => {
    const f = fixture();
    const result = await f.run('file-commands.yml', {
      secrets: { API_KEY: 'sk-very-secret' },
      vars: { COLOR: 'teal' },
    });
    expect(result.jobs).toEqual({ commands: 'success', read: 'failure' });
    const log = f.read('logs/commands.log');
    expect(log).toContain('##[group]Context');
    expect(log).toContain('##[endgroup]');
    expect(log).toContain('level=step shared=from-workflow from-file=set by step 1 multi-env=a+b+');
    expect(log).toContain('tool=tool-on-path');
    expect(log).toContain('single=one');
    expect(log).toContain('env-context=step/set by step 1');
    expect(log).toContain('secret is *** and token ***');
    expect(log).not.toContain('sk-very-secret');
    expect(log).toContain('##[error]something broke');
    expect(log).toContain('ws=cwd ci=true actions=true attempt=1 repo=gump-test/stand-in ref=main');
    expect(log).toContain('home=per-job temp=yes');
    expect(log).toContain('var=teal');
    const summary = f.read('summary.md');
    expect(summary).toContain('soft=failure/success job=success pipe=failure');
    expect(summary).not.toContain('failure step ran');
    expect(summary).toContain("line 1\nline 'two'");
    expect(summary).toContain('path-is-fresh=yes');
    expect(summary).not.toContain('not reached');
    expect(summary).toContain('always ran');
    expect(result.details[0]!.outputs).toEqual({ multi: "line 1\nline 'two'" });
  });
});
