// Every pipeline the GitLab target emits — each fixture's and each built-in's, and every child
// pipeline: the compiled child file of each split and the configuration the runtime's
// gitlab-child makes of it for a plan of N tasks — validates against GitLab's CI JSON schema
// (embedded in gitlab-ci-local 4.72.0) with zero errors; a broken pipeline shows the validator does
// report. Plus the target's own invariants: every job of the parent is guarded by the workflow's
// rule, approvals are blocking manual jobs, agent secrets are unset where no agent runs.

import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { childPipeline } from '../../runtime/run/ci-gitlab-child.js';
import { compileCase, targetCases, type TargetCase } from './fixture-project.js';
import { gitlabSchemaErrors } from './gitlab-schema.js';

type Job = {
  rules?: Array<Record<string, unknown>>;
  script?: string[];
  stage?: string;
  extends?: string;
  trigger?: Record<string, unknown>;
  needs?: unknown[];
  parallel?: number;
  variables?: Record<string, string>;
};
type Pipeline = Record<string, unknown>;

function filesOf(c: TargetCase): { path: string; text: string }[] {
  return compileCase(c, ['gitlab']).workflows[0]!.files.slice(1);
}

/** The pipeline file's two YAML documents: the `spec:` header and the pipeline. */
function documentsOf(c: TargetCase): [Pipeline, Pipeline] {
  const docs = parseAllDocuments(filesOf(c)[0]!.text).map((d) => d.toJS() as Pipeline);
  expect(docs).toHaveLength(2);
  return docs as [Pipeline, Pipeline];
}

function pipelineOf(c: TargetCase): Pipeline {
  return documentsOf(c)[1];
}

/** The compiled child files of a case: path, text, the hidden task template's name, and whether its split is sequential. */
function childrenOf(
  c: TargetCase,
): { path: string; text: string; template: string; split: string; sequential: boolean }[] {
  return filesOf(c)
    .slice(1)
    .map((f) => {
      const template = Object.keys(hiddenTasks(parse(f.text) as Pipeline))[0]!;
      const [, kind, split] = /of the (sequential|parallel) split (\S+) \(depth/.exec(f.text)!;
      return { ...f, template, split: split!, sequential: kind === 'sequential' };
    });
}

/** The hidden task templates of a child pipeline (hidden jobs extending the common one; their scripts run in every task job). */
function hiddenTasks(p: Pipeline): Record<string, Job> {
  return Object.fromEntries(
    Object.entries(p).filter(([k, v]) => k.startsWith('.') && (v as Job).extends !== undefined),
  ) as Record<string, Job>;
}

function jobsOf(p: Pipeline): Record<string, Job> {
  const reserved = new Set(['workflow', 'stages', 'variables', 'default', 'include']);
  return Object.fromEntries(Object.entries(p).filter(([k]) => !reserved.has(k) && !k.startsWith('.'))) as Record<
    string,
    Job
  >;
}

/** Every configuration a run of the case can execute: the parent, each compiled child file, and each child as gitlab-child writes it for `tasks`. */
function everyPipeline(c: TargetCase, tasks: string[]): { label: string; pipeline: Pipeline; child: boolean }[] {
  const out = [{ label: 'parent', pipeline: pipelineOf(c), child: false }];
  for (const ch of childrenOf(c)) {
    out.push({ label: ch.path, pipeline: parse(ch.text) as Pipeline, child: true });
    out.push({
      label: `${ch.path} + ${tasks.length} tasks`,
      pipeline: parse(childPipeline({ ...ch, config: ch.text, tasks })) as Pipeline,
      child: true,
    });
  }
  return out;
}

describe('emitted GitLab pipelines validate against GitLab\u2019s CI schema', () => {
  for (const c of targetCases()) {
    it(c.name, () => {
      const name = c.workflow.replace(/^.*\//, '').replace(/\.yaml$/, '');
      for (const { label, pipeline, child } of everyPipeline(c, ['add-math', 'add-stats', 'docs'])) {
        expect(gitlabSchemaErrors(pipeline), label).toEqual([]);
        const stages = pipeline.stages as string[];
        for (const [id, own] of Object.entries(jobsOf(pipeline))) {
          // A task job takes its stage and script from the hidden task template it extends.
          const job = { ...(hiddenTasks(pipeline)[own.extends ?? ''] ?? {}), ...own };
          expect(stages, `${label} ${id}`).toContain(job.stage);
          // A child pipeline runs only when triggered; the parent's jobs only for their workflow.
          if (child) expect(job.rules?.[0]?.if, `${label} ${id}`).toBeUndefined();
          else expect(job.rules?.[0]?.if, `${label} ${id}`).toBe(`$GUMP_WORKFLOW == "${name}"`);
          if (job.trigger)
            expect(job.trigger).toMatchObject({ strategy: 'depend', forward: { pipeline_variables: true } });
          else expect(job.extends, `${label} ${id}`).toMatch(new RegExp(`^\\.gump-${name}(-[a-z0-9-]+-tasks)?$`));
        }
      }
    });
  }
  it('a parallel split runs its tasks in a dynamic child pipeline: one job per planned task, then the merge job and every later job', () => {
    const c = targetCases().find((x) => x.name === 'parallel-split')!;
    const parent = jobsOf(pipelineOf(c));
    expect(Object.keys(parent)).toEqual([
      'decompose',
      'decompose child',
      'decompose pipeline',
      'gump-report before decompose',
    ]);
    expect(parent['decompose pipeline']!.trigger).toEqual({
      include: [{ artifact: '.gump-ci/child/decompose.yml', job: 'decompose child' }],
      strategy: 'depend',
      forward: { pipeline_variables: true },
    });
    const [child] = childrenOf(c);
    expect(child!.path).toBe('.gitlab/gump/parallel-split/decompose.yml');
    for (const n of [0, 1, 3, 60]) {
      const tasks = Array.from({ length: n }, (_, i) => `task-${i}`);
      const config = parse(
        childPipeline({ split: 'decompose', config: child!.text, template: child!.template, tasks }),
      ) as Pipeline;
      expect(gitlabSchemaErrors(config), `${n} tasks`).toEqual([]);
      const jobs = jobsOf(config);
      const taskJobs = Object.entries(jobs).filter(([id]) => id.startsWith('decompose/'));
      expect(taskJobs.map(([id]) => id)).toEqual(tasks.map((t) => `decompose/${t}`));
      taskJobs.forEach(([, j], i) =>
        expect(j).toEqual({ extends: '.gump-parallel-split-decompose-tasks', variables: { GUMP_TASK: String(i) } }),
      );
      // Only the first job reads the parent's artifacts; every later stage gets it from there, so no job lists more than GitLab's 50 needs.
      expect(jobs['decompose base']!.needs).toEqual([{ pipeline: '$GUMP_PARENT_PIPELINE_ID', job: 'decompose child' }]);
      expect(
        Object.entries(jobs)
          .filter(([, j]) => j.needs !== undefined)
          .map(([id]) => id),
      ).toEqual(['decompose base']);
      expect(Object.keys(jobs).filter((id) => !id.startsWith('decompose/'))).toEqual([
        'decompose base',
        'decompose merge',
        'quality',
        'gump-publish',
        'gump-report',
      ]);
    }
  });
  it('a sequential split runs its tasks in a dynamic child pipeline: a job and a stage per task in plan order, then the closing job and every later job', () => {
    const c = targetCases().find((x) => x.name === 'sequential-split')!;
    expect(Object.keys(jobsOf(pipelineOf(c)))).toEqual([
      'decompose',
      'decompose child',
      'decompose pipeline',
      'gump-report before decompose',
    ]);
    const [child] = childrenOf(c);
    expect(child).toMatchObject({ path: '.gitlab/gump/sequential-split/decompose.yml', sequential: true });
    for (const n of [0, 1, 3, 60]) {
      const tasks = Array.from({ length: n }, (_, i) => `task-${i}`);
      const config = parse(
        childPipeline({ split: 'decompose', config: child!.text, template: child!.template, tasks, sequential: true }),
      ) as Pipeline;
      expect(gitlabSchemaErrors(config), `${n} tasks`).toEqual([]);
      const stages = Array.from({ length: n }, (_, i) => `decompose task ${i + 1}`);
      expect(config.stages).toEqual([
        'decompose base',
        ...stages,
        'decompose end',
        'quality',
        'gump-publish',
        'report',
      ]);
      const jobs = jobsOf(config);
      const taskJobs = Object.entries(jobs).filter(([id]) => id.startsWith('decompose/'));
      expect(taskJobs.map(([id]) => id)).toEqual(tasks.map((t) => `decompose/${t}`));
      taskJobs.forEach(([, j], i) =>
        expect(j).toEqual({
          extends: '.gump-sequential-split-decompose-tasks',
          stage: `decompose task ${i + 1}`,
          variables: { GUMP_TASK: String(i) },
        }),
      );
      const template = (config as Record<string, Job>)['.gump-sequential-split-decompose-tasks']!;
      expect(template.stage).toBeUndefined();
      // Task k runs unit slot-0-k, never the `last` slot: the closing job runs whatever is left.
      expect(template.variables).toMatchObject({ GUMP_UNIT: 'slot-0-' });
      expect(template.script).toContain(
        'export GUMP_UNIT="${GUMP_UNIT%-}-$GUMP_TASK" GUMP_SAVE="${GUMP_SAVE%-}-$GUMP_TASK" GUMP_SAVE_DIR="${GUMP_SAVE_DIR%-}-$GUMP_TASK"',
      );
      // Stages, not needs: only the first job reads the parent's state, whatever the task count (GitLab's 50).
      expect(
        Object.entries(jobs)
          .filter(([, j]) => j.needs !== undefined)
          .map(([id, j]) => [id, j.needs]),
      ).toEqual([['decompose base', [{ pipeline: '$GUMP_PARENT_PIPELINE_ID', job: 'decompose child' }]]]);
      expect(Object.keys(jobs).filter((id) => !id.startsWith('decompose/'))).toEqual([
        'decompose base',
        'decompose end',
        'quality',
        'gump-publish',
        'gump-report',
      ]);
      expect(jobs['decompose end']!.variables).toMatchObject({ GUMP_UNIT: 'step-0' });
    }
  });
  it('with one task slot (the last) a sequential split\u2019s task jobs still run one task each: unit slot-<i>-<k>, never last', () => {
    const c = targetCases().find((x) => x.name === 'sequential-split')!;
    const one = { ...c, files: { ...c.files, 'gump.toml': '[ci]\ntask_slots = 1\n' } };
    const [child] = childrenOf(one);
    const template = (parse(child!.text) as Record<string, Job>)[child!.template]!;
    expect(template.variables).toMatchObject({ GUMP_UNIT: 'slot-0-', GUMP_SAVE: 'decompose tasks-' });
    expect(Object.keys(jobsOf(pipelineOf(one)))).toEqual([
      'decompose',
      'decompose child',
      'decompose pipeline',
      'gump-report before decompose',
    ]);
  });
  it('a sequential split after a parallel one is a grandchild; a third split keeps task slots', () => {
    const grand = childrenOf(targetCases().find((x) => x.name === 'sequential-grandchild')!);
    expect(grand.map((ch) => [ch.path, ch.sequential])).toEqual([
      ['.gitlab/gump/sequential-grandchild/decompose.yml', false],
      ['.gitlab/gump/sequential-grandchild/refine.yml', true],
    ]);
    expect(jobsOf(parse(grand[1]!.text) as Pipeline)['refine base']!.needs).toEqual([
      { pipeline: '$GUMP_PARENT_PIPELINE_ID_2', job: 'refine child' },
    ]);
    const deep = childrenOf(targetCases().find((x) => x.name === 'split-depth-fallback')!);
    expect(deep.map((ch) => [ch.split, ch.sequential])).toEqual([
      ['one', true],
      ['two', false],
    ]);
    const second = jobsOf(parse(deep[1]!.text) as Pipeline);
    expect(Object.keys(second).filter((id) => id.startsWith('three'))).toEqual([
      'three',
      'three task 1',
      'three task 2',
      'three end',
    ]);
    expect(second['three task 2']!.variables).toMatchObject({ GUMP_UNIT: 'slot-2-1-last' });
  });
  it('a sequential split whose tasks can wait at an approval point keeps its task slots and their approval jobs', () => {
    const c = targetCases().find((x) => x.name === 'sequential-grandchild')!;
    const path = '.gump/workflows/sequential-grandchild.yaml';
    const hitl = {
      ...c,
      files: {
        ...c.files,
        [path]: c.files[path]!.replace(
          '        gate: [compile]\n  - name: quality',
          '        hitl: before_gate\n        gate: [compile]\n  - name: quality',
        ),
      },
    };
    expect(hitl.files[path]).not.toBe(c.files[path]);
    const children = childrenOf(hitl);
    expect(children.map((ch) => ch.split)).toEqual(['decompose']);
    const jobs = Object.keys(jobsOf(parse(children[0]!.text) as Pipeline));
    expect(jobs).toContain('refine task 1-approve-1');
    expect(jobs).toContain('refine task 2');
    expect(jobs).toContain('refine end');
    for (const { label, pipeline } of everyPipeline(hitl, ['a', 'b']))
      expect(gitlabSchemaErrors(pipeline), label).toEqual([]);
  });
  it('child pipelines nest two levels deep: a third parallel split keeps parallel: legs (at least GitLab’s 2)', () => {
    const c = targetCases().find((x) => x.name === 'parallel-split')!;
    const workflow = c.files['.gump/workflows/parallel-split.yaml']!;
    const split = workflow.slice(workflow.indexOf('  - name: decompose'), workflow.indexOf('  - name: quality'));
    const three = workflow.replace(
      split,
      ['one', 'two', 'three'].map((n) => split.replace('name: decompose', `name: ${n}`)).join(''),
    );
    const toml = c.files['gump.toml']!.replace('[ci]', '[ci]\ntask_slots = 1');
    const deep = { ...c, files: { ...c.files, '.gump/workflows/parallel-split.yaml': three, 'gump.toml': toml } };
    const children = childrenOf(deep);
    expect(children.map((ch) => ch.path)).toEqual([
      '.gitlab/gump/parallel-split/one.yml',
      '.gitlab/gump/parallel-split/two.yml',
    ]);
    const second = jobsOf(parse(children[1]!.text) as Pipeline);
    expect(second['two base']!.needs).toEqual([{ pipeline: '$GUMP_PARENT_PIPELINE_ID_2', job: 'two child' }]);
    expect(second['three tasks']!.parallel).toBe(2);
    expect(jobsOf(parse(children[0]!.text) as Pipeline)['two pipeline']!.variables).toEqual({
      GUMP_PARENT_PIPELINE_ID_2: '$CI_PIPELINE_ID',
    });
    for (const { label, pipeline } of everyPipeline(deep, ['a', 'b']))
      expect(gitlabSchemaErrors(pipeline), label).toEqual([]);
  });
  it('the pipeline file starts with a spec: inputs: header whose inputs are its variables\u2019 defaults', () => {
    for (const c of targetCases()) {
      const [header, pipeline] = documentsOf(c);
      expect(gitlabSchemaErrors(header), c.name).toEqual([]);
      const inputs = (header.spec as { inputs: Record<string, { default: string }> }).inputs;
      expect(Object.keys(inputs)).toEqual(['spec', 'stub', 'inputs']);
      for (const i of Object.values(inputs)) expect(typeof i.default).toBe('string');
      expect(pipeline.variables).toMatchObject({
        GUMP_SPEC: { value: '$[[ inputs.spec ]]' },
        GUMP_STUB: { value: '$[[ inputs.stub ]]' },
        GUMP_INPUTS: { value: '$[[ inputs.inputs ]]' },
      });
    }
  });
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
      for (const [id, job] of everyPipeline(c, ['a']).flatMap((p) =>
        Object.entries({ ...jobsOf(p.pipeline), ...hiddenTasks(p.pipeline) }),
      )) {
        if (job.trigger || !job.script) continue;
        const unset = job.script?.find((l) => l.startsWith('unset ')) ?? '';
        if (id !== 'gump-publish' && !id.endsWith('-share'))
          expect(unset, `${c.name} ${id}`).toContain('GUMP_PUSH_TOKEN');
        if (!job.script?.some((l) => l.startsWith('gump_install ')))
          expect(unset, `${c.name} ${id}`).toContain('ANTHROPIC_API_KEY');
      }
    }
  });
  it('gump.toml [ci] image replaces the default image (node:<node_version>-bookworm)', () => {
    const c = targetCases().find((x) => x.name === 'single-step')!;
    expect(pipelineOf(c)['.gump-single-step']).toMatchObject({ image: 'node:22-bookworm' });
    const custom = pipelineOf({
      ...c,
      files: { ...c.files, 'gump.toml': '[ci]\nimage = "registry.example.com/node:22-git"\n' },
    });
    expect(custom['.gump-single-step']).toMatchObject({ image: 'registry.example.com/node:22-git' });
    expect(gitlabSchemaErrors(custom)).toEqual([]);
  });
  it('the validator reports a broken pipeline', () => {
    expect(gitlabSchemaErrors({ job: { script: 'x', when: 'sometimes', parallel: 500 } }).length).toBeGreaterThan(0);
  });
});
