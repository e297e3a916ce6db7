// Parse phase: the value of one step key → its typed StepAst field (language.md §4.3). A value of
// the wrong shape is reported at its key (§19) and left out of the field; the key stays in `keys`.

import type { KeyInfo, PromptAst, SessionAst, StepAst, WorkflowRefAst } from './ast.js';
import { buildContextEntries } from './build-context.js';
import { buildGates } from './build-gate.js';
import { buildGuard } from './build-guard.js';
import { buildRetry } from './build-retry.js';
import type { BuildContext } from './build-step.js';
import { buildSteps } from './build-step.js';
import {
  buildAgent,
  buildInputs,
  checkValue,
  describeValue,
  keyInfo,
  templateOf,
  unquotedTemplate,
} from './build-values.js';
import { reportStrayKey } from './key-placement.js';
import { isMap, isScalar, type LNode, type LSeq } from './located.js';
import { boolean, hitl, RESERVED_STEP_NAMES, RESERVED_STEP_TYPES, stepName, stepType, worktree } from './schema.js';

export function buildField(step: StepAst, key: KeyInfo, ctx: BuildContext): void {
  const { out } = ctx;
  const v = key.value;
  switch (key.name) {
    case 'name': {
      if (isScalar(v) && v.value === null) out.report('GUMP013', step.span);
      else if (!isScalar(v) || typeof v.value !== 'string' || !stepName.safeParse(v.value).success) {
        out.report('GUMP102', key.keySpan, { value: describeValue(v) });
      } else if ((RESERVED_STEP_NAMES as readonly string[]).includes(v.value)) {
        out.report('GUMP103', key.keySpan, { name: v.value });
      } else step.name = { key, value: v.value };
      return;
    }
    case 'type': {
      const t = stepType.safeParse(isScalar(v) ? v.value : undefined);
      if (t.success) step.type = { key, value: t.data };
      else if (isScalar(v) && (RESERVED_STEP_TYPES as readonly string[]).includes(String(v.value)))
        out.report('GUMP202', key.keySpan, { value: describeValue(v) });
      else out.report('GUMP201', key.keySpan, { value: describeValue(v) });
      return;
    }
    case 'prompt': {
      const p = buildPrompt(v);
      if (p) step.prompt = { key, value: p };
      else reportPrompt(key, ctx);
      return;
    }
    case 'context': {
      const list = expectList(key, ctx);
      if (list) step.context = { key, value: buildContextEntries(list, ctx) };
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
    case 'workflow': {
      // `get.workflow` is a GET workflow (§7.3); only a step-level `workflow:` makes a call.
      const ref = workflowRef(key, ctx);
      if (ref) step[key.place === 'get' ? 'getWorkflow' : 'workflow'] = { key, value: ref };
      return;
    }
    case 'agent': {
      const a = buildAgent(key, out);
      if (a) step.agent = a;
      return;
    }
    case 'guard': {
      if (!isMap(v))
        out.report('GUMP018', key.keySpan, { key: 'guard', expected: 'a mapping', value: describeValue(v) });
      else step.guard = { key, value: buildGuard(key, v, out) };
      return;
    }
    case 'hitl': {
      const h = checkValue(hitl, key, 'GUMP208', out);
      if (h) step.hitl = h;
      return;
    }
    case 'gate': {
      const list = expectList(key, ctx);
      if (list) step.gate = { key, value: buildGates(list, out) };
      return;
    }
    case 'retry': {
      const list = expectList(key, ctx);
      if (list) step.retry = { key, value: buildRetry(list, out) };
      return;
    }
    case 'each':
    case 'steps': {
      const list = expectList(key, ctx);
      if (list) step[key.name] = { key, value: buildSteps(list, ctx) };
      return;
    }
    case 'parallel': {
      const p = checkValue(boolean, key, 'GUMP209', out);
      if (p) step.parallel = p;
      return;
    }
    case 'with': {
      if (!isMap(v))
        out.report('GUMP018', key.keySpan, { key: 'with', expected: 'a mapping', value: describeValue(v) });
      else step.with = { key, value: buildInputs(v, key.place, out) };
      return;
    }
  }
}

/** A list value; a missing value (`gate:`) is an empty list, left to the checker's rules. */
function expectList(key: KeyInfo, ctx: BuildContext): LSeq | undefined {
  const v = key.value;
  if (v.kind === 'seq') return v;
  if (isScalar(v) && v.value === null) return { kind: 'seq', flow: true, items: [], span: v.span };
  ctx.out.report('GUMP018', key.keySpan, { key: key.name, expected: 'a list', value: describeValue(v) }, listHint(key));
  return undefined;
}

function listHint(key: KeyInfo): { hint?: string } {
  const v = key.value;
  if (key.name === 'gate' && isScalar(v) && typeof v.value === 'string')
    return { hint: `write a list, even for one gate: gate: [${v.value}]` };
  return {};
}

function buildPrompt(v: LNode): PromptAst | undefined {
  if (isScalar(v) && typeof v.value === 'string') return { kind: 'inline', template: templateOf(v, v.value) };
  if (isScalar(v) && typeof v.value === 'number') return { kind: 'inline', template: templateOf(v, String(v.value)) };
  if (isMap(v) && v.pairs.length === 1 && v.pairs[0]!.key.value === 'file') {
    const f = v.pairs[0]!.value;
    if (isScalar(f) && typeof f.value === 'string' && f.value.trim() !== '')
      return { kind: 'file', path: f.value.trim(), span: f.span };
  }
  return undefined;
}

/** GUMP220, with the quoted form when the value is an unquoted `{spec}` (never GUMP510 for prompt). */
function reportPrompt(key: KeyInfo, ctx: BuildContext): void {
  const unquoted = unquotedTemplate(key.value);
  const hint =
    isMap(key.value) && key.value.pairs.some((p) => p.key.value === 'file')
      ? 'write prompt: { file: <path> } with a non-empty path and no other key'
      : unquoted !== undefined
        ? `an unquoted ${unquoted} is a YAML mapping; quote it: prompt: "${unquoted}"`
        : undefined;
  ctx.out.report('GUMP220', key.keySpan, { value: describeValue(key.value) }, hint === undefined ? {} : { hint });
}

/** `new` or `{from: <step>}` (§10); other keys of the mapping are GUMP008. */
function buildSession(key: KeyInfo, ctx: BuildContext): SessionAst | undefined {
  const v = key.value;
  if (isScalar(v) && v.value === 'new') return { kind: 'new' };
  if (isMap(v)) {
    let from: SessionAst | undefined;
    let stray = false;
    v.pairs.forEach((p, i) => {
      const k = keyInfo(v, i, key.place);
      if (k.name !== 'from') {
        stray = true;
        reportStrayKey(k, 'session', ['from'], ctx.out);
      } else if (isScalar(p.value) && typeof p.value.value === 'string' && p.value.value.trim() !== '') {
        from = { kind: 'from', step: p.value.value.trim(), span: p.value.span };
      }
    });
    if (from) return from;
    if (stray) return undefined;
  }
  ctx.out.report('GUMP207', key.keySpan, { value: describeValue(v) });
  return undefined;
}

/** A workflow reference as written; an empty one is kept (GUMP120 is the checker's). */
function workflowRef(key: KeyInfo, ctx: BuildContext): WorkflowRefAst | undefined {
  const v = key.value;
  if (!isScalar(v)) {
    ctx.out.report('GUMP018', key.keySpan, {
      key: 'workflow',
      expected: 'a workflow reference',
      value: describeValue(v),
    });
    return undefined;
  }
  const ref = v.value === null ? '' : String(v.value).trim();
  return { ref, span: v.span.endOffset > v.span.offset ? v.span : key.keySpan };
}
