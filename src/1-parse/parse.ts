// Parse phase entry: source text → WorkflowAst (or null when the YAML itself is broken).

import type { Collector } from '../diagnostics/diagnostic.js';
import type { WorkflowAst } from './ast.js';
import { buildWorkflow } from './build-workflow.js';
import { parseYaml } from './parse-yaml.js';

export function parseWorkflow(file: string, text: string, out: Collector): WorkflowAst | null {
  const { source, root } = parseYaml(text, out);
  if (root?.kind !== 'map') return null;
  return buildWorkflow(file, root, source, out);
}
