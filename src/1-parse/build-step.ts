// Parse phase: one step mapping → StepAst (language.md §4). Sorts keys into step level and the
// `get:`/`run:` blocks (GUMP008/009/014/015/016/017), then builds every value.

import type { Collector } from '../diagnostics/diagnostic.js';
import type { ContextEntryAst, GuardAst, KeyInfo, PromptAst, SessionAst, StepAst } from './ast.js';
import { buildGates } from './build-gate.js';
import { buildRetry } from './build-retry.js';
import { buildAgent, buildInputs, checkValue, describeValue, keyInfo, reportUnknownKey, templateOf } from './build-values.js';
import { deprecatedStepKey, DEPRECATED_STEP_KEYS } from './deprecations.js';
import { isMap, isScalar, type LMap, type LNode, type LSeq } from './located.js';
import {
  boolean, duration, GET_KEYS, GUARD_KEYS, hitl, integerAtLeast, positiveNumber, RESERVED_STEP_NAMES,
  RESERVED_STEP_TYPES, RUN_KEYS, STEP_KEYS, STEP_ONLY_KEYS, stepName, stepType, worktree,
} from './schema.js';
import type { SourceText } from './source-map.js';

export interface BuildContext {
  out: Collector;
  source: SourceText;
}

const GET_SETTINGS = ['prompt', 'context', 'worktree', 'session'];
const RUN_SETTINGS = RUN_KEYS;

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
    else reportUnknownKey(key, 'step', [...STEP_KEYS, 'get', 'run'], out);
  });

  const fromGet = readGetBlock(step, ctx);
  const fromRun = readRunBlock(step, ctx);
  mergeBlock(step, stepLevel, fromGet, step.getBlock, GET_SETTINGS, 'get', out);
  mergeBlock(step, stepLevel, fromRun, step.runBlock, RUN_SETTINGS, 'run', out);
  for (const [name, key] of stepLevel) if (!step.keys.has(name)) step.keys.set(name, key);

  for (const key of step.keys.values()) buildField(step, key, ctx);
  if (!step.keys.has('name')) out.report('GUMP013', step.span);
  return step;
}

/** GUMP014/015: a block key also (or only) at step level. The block's value wins. */
function mergeBlock(
  step: StepAst,
  stepLevel: Map<string, KeyInfo>,
  fromBlock: Map<string, KeyInfo>,
  block: KeyInfo | undefined,
  blockKeys: readonly string[],
  blockName: string,
  out: Collector,
): void {
  for (const [name, key] of fromBlock) {
    const outside = stepLevel.get(name);
    if (outside) {
      out.report('GUMP014', outside.keySpan, { key: name, where: `${blockName}:` });
      stepLevel.delete(name);
    }
    step.keys.set(name, key);
  }
  if (!block || !isMap(block.value)) return;
  for (const name of blockKeys) {
    const outside = stepLevel.get(name);
    if (!outside) continue;
    out.report('GUMP015', outside.keySpan, { key: name, where: `${blockName}:` }, {
      hint: `move "${name}:" under "${blockName}:" (indent it below the ${blockName}: block, beside its other keys)`,
    });
    stepLevel.delete(name);
    step.keys.set(name, outside);
  }
}

function readGetBlock(step: StepAst, ctx: BuildContext): Map<string, KeyInfo> {
  const found = new Map<string, KeyInfo>();
  const block = step.getBlock?.value;
  if (!block || !isMap(block)) return found;
  const hasWorkflow = block.pairs.some((p) => p.key.value === 'workflow');
  block.pairs.forEach((p, i) => {
    const key = keyInfo(block, i, 'get');
    if (GET_SETTINGS.includes(key.name)) found.set(key.name, key);
    else if (key.name === 'workflow') found.set('getWorkflow', key);
    else if ((STEP_ONLY_KEYS as readonly string[]).includes(key.name)) {
      ctx.out.report('GUMP009', key.keySpan, { key: key.name, where: 'get:' }, { hint: `"${key.name}" belongs on the step itself` });
    } else if (hasWorkflow) step.getInputs.push(...buildInputs({ ...block, pairs: [p] }, 'get', ctx.out));
    else if (RUN_SETTINGS.includes(key.name)) {
      ctx.out.report('GUMP009', key.keySpan, { key: key.name, where: 'get:' }, { hint: `"${key.name}" belongs under run:` });
    } else reportUnknownKey(key, 'get block', GET_KEYS, ctx.out);
  });
  return found;
}

function readRunBlock(step: StepAst, ctx: BuildContext): Map<string, KeyInfo> {
  const found = new Map<string, KeyInfo>();
  const block = step.runBlock?.value;
  if (!block || !isMap(block)) return found;
  block.pairs.forEach((_, i) => {
    const key = keyInfo(block, i, 'run');
    if (RUN_SETTINGS.includes(key.name)) found.set(key.name, key);
    else if (GET_KEYS.includes(key.name)) {
      ctx.out.report('GUMP009', key.keySpan, { key: key.name, where: 'run:' }, { hint: `"${key.name}" belongs under get:` });
    } else if ((STEP_KEYS as readonly string[]).includes(key.name)) {
      ctx.out.report('GUMP009', key.keySpan, { key: key.name, where: 'run:' }, { hint: `"${key.name}" belongs on the step itself` });
    } else reportUnknownKey(key, 'run block', RUN_KEYS, ctx.out);
  });
  return found;
}

function buildField(step: StepAst, key: KeyInfo, ctx: BuildContext): void {
  const { out } = ctx;
  const v = key.value;
  switch (key.name) {
    case 'name': {
      if (!isScalar(v) || typeof v.value !== 'string' || !stepName.safeParse(v.value).success) {
        out.report('GUMP102', key.keySpan, { value: describeValue(v) });
      } else if ((RESERVED_STEP_NAMES as readonly string[]).includes(v.value)) {
        out.report('GUMP103', key.keySpan, { name: v.value });
      } else step.name = { key, value: v.value };
      return;
    }
    case 'type': {
      const t = stepType.safeParse(isScalar(v) ? v.value : undefined);
      if (t.success) step.type = { key, value: t.data };
      else if (isScalar(v) && (RESERVED_STEP_TYPES as readonly string[]).includes(String(v.value))) out.report('GUMP202', key.keySpan, { value: String(v.value) });
      else out.report('GUMP201', key.keySpan, { value: describeValue(v) });
      return;
    }
    case 'prompt': {
      const p = buildPrompt(v);
      if (p) step.prompt = { key, value: p };
      else out.report('GUMP220', key.keySpan, { value: describeValue(v) });
      return;
    }
    case 'context': {
      const list = expectList(key, out);
      if (list) step.context = { key, value: buildContext(list, ctx) };
      return;
    }
    case 'worktree': {
      const w = checkValue(worktree, key, 'GUMP206', out);
      if (w) step.worktree = w;
      return;
    }
    case 'session': {
      const s = buildSession(key, ctx);
      if (s) step.session = { key, value: s };
      return;
    }
    case 'getWorkflow':
      step.getWorkflow = { key, value: { ref: isScalar(v) && v.value !== null ? String(v.value).trim() : '', span: v.span.endOffset > v.span.offset ? v.span : key.keySpan } };
      return;
    case 'workflow':
      step.workflow = { key, value: { ref: isScalar(v) && v.value !== null ? String(v.value).trim() : '', span: v.span.endOffset > v.span.offset ? v.span : key.keySpan } };
      return;
    case 'agent': {
      const a = buildAgent(key, out);
      if (a) step.agent = a;
      return;
    }
    case 'guard': {
      if (!isMap(v)) {
        out.report('GUMP018', key.keySpan, { key: 'guard', expected: 'a mapping', value: describeValue(v) });
        return;
      }
      step.guard = { key, value: buildGuard(key, v, out) };
      return;
    }
    case 'hitl': {
      const h = checkValue(hitl, key, 'GUMP208', out);
      if (h) step.hitl = h;
      return;
    }
    case 'gate': {
      const list = expectList(key, out);
      if (list) step.gate = { key, value: buildGates(list, out) };
      return;
    }
    case 'retry': {
      const list = expectList(key, out);
      if (list) step.retry = { key, value: buildRetry(list, out) };
      return;
    }
    case 'each':
    case 'steps': {
      const list = expectList(key, out);
      if (list) step[key.name] = { key, value: buildSteps(list, ctx) };
      return;
    }
    case 'parallel': {
      const p = checkValue(boolean, key, 'GUMP209', out);
      if (p) step.parallel = p;
      return;
    }
    case 'with': {
      if (!isMap(v)) {
        out.report('GUMP018', key.keySpan, { key: 'with', expected: 'a mapping', value: describeValue(v) });
        return;
      }
      step.with = { key, value: buildInputs(v, key.place, out) };
      return;
    }
  }
}

function expectList(key: KeyInfo, out: Collector): LSeq | undefined {
  const v = key.value;
  if (v.kind === 'seq') return v;
  if (isScalar(v) && v.value === null) return { kind: 'seq', flow: true, items: [], span: v.span };
  out.report('GUMP018', key.keySpan, { key: key.name, expected: 'a list', value: describeValue(v) });
  return undefined;
}

function buildPrompt(v: LNode): PromptAst | undefined {
  if (isScalar(v) && typeof v.value === 'string') return { kind: 'inline', template: templateOf(v, v.value) };
  if (isScalar(v) && (typeof v.value === 'number' || typeof v.value === 'boolean')) return { kind: 'inline', template: templateOf(v, String(v.value)) };
  if (isMap(v) && v.pairs.length === 1 && v.pairs[0]!.key.value === 'file') {
    const f = v.pairs[0]!.value;
    if (isScalar(f) && typeof f.value === 'string' && f.value.trim() !== '') return { kind: 'file', path: f.value.trim(), span: f.span };
  }
  return undefined;
}

function buildContext(list: LSeq, ctx: BuildContext): ContextEntryAst[] {
  const entries: ContextEntryAst[] = [];
  for (const item of list.items) {
    if (isScalar(item) && (item.value === null || item.value === '')) {
      ctx.out.report('GUMP019', item.span, { where: 'context' });
      continue;
    }
    if (!isMap(item)) {
      ctx.out.report('GUMP222', item.span, { value: describeValue(item) });
      continue;
    }
    if (item.pairs.length === 0) {
      ctx.out.report('GUMP019', item.span, { where: 'context' });
      continue;
    }
    const kinds = item.pairs.filter((p) => p.key.value === 'file' || p.key.value === 'bash');
    if (kinds.length !== 1) {
      ctx.out.report('GUMP222', item.span, { value: describeValue(item) });
      continue;
    }
    item.pairs.forEach((p, i) => {
      if (p !== kinds[0]) reportUnknownKey(keyInfo(item, i, 'step'), 'context entry', ['file', 'bash'], ctx.out);
    });
    const kp = kinds[0]!;
    const val = kp.value;
    if (!isScalar(val) || val.value === null || String(val.value).trim() === '') {
      ctx.out.report('GUMP222', item.span, { value: describeValue(item) });
      continue;
    }
    if (kp.key.value === 'file') entries.push({ kind: 'file', path: templateOf(val, String(val.value)), span: item.span });
    else entries.push({ kind: 'bash', command: String(val.value), span: item.span });
  }
  return entries;
}

function buildSession(key: KeyInfo, ctx: BuildContext): SessionAst | undefined {
  const v = key.value;
  if (isScalar(v) && v.value === 'new') return { kind: 'new' };
  if (isMap(v)) {
    let from: SessionAst | undefined;
    let unknown = false;
    v.pairs.forEach((p, i) => {
      const k = keyInfo(v, i, key.place);
      if (k.name === 'from') {
        if (isScalar(p.value) && typeof p.value.value === 'string' && p.value.value.trim() !== '') {
          from = { kind: 'from', step: p.value.value.trim(), span: p.value.span };
        }
      } else {
        unknown = true;
        reportUnknownKey(k, 'session', ['from'], ctx.out);
      }
    });
    if (from) return from;
    if (unknown) return undefined;
  }
  ctx.out.report('GUMP207', key.keySpan, { value: describeValue(v) });
  return undefined;
}

function buildGuard(key: KeyInfo, map: LMap, out: Collector): GuardAst {
  const guard: GuardAst = { span: map.span };
  let timeKey: KeyInfo | undefined;
  map.pairs.forEach((_, i) => {
    const k = keyInfo(map, i, key.place);
    switch (k.name) {
      case 'max_turns': {
        const f = checkValue(integerAtLeast(1), k, 'GUMP205', out, { expected: 'an integer ≥ 1' });
        if (f) guard.maxTurns = f;
        break;
      }
      case 'max_tokens': {
        const f = checkValue(integerAtLeast(1), k, 'GUMP205', out, { expected: 'an integer ≥ 1' });
        if (f) guard.maxTokens = f;
        break;
      }
      case 'max_time':
      case 'timeout': {
        if (timeKey) {
          out.report('GUMP224', key.keySpan);
          break;
        }
        timeKey = k;
        const f = checkValue(duration, k, 'GUMP203', out);
        if (f) guard.maxTime = f;
        break;
      }
      case 'max_budget': {
        const f = checkValue(positiveNumber, k, 'GUMP204', out);
        if (f) guard.maxBudget = f;
        break;
      }
      case 'no_write': {
        const f = checkValue(boolean, k, 'GUMP209', out);
        if (f) guard.noWrite = f;
        break;
      }
      default:
        reportUnknownKey(k, 'guard', GUARD_KEYS, out);
    }
  });
  return guard;
}
