// GitLab target: `gump graph --target gitlab` — the pipelines the target emits as a Mermaid
// flowchart: one subgraph per pipeline (the parent, then each dynamic child pipeline), its jobs in
// stage order (GitLab runs a stage after the one before it: edges join consecutive stages), a
// split's task jobs as one node (gitlab-child writes one job per planned task), the trigger job's
// edge into the child it starts and the child's first job reading the generating job's state.

import type { CiGraph } from '../ci/job-graph.js';
import type { CiOptions } from '../ci/options.js';
import { emitPipelines, TASK_STAGES_SENTINEL, type ChildSplit } from './emit-pipeline.js';
import { pipelineFile } from './emit.js';

type Obj = Record<string, unknown>;
type Job = { stage?: string; trigger?: unknown; parallel?: number; rules?: Obj[]; extends?: string };

interface Node {
  id: string;
  text: string;
  shape: 'job' | 'many' | 'manual' | 'trigger';
  when: 'on_success' | 'manual' | 'always';
}

const RESERVED = new Set(['workflow', 'stages', 'variables', 'default', 'include']);

export function renderGitlabGraph(graph: CiGraph, name: string, o: CiOptions): string {
  const { parent, children } = emitPipelines(graph, name, o);
  const titles = new Map(graph.jobs.map((j) => [j.id, j.title]));
  const pipelines: { config: Obj; from?: ChildSplit }[] = [
    { config: parent },
    ...children.map((c) => ({ config: c.config, from: c.child })),
  ];
  const lines = ['flowchart TD'];
  const edges: string[] = [];
  pipelines.forEach(({ config, from }, p) => {
    const node = (job: string): string => `p${p}_${job.replace(/[^A-Za-z0-9_]/g, '_')}`;
    const label = from
      ? `child pipeline of ${from.split} (depth ${from.depth}): ${from.path}`
      : `pipeline ${pipelineFile(name)}`;
    lines.push(`  subgraph p${p}["${quote(label)}"]`);
    const stages: Node[][] = (config.stages as string[]).map(() => []);
    const stageIndex = (stage: string | undefined): number => (config.stages as string[]).indexOf(stage ?? '');
    for (const [id, value] of Object.entries(config)) {
      if (RESERVED.has(id)) continue;
      const job = value as Job;
      if (id.startsWith('.')) {
        // A split's hidden task template: the task jobs gitlab-child writes, one per planned task.
        if (!from || id !== from.template) continue;
        const at = stageIndex(from.sequential ? TASK_STAGES_SENTINEL : job.stage);
        const text = `${from.split}/‹task› ×N<br/>${from.tasks.title.replace(/ · task.*$/, '')} · ${
          from.sequential ? 'one job per task, each in its own stage, in plan order' : 'one job per task, side by side'
        }`;
        stages[at]!.push({ id: node(`${from.split} tasks`), text, shape: 'many', when: 'on_success' });
        continue;
      }
      const when = (job.rules?.[0]?.when as Node['when'] | undefined) ?? 'on_success';
      const shape: Node['shape'] = job.trigger
        ? 'trigger'
        : when === 'manual'
          ? 'manual'
          : job.parallel
            ? 'many'
            : 'job';
      stages[stageIndex(job.stage)]!.push({
        id: node(id),
        text: `${id}<br/>${describe(id, job, titles, children)}`,
        shape,
        when,
      });
    }
    for (const n of stages.flat()) lines.push(`    ${n.id}${shaped(n)}`);
    lines.push('  end');
    const filled = stages.filter((s) => s.length > 0);
    for (let k = 1; k < filled.length; k++)
      for (const a of filled[k - 1]!)
        for (const b of filled[k]!)
          edges.push(
            `  ${a.id} ${b.when === 'manual' ? '-. manual .->' : b.when === 'always' ? '-. always .->' : '-->'} ${b.id}`,
          );
    if (from) {
      // Pipelines are in graph order: the child of depth d is the d-th, triggered from the one before.
      const up = from.depth - 1;
      const base = node(`${from.split} base`);
      const parentNode = (job: string): string => `p${up}_${job.replace(/[^A-Za-z0-9_]/g, '_')}`;
      edges.push(`  ${parentNode(`${from.split} pipeline`)} == trigger ==> ${base}`);
      edges.push(`  ${parentNode(`${from.split} child`)} -. needs: pipeline .-> ${base}`);
    }
  });
  return `${[...lines, ...edges].join('\n')}\n`;
}

/** What a job does: the graph job's title, or the job the GitLab target adds around a child pipeline. */
function describe(id: string, job: Job, titles: Map<string, string>, children: { child: ChildSplit }[]): string {
  const title = titles.get(id);
  if (title) return title;
  const split = children.find((c) => id.startsWith(`${c.child.split} `))?.child;
  if (split && id === `${split.split} child`) return `writes the child pipeline (gitlab-child)`;
  if (split && id === `${split.split} pipeline`) return `trigger: ${split.path} + the task jobs, strategy: depend`;
  if (split && id === `${split.split} base`) return 'the parent pipeline’s state (needs: pipeline)';
  const before = /^gump-report before (.+)$/.exec(id);
  if (before) return `report a run that ended before the child pipeline of ${before[1]}`;
  if (/-reject-\d+$/.test(id)) return 'reject the waiting run';
  return job.extends ?? '';
}

function shaped(n: Node): string {
  const text = quote(n.text);
  switch (n.shape) {
    case 'trigger':
      return `[/"${text}"/]`;
    case 'manual':
      return `{{"${text}"}}`;
    case 'many':
      return `[["${text}"]]`;
    default:
      return `["${text}"]`;
  }
}

function quote(s: string): string {
  return s.replace(/"/g, '#quot;');
}
