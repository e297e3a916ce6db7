// `gitlab-child` in a GitLab CI job (design.md "mapping": the planner's task list becomes a dynamic
// child pipeline): the child pipeline's configuration is the compiled child file of the split
// (`.gitlab/gump/<workflow>/<split>.yml`: the jobs after the split and a hidden task template)
// followed by one job per planned task that extends the template and sets `GUMP_TASK` (its index
// in plan order). A sequential split's task jobs run one after the other: each gets its own stage,
// written in plan order where the compiled file's marker line (GITLAB_TASK_STAGES) is, so each
// downloads the state of every task before it, as the parent's jobs do. A run that does not go on
// (waiting, failed, aborted) or a split that planned nothing gets no task job (and no task stage).
// Plain text substituted into and appended to the compiled file: byte-for-byte deterministic,
// values JSON-quoted (valid YAML), nothing of a task but its validated name (`[A-Za-z0-9._-]+`).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GITLAB_TASK_STAGES } from '../../protocol/runtime-cli.js';
import type { Services } from '../exec/services.js';
import { rootSteps } from './driver.js';

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
  /** A sequential split: one stage per task job, in plan order, at the marker line. */
  sequential?: boolean;
}

/** The stage of a sequential split's task `i` (0-based). */
export function taskStageName(split: string, i: number): string {
  return `${split} task ${i + 1}`;
}

/** A task's job: `<split>/<task>` (its step path prefix), or `<split> task <n>` when that is too long. */
export function taskJobName(split: string, task: string, i: number): string {
  const name = `${split}/${task}`;
  return name.length <= MAX_JOB_NAME ? name : `${split} task ${i + 1}`;
}

/** The compiled file has no (or more than one) marker line where a sequential split's task stages go. */
export class ChildConfigError extends Error {}

export function childPipeline(c: GitlabChild): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = [
    '',
    c.tasks.length === 0
      ? `# Added when the pipeline ran (gump-runtime gitlab-child): no task job, ${c.split} planned nothing to run here.`
      : `# Added when the pipeline ran (gump-runtime gitlab-child): one job per task ${c.split} planned, in plan order.`,
  ];
  c.tasks.forEach((task, i) => {
    lines.push(`${q(taskJobName(c.split, task, i))}:`, `  extends: ${q(c.template)}`);
    if (c.sequential) lines.push(`  stage: ${q(taskStageName(c.split, i))}`);
    lines.push('  variables:', `    GUMP_TASK: ${q(String(i))}`);
  });
  const config = c.sequential ? withTaskStages(c) : c.config;
  return `${config.replace(/\n*$/, '\n')}${lines.join('\n')}\n`;
}

/** The marker line of the compiled file replaced with the task stages, in plan order (none for no task). */
function withTaskStages(c: GitlabChild): string {
  const lines = c.config.split('\n');
  const at = lines.indexOf(GITLAB_TASK_STAGES);
  if (at < 0 || lines.indexOf(GITLAB_TASK_STAGES, at + 1) >= 0)
    throw new ChildConfigError(
      `the compiled child file of ${c.split} needs exactly one line ${JSON.stringify(GITLAB_TASK_STAGES)} in its stages (recompile: npx gump compile --target gitlab)`,
    );
  const stages = c.tasks.map((_, i) => `  - ${JSON.stringify(taskStageName(c.split, i))}`);
  return [...lines.slice(0, at), ...stages, ...lines.slice(at + 1)].join('\n');
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

/** Whether `split` is a sequential split of the plan's root workflow (its task jobs run in order). */
export function isSequentialSplit(svc: Services, split: string): boolean {
  const step = rootSteps(svc).find((s) => s.path === split);
  return step?.kind === 'agent' && step.type === 'split' && !step.parallel;
}

export function gitlabChildCommand(svc: Services, a: GitlabChildArgs): number {
  let text: string;
  try {
    text = childPipeline({
      split: a.split,
      config: readFileSync(join(a.worktree, a.config), 'utf8'),
      template: a.template,
      tasks: childTasks(svc, a.split),
      sequential: isSequentialSplit(svc, a.split),
    });
  } catch (e) {
    if (!(e instanceof ChildConfigError)) throw e;
    process.stderr.write(`gump-runtime: ${e.message}\n`);
    return 2;
  }
  const out = resolve(a.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return 0;
}
