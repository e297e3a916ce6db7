// The `ci` command's edges: a missing spec (exit 2, one line), pipeline inputs picked for the root
// workflow, log groups per step attempt on GitHub and GitLab, and a parallel planner over GitHub's
// matrix cap refused before any fan-out.

import { describe, expect, it } from 'vitest';
import { demoProject, FAST_GATES } from '../e2e/library-run.js';
import { ciJob, finalState, pipeline } from './ci-chain.js';
import { GATED, GATED_STUB, SEQ } from './workflows.js';

const INPUTS =
  'name: inp\ninputs:\n  flavour: { default: "plain" }\n  loud: { default: "no" }\nsteps:\n  - name: impl\n    type: code\n    agent: claude-haiku\n    prompt: "{flavour} {loud}"\n';

describe('ci command', () => {
  it('a first job without a readable spec stops with one line and exit 2', async () => {
    const p = pipeline(
      'gated',
      demoProject({ ...FAST_GATES, '.gump/workflows/gated.yaml': GATED, '.gump/stub.yaml': GATED_STUB }),
    );
    const j = await ciJob(p, 'step-0', { env: { GUMP_SPEC: 'no/such/spec.md' } });
    expect(j.code).toBe(2);
    expect(j.stderr.trim().split('\n')).toEqual([
      'gump-runtime: cannot read the spec file no/such/spec.md (GUMP_SPEC) in the checkout',
    ]);
  });

  it('starts gump/run-<GUMP_RUN_ID> with the root workflow inputs picked from GUMP_INPUTS, as strings', async () => {
    const p = pipeline(
      'inp',
      demoProject({ '.gump/workflows/inp.yaml': INPUTS, '.gump/stub.yaml': 'version: 1\nrules: []\n' }),
    );
    const j = await ciJob(p, 'step-0', {
      env: { GUMP_RUN_ID: 'ci-42', GUMP_INPUTS: JSON.stringify({ flavour: 'spicy', loud: true, other: 'ignored' }) },
    });
    expect(j.code, j.stderr).toBe(0);
    expect(j.outputs).toMatchObject({ state: 'pass', run_id: 'ci-42' });
    const r = await finalState(p);
    expect(r.state.branch).toBe('gump/run-ci-42');
    expect(r.state.inputs).toEqual({ flavour: 'spicy', loud: 'true', spec: 'spec.md' });
  });

  it('groups each step attempt on GitHub (::group::) and GitLab (collapsible sections), plain elsewhere', async () => {
    const files = demoProject({
      ...FAST_GATES,
      '.gump/workflows/gated.yaml': GATED.replace('      hitl: after_gate\n', ''),
      '.gump/stub.yaml': GATED_STUB,
    });
    const gh = await ciJob(pipeline('gated', files), 'step-0', { env: { GITHUB_ACTIONS: 'true' } });
    expect(gh.stdout).toMatch(/^::group::impl attempt 1\n\[impl\][^\n]*running[\s\S]*::endgroup::\n/m);
    const gl = await ciJob(pipeline('gated', files), 'step-0', { env: { GITLAB_CI: 'true' } });
    expect(gl.stdout).toMatch(/\x1b\[0Ksection_start:\d+:gump_1_impl_1\[collapsed=true\]\r\x1b\[0Kimpl attempt 1\n/);
    expect(gl.stdout).toMatch(/\x1b\[0Ksection_end:\d+:gump_1_impl_1\r\x1b\[0K\n/);
    const plain = await ciJob(pipeline('gated', files), 'step-0');
    expect(plain.stdout).not.toContain('::group::');
    expect(plain.stdout).not.toContain('section_start');
  });

  it('a parallel planner of more than 256 tasks is fatal before any fan-out', async () => {
    const many = Array.from({ length: 257 }, (_, i) => `      - { name: t${i}, description: "x", files: [] }`).join(
      '\n',
    );
    const stub = `version: 1\nrules:\n  - match: plan\n    plan:\n${many}\n`;
    const par = SEQ.replace('    type: split\n', '    type: split\n    parallel: true\n');
    const p = pipeline('seq', demoProject({ ...FAST_GATES, '.gump/workflows/seq.yaml': par, '.gump/stub.yaml': stub }));
    const j = await ciJob(p, 'planner-0');
    expect(j.code).toBe(1);
    expect(j.outputs.state).toBe('fatal');
    expect(j.outputs.tasks).toBeUndefined();
    const r = await finalState(p);
    expect(r.state.message).toContain('planned 257 parallel tasks; a GitHub matrix runs at most 256');
    expect(r.events('task.started')).toEqual([]);
  });
});
