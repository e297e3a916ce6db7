// Parse phase: one step mapping → StepAst (language.md §4.1). Sorts keys into step level and the
// `get:`/`run:` blocks (GUMP008/009/014/015/016/017), then builds every value (build-field.ts).

import type { Collector } from '../diagnostics/diagnostic.js';
import type { KeyInfo, StepAst } from './ast.js';
import { buildField } from './build-field.js';
import { buildInputs, describeValue, keyInfo } from './build-values.js';
import { deprecatedStepKey, DEPRECATED_STEP_KEYS } from './deprecations.js';
import { reportStrayKey } from './key-placement.js';
import { isMap, type LMap, type LSeq } from './located.js';
import { GET_KEYS, RUN_KEYS, STEP_KEYS, STEP_ONLY_KEYS } from './schema.js';
import type { SourceText } from './source-map.js';

export interface BuildContext {
  out: Collector;
  source: SourceText;
}

/** Keys of a `get:` block that stay step settings even beside a GET `workflow` (§7.3). */
const GET_SETTINGS = ['prompt', 'context', 'worktree', 'session'];
const STEP_AND_BLOCKS = [...STEP_KEYS, 'get', 'run'];

export function buildSteps(list: LSeq, ctx: BuildContext): StepAst[] {
  const steps: StepAst[] = [];
  for (const item of list.items) {
    if (!isMap(item)) {
      ctx.out.report('GUMP012', item.span, { value: describeValue(item) });
      continue;
    }
    steps.push(buildStep(item, ctx));
  }
  return steps;
}

export function buildStep(node: LMap, ctx: BuildContext): StepAst {
  const { out } = ctx;
  const step: StepAst = { node, span: node.span, keys: new Map(), getInputs: [], deprecated: [] };
  const stepLevel = new Map<string, KeyInfo>();

  node.pairs.forEach((_, i) => {
    const key = keyInfo(node, i, 'step');
    if (key.name === 'get' || key.name === 'run') {
      if (!isMap(key.value)) out.report('GUMP016', key.keySpan, { key: key.name, value: describeValue(key.value) });
      if (key.name === 'get') step.getBlock = key;
      else step.runBlock = key;
    } else if ((STEP_KEYS as readonly string[]).includes(key.name)) stepLevel.set(key.name, key);
    else if ((DEPRECATED_STEP_KEYS as readonly string[]).includes(key.name)) {
      step.deprecated.push(key);
      deprecatedStepKey(key, node, ctx);
    } else if (key.name === 'validate') out.report('GUMP017', key.keySpan);
    else reportStrayKey(key, 'step', STEP_AND_BLOCKS, out);
  });

  const fromGet = readGetBlock(step, ctx);
  const fromRun = readRunBlock(step, ctx);
  mergeBlock(step, stepLevel, fromGet, step.getBlock, GET_SETTINGS, 'get', out);
  mergeBlock(step, stepLevel, fromRun, step.runBlock, RUN_KEYS, 'run', out);
  for (const [name, key] of stepLevel) if (!step.keys.has(name)) step.keys.set(name, key);

  for (const key of step.keys.values()) buildField(step, key, ctx);
  if (!step.keys.has('name')) out.report('GUMP013', step.span);
  return step;
}

/** GUMP014/015: a block key also (or only) at step level, reported there. The block's value wins. */
function mergeBlock(
  step: StepAst,
  stepLevel: Map<string, KeyInfo>,
  fromBlock: Map<string, KeyInfo>,
  block: KeyInfo | undefined,
  blockKeys: readonly string[],
  blockName: 'get' | 'run',
  out: Collector,
): void {
  for (const [name, key] of fromBlock) {
    const outside = stepLevel.get(name);
    if (outside) {
      out.report(
        'GUMP014',
        outside.keySpan,
        { key: name, where: `${blockName}:` },
        { hint: `keep only the one under ${blockName}:` },
      );
      stepLevel.delete(name);
    }
    step.keys.set(name, key);
  }
  if (!block || !isMap(block.value)) return;
  for (const name of blockKeys) {
    const outside = stepLevel.get(name);
    if (!outside) continue;
    out.report(
      'GUMP015',
      outside.keySpan,
      { key: name, where: `${blockName}:` },
      {
        hint: `move "${name}:" under ${blockName}:, beside its other keys`,
      },
    );
    stepLevel.delete(name);
    step.keys.set(name, outside);
  }
}

/** Settings of a `get:` block; with a GET `workflow`, every other key is an input of it (§7.3). */
function readGetBlock(step: StepAst, ctx: BuildContext): Map<string, KeyInfo> {
  const found = new Map<string, KeyInfo>();
  const block = step.getBlock?.value;
  if (!block || !isMap(block)) return found;
  const hasWorkflow = block.pairs.some((p) => p.key.value === 'workflow');
  block.pairs.forEach((_, i) => {
    const key = keyInfo(block, i, 'get');
    if (GET_SETTINGS.includes(key.name)) found.set(key.name, key);
    else if (key.name === 'workflow') found.set('getWorkflow', key);
    else if ((STEP_ONLY_KEYS as readonly string[]).includes(key.name) || !hasWorkflow)
      reportStrayKey(key, 'get', GET_KEYS, ctx.out);
    else step.getInputs.push(...buildInputs({ ...block, pairs: [block.pairs[i]!] }, 'get', ctx.out));
  });
  return found;
}

function readRunBlock(step: StepAst, ctx: BuildContext): Map<string, KeyInfo> {
  const found = new Map<string, KeyInfo>();
  const block = step.runBlock?.value;
  if (!block || !isMap(block)) return found;
  block.pairs.forEach((_, i) => {
    const key = keyInfo(block, i, 'run');
    if (RUN_KEYS.includes(key.name)) found.set(key.name, key);
    else reportStrayKey(key, 'run', RUN_KEYS, ctx.out);
  });
  return found;
}
