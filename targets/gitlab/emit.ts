// GitLab target entry: Plan → `.gitlab/gump/<name>.yml`. The job graph is the shared one
// (targets/ci); this maps it to a pipeline object and serialises it with the one YAML serialiser.

import type { Plan } from '../../protocol/plan.js';
import { buildGraph } from '../ci/build-graph.js';
import { generatedHeader } from '../ci/header.js';
import type { CiOptions } from '../ci/options.js';
import { toYaml } from '../ci/yaml.js';
import { emitPipeline } from './emit-pipeline.js';

export interface EmittedFile {
  path: string;
  text: string;
}

const REGENERATE = 'npx gump compile --target gitlab';

export function pipelineFile(name: string): string {
  return `.gitlab/gump/${name}.yml`;
}

/** The pipeline of one plan; `name` is the workflow's file name without extension; `image`: gump.toml `[ci] image`. */
export function emitGitlab(plan: Plan, name: string, o: CiOptions, image?: string): EmittedFile {
  const graph = buildGraph(plan, o, 'gitlab');
  const header = generatedHeader({ source: plan.source.path, sha256: plan.source.sha256, compiler: plan.compiler }, REGENERATE);
  return { path: pipelineFile(name), text: toYaml(emitPipeline(graph, name, o, image), header) };
}
