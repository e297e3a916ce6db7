// Every pipeline the GitLab target emits — each fixture's and each built-in's — validates against
// GitLab's CI JSON schema (embedded in gitlab-ci-local 4.72.0) with zero errors; a broken pipeline
// shows the validator does report. Plus the target's own invariants: every job is guarded by the
// workflow's rule, approvals are blocking manual jobs, agent secrets are unset where no agent runs.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCase, targetCases } from './fixture-project.js';
import { gitlabSchemaErrors } from './gitlab-schema.js';

type Job = { rules?: Array<Record<string, unknown>>; script?: string[]; stage?: string; extends?: string };

function pipelineOf(c: ReturnType<typeof targetCases>[number]): Record<string, unknown> {
  return parse(compileCase(c, ['gitlab']).workflows[0]!.files[1]!.text) as Record<string, unknown>;
}

function jobsOf(p: Record<string, unknown>): Record<string, Job> {
  const reserved = new Set(['workflow', 'stages', 'variables', 'default', 'include']);
  return Object.fromEntries(Object.entries(p).filter(([k]) => !reserved.has(k) && !k.startsWith('.'))) as Record<string, Job>;
}

describe('emitted GitLab pipelines validate against GitLab\u2019s CI schema', () => {
  for (const c of targetCases()) {
    it(c.name, () => {
      const pipeline = pipelineOf(c);
      expect(gitlabSchemaErrors(pipeline)).toEqual([]);
      const stages = pipeline.stages as string[];
      const name = c.workflow.replace(/^.*\//, '').replace(/\.yaml$/, '');
      for (const [id, job] of Object.entries(jobsOf(pipeline))) {
        expect(stages, id).toContain(job.stage);
        expect(job.rules?.[0]?.if, id).toBe(`$GUMP_WORKFLOW == "${name}"`);
        expect(job.extends, id).toBe(`.gump-${name}`);
      }
    });
  }
  it('approvals are blocking manual jobs, each with a non-blocking manual reject job', () => {
    const jobs = jobsOf(pipelineOf(targetCases().find((c) => c.name === 'hitl')!));
    const approve = Object.entries(jobs).filter(([id]) => /-approve-\d+$/.test(id));
    const reject = Object.entries(jobs).filter(([id]) => /-reject-\d+$/.test(id));
    expect(approve.length).toBeGreaterThan(0);
    expect(reject.length).toBe(approve.length);
    for (const [, j] of approve) expect(j.rules![0]).toMatchObject({ when: 'manual', allow_failure: false });
    for (const [, j] of reject) expect(j.rules![0]).toMatchObject({ when: 'manual', allow_failure: true });
  });
  it('the push token and agent secrets are unset in every job that does not use them', () => {
    for (const c of targetCases()) {
      for (const [id, job] of Object.entries(jobsOf(pipelineOf(c)))) {
        const unset = job.script?.find((l) => l.startsWith('unset ')) ?? '';
        if (id !== 'gump-publish' && !id.endsWith('-share')) expect(unset, `${c.name} ${id}`).toContain('GUMP_PUSH_TOKEN');
        if (!job.script?.some((l) => l.startsWith('gump_install '))) expect(unset, `${c.name} ${id}`).toContain('ANTHROPIC_API_KEY');
      }
    }
  });
  it('a parallel split stays valid with one task slot (GitLab\u2019s parallel: starts at 2)', () => {
    const c = targetCases().find((x) => x.name === 'parallel-split')!;
    const toml = c.files['gump.toml']!.replace('[ci]', '[ci]\ntask_slots = 1');
    const pipeline = pipelineOf({ ...c, files: { ...c.files, 'gump.toml': toml } });
    expect(gitlabSchemaErrors(pipeline)).toEqual([]);
    expect((jobsOf(pipeline)['decompose tasks'] as { parallel?: number }).parallel).toBe(2);
  });
  it('gump.toml [ci] image replaces the default image (node:<node_version>-bookworm)', () => {
    const c = targetCases().find((x) => x.name === 'single-step')!;
    expect(pipelineOf(c)['.gump-single-step']).toMatchObject({ image: 'node:22-bookworm' });
    const custom = pipelineOf({ ...c, files: { ...c.files, 'gump.toml': '[ci]\nimage = "registry.example.com/node:22-git"\n' } });
    expect(custom['.gump-single-step']).toMatchObject({ image: 'registry.example.com/node:22-git' });
    expect(gitlabSchemaErrors(custom)).toEqual([]);
  });
  it('the validator reports a broken pipeline', () => {
    expect(gitlabSchemaErrors({ job: { script: 'x', when: 'sometimes', parallel: 500 } }).length).toBeGreaterThan(0);
  });
});
