// Check phase: workflow and validator references as written → normalised names (language.md §7.4),
// plus the lookup other rules use to reach a resolved callee. Pure string work, no I/O.

import type { CalleeKind } from './host.js';
import { calleeKey, type CheckedWorkflow, type ResolvedCallee } from './model.js';

/** Where a reference is written: calls and GET workflows accept any form, gates and retries need `validators/`. */
export type RefUse = 'call' | 'validator';

export type NormalisedRef =
  | { ok: true; name: string; as: CalleeKind }
  /** GUMP120: why the reference is invalid. */
  | { ok: false; code: 'GUMP120'; reason: string }
  /** GUMP119: a gate or retry reference without the `validators/` prefix. */
  | { ok: false; code: 'GUMP119'; reason: string };

const PREFIXES: readonly [string, CalleeKind][] = [
  ['workflows/', 'workflow'],
  ['validators/', 'validator'],
];

/**
 * Normalise a reference: `workflows/x` and `x` name the workflow `x`, `validators/x` the validator
 * `x`; a trailing `.yaml`/`.yml` and `.` segments are dropped. Gate and retry entries must use
 * `validators/`. Empty names, absolute paths, `..` segments and backslashes are GUMP120.
 */
export function normaliseRef(ref: string, use: RefUse): NormalisedRef {
  const text = ref.trim();
  if (text === '') return { ok: false, code: 'GUMP120', reason: 'the reference is empty' };
  if (text.includes('\\')) return { ok: false, code: 'GUMP120', reason: 'a reference may not contain a backslash' };
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text) || text.startsWith('~')) {
    return { ok: false, code: 'GUMP120', reason: 'a reference may not be an absolute path' };
  }
  if (text.split('/').includes('..'))
    return { ok: false, code: 'GUMP120', reason: 'a reference may not contain ".." segments' };
  let as: CalleeKind = 'workflow';
  let rest = text;
  let prefixed = false;
  for (const [prefix, kind] of PREFIXES) {
    if (text.startsWith(prefix)) {
      as = kind;
      rest = text.slice(prefix.length);
      prefixed = kind === 'validator';
    }
  }
  const name = rest
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/')
    .replace(/\.ya?ml$/, '');
  if (name === '') return { ok: false, code: 'GUMP120', reason: `nothing follows "${text}"` };
  if (use === 'validator' && !prefixed) {
    return { ok: false, code: 'GUMP119', reason: 'gate and retry validators are referenced as validators/<name>' };
  }
  return { ok: true, name, as };
}

/** The kind a reference resolves as, whether or not it is valid. */
export function refKind(ref: string, use: RefUse): CalleeKind {
  return use === 'validator' || ref.trim().startsWith('validators/') ? 'validator' : 'workflow';
}

/**
 * The resolved callee of a reference as written (`validators/arch-review`, `setup-env`), filled by
 * the resolution rules. `as` defaults to the kind the reference names (`validators/` → validator).
 */
export function calleeFor(
  wf: Pick<CheckedWorkflow, 'callees'>,
  ref: string,
  as: CalleeKind = refKind(ref, 'call'),
): ResolvedCallee | undefined {
  return wf.callees.get(calleeKey(ref.trim(), as));
}

/** A short name for a checked file in cycle listings: `release`, `validators/check`, `workflow.yaml`. */
export function fileLabel(file: string): string {
  const builtin = /^builtin:(.+)\.ya?ml$/.exec(file);
  if (builtin) return builtin[1]!;
  const project = /(?:^|[/\\])\.gump[/\\](workflows|validators)[/\\](.+)\.ya?ml$/.exec(file);
  if (project) return `${project[1] === 'validators' ? 'validators/' : ''}${project[2]!.replace(/\\/g, '/')}`;
  return file;
}
