// GitLab target entry: Plan → `.gitlab/gump/<name>.yml`. The job graph is the shared one
// (targets/ci); this maps it to a pipeline object and serialises it with the one YAML serialiser.

import type { Plan } from '../../protocol/plan.js';
import { buildGraph } from '../ci/build-graph.js';
import { generatedHeader } from '../ci/header.js';
import type { CiOptions } from '../ci/options.js';
import { toYaml } from '../ci/yaml.js';
import { GITLAB_TASK_STAGES } from '../../protocol/runtime-cli.js';
import { emitPipelines, TASK_STAGES_SENTINEL } from './emit-pipeline.js';
import { specInputs } from './rules.js';

export interface EmittedFile {
  path: string;
  text: string;
}

const REGENERATE = 'npx gump compile --target gitlab';

export function pipelineFile(name: string): string {
  return `.gitlab/gump/${name}.yml`;
}

/** The folder of a workflow's compiled child pipeline files (`childFile`). */
export function childDir(name: string): string {
  return `.gitlab/gump/${name}`;
}

/**
 * The pipeline of one plan, then the compiled child file of every split that runs as a dynamic
 * child pipeline (a sequential split's with the marker line of its task stages); `name` is the workflow's file name without extension; `image`: gump.toml
 * `[ci] image`.
 */
export function emitGitlab(plan: Plan, name: string, o: CiOptions, image?: string): EmittedFile[] {
  const graph = buildGraph(plan, o, 'gitlab');
  const header = generatedHeader(
    { source: plan.source.path, sha256: plan.source.sha256, compiler: plan.compiler },
    REGENERATE,
  );
  const { parent, children } = emitPipelines(graph, name, o, image);
  return [
    // A `spec:` header (its own YAML document), then the pipeline.
    {
      path: pipelineFile(name),
      text: `${toYaml({ spec: { inputs: specInputs(graph) } }, header)}---\n${toYaml(parent)}`,
    },
    ...children.map(({ child, config }) => {
      const text = toYaml(config, [
        ...header,
        `The child pipeline of the ${child.sequential ? 'sequential' : 'parallel'} split ${child.split} (depth ${child.depth}), triggered from ${child.depth === 1 ? pipelineFile(name) : 'its parent child pipeline'}:`,
        `when the pipeline runs, \`gump-runtime gitlab-child\` writes this file plus one job per planned task`,
        child.sequential
          ? `(extending ${child.template}), each in its own stage, as the configuration it triggers.`
          : `(extending ${child.template}) as the configuration it triggers.`,
      ]);
      return { path: child.path, text: child.sequential ? taskStagesMarked(text) : text };
    }),
  ];
}

/** The sentinel stage's line becomes the comment line gitlab-child replaces with the task stages. */
function taskStagesMarked(text: string): string {
  const line = `\n  - '${TASK_STAGES_SENTINEL}'\n`;
  const at = text.indexOf(line);
  if (at < 0 || text.indexOf(line, at + 1) >= 0)
    throw new Error(`internal: no single task-stages sentinel (${line.trim()})`);
  return `${text.slice(0, at)}\n${GITLAB_TASK_STAGES}\n${text.slice(at + line.length)}`;
}
