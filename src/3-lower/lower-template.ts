// Lower phase: a template of the AST → a Plan template whose references are already bound
// (language.md §14): reserved values, inputs, task fields, the step's previous attempt, or a
// state key relative to the workflow frame (§15.1).

import type { TemplateAst } from '../1-parse/ast.js';
import { parseTemplate } from '../1-parse/template.js';
import { effectiveBinding, type Binding } from '../2-check/bind-reference.js';
import type { BoundSite } from '../2-check/template-sites.js';
import type { Bindable } from '../2-check/scope-lookup.js';
import type { StateRef, Template, TemplatePart, TemplateRef } from '../../protocol/plan.js';

export type TemplateLowerer = (site: BoundSite) => Template;

/** A site's template with the bindings the check phase computed (the k-th reference, the k-th binding). */
export const lowerBoundTemplate: TemplateLowerer = (site) => {
  let k = 0;
  return lowerTemplate(site.template, (ref) => {
    const b = site.bindings[k++];
    return b === undefined ? undefined : toPlanRef(ref.text, effectiveBinding(b));
  });
};

/** A template with no step context (literal agents, plain text). */
export function literalTemplate(text: string): Template {
  return { text, parts: text === '' ? [] : [text] };
}

function lowerTemplate(
  tpl: TemplateAst | { text: string },
  refOf: (r: { text: string }) => TemplateRef | undefined,
): Template {
  const parts: TemplatePart[] = [];
  for (const part of parseTemplate(tpl.text).parts) {
    if (part.kind === 'text') push(parts, part.text);
    else {
      const ref = refOf({ text: part.ref });
      // A reference the checker rejected never reaches lowering; keep the text if it does.
      if (ref) parts.push(ref);
      else push(parts, `{${part.ref}}`);
    }
  }
  return { text: tpl.text, parts };
}

function push(parts: TemplatePart[], text: string): void {
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + text;
  else parts.push(text);
}

function toPlanRef(ref: string, b: Binding): TemplateRef | undefined {
  switch (b.kind) {
    case 'reserved':
      return { ref, kind: 'reserved', name: b.name as 'spec' | 'attempt' | 'error' | 'diff' | 'output' };
    case 'input':
      return { ref, kind: 'input', name: b.name };
    case 'task':
      return ['name', 'description', 'files'].includes(b.field)
        ? { ref, kind: 'task', field: b.field as 'name' | 'description' | 'files' }
        : undefined;
    case 'prev':
      return { ref, kind: 'prev', field: b.fields.join('.') };
    case 'gate':
      return { ref, kind: 'prev', field: `gate.${b.fields.join('.')}` };
    case 'step':
      return { ref, kind: 'state', key: b.qualified ? qualifiedKey(ref) : stateKey(b.target, b.fields) };
    default:
      return undefined;
  }
}

/** `{a/t/b.f}` as written: task segments are literal names. */
function qualifiedKey(ref: string): StateRef {
  const segs = ref.split('/');
  const last = segs.pop()!;
  const dot = last.indexOf('.');
  return calleeState([...segs, last.slice(0, dot)], last.slice(dot + 1).split('.'));
}

/** State key of a bound step or GET pseudo-step (§15.1): `get/<name>` below the calling step. */
export function stateKey(target: Bindable, fields: string[]): StateRef {
  const base = (target.kind === 'step' ? target.step : target.pseudo.caller).path.split('/');
  const path = target.kind === 'pseudo' ? [...base, 'get', target.pseudo.name] : base;
  return calleeState(path, fields);
}

/** `state.<step>.<field…>` reads the callee's own key below the call path (§7.1, §15.1). */
function calleeState(path: string[], fields: string[]): StateRef {
  if (fields[0] === 'state' && fields.length >= 3)
    return { path: [...path, fields[1]!], field: fields.slice(2).join('.') };
  // `retry_validator.<name>.state.<step>.<field>` (§15.2): the last run of a retry validator, kept
  // by the runtime below `<step>/retry/<name>/`.
  if (fields[0] === 'retry_validator' && fields[2] === 'state' && fields.length >= 5) {
    return { path: [...path, 'retry', fields[1]!, fields[3]!], field: fields.slice(4).join('.') };
  }
  return { path, field: fields.join('.') };
}
