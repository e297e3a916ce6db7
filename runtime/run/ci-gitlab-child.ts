// `gitlab-child` in a GitLab CI job (design.md "mapping": the planner's task list becomes a dynamic
// child pipeline): the child pipeline's configuration is the compiled child file of the split
// (`.gitlab/gump/<workflow>/<split>.yml`: the jobs after the split and a hidden task template)
// followed by one job per planned task that extends the template and sets `GUMP_TASK` (its index
// in plan order). A run that does not go on (waiting, failed, aborted) or a split that planned
// nothing gets no task job. Plain text appended to the compiled file: byte-for-byte deterministic,
// values JSON-quoted (valid YAML), nothing of a task but its validated name (`[A-Za-z0-9._-]+`).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Services } from '../exec/services.js';

/** GitLab's longest job name. */
const MAX_JOB_NAME = 255;

export interface GitlabChild {
  /** Static path of the parallel split. */
  split: string;
  /** The compiled child file's text. */
  config: string;
  /** The hidden job every task job extends. */
  template: string;
  /** Planned task names, plan order. */
  tasks: readonly string[];
}

/** A task's job: `<split>/<task>` (its step path prefix), or `<split> task <n>` when that is too long. */
export function taskJobName(split: string, task: string, i: number): string {
  const name = `${split}/${task}`;
  return name.length <= MAX_JOB_NAME ? name : `${split} task ${i + 1}`;
}

export function childPipeline(c: GitlabChild): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = [
    '',
    c.tasks.length === 0
      ? `# Added when the pipeline ran (gump-runtime gitlab-child): no task job, ${c.split} planned nothing to run here.`
      : `# Added when the pipeline ran (gump-runtime gitlab-child): one job per task ${c.split} planned, in plan order.`,
  ];
  c.tasks.forEach((task, i) => {
    lines.push(
      `${q(taskJobName(c.split, task, i))}:`,
      `  extends: ${q(c.template)}`,
      '  variables:',
      `    GUMP_TASK: ${q(String(i))}`,
    );
  });
  return `${c.config.replace(/\n*$/, '\n')}${lines.join('\n')}\n`;
}

/** The tasks of `split` when the restored run goes on into them; none otherwise. */
export function childTasks(svc: Services, split: string): string[] {
  const rec = svc.state.splits[split];
  if (svc.state.status !== 'running' || !rec || rec.pass === 0) return [];
  return rec.tasks.map((t) => t.name);
}

export interface GitlabChildArgs {
  split: string;
  /** Repository-relative compiled child file, read from the checkout. */
  config: string;
  template: string;
  out: string;
  worktree: string;
}

export function gitlabChildCommand(svc: Services, a: GitlabChildArgs): number {
  const text = childPipeline({
    split: a.split,
    config: readFileSync(join(a.worktree, a.config), 'utf8'),
    template: a.template,
    tasks: childTasks(svc, a.split),
  });
  const out = resolve(a.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return 0;
}
