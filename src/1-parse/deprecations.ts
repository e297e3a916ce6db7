// Parse phase: deprecated keys (language.md §2, §4.4) → warnings GUMP501–507, with the
// rewrites `gump fix` applies. Deprecated keys are ignored for everything else.

import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { KeyInfo } from './ast.js';
import type { BuildContext } from './build-step.js';
import { isScalar, type LMap } from './located.js';
import type { SourceText } from './source-map.js';

export const DEPRECATED_ROOT_KEYS = ['inputs', 'description', 'review'] as const;
export const DEPRECATED_STEP_KEYS = [
  'output',
  'on_failure',
  'strategy',
  'restart_from',
  'replan',
  'foreach',
  'recipe',
] as const;

const OUTPUT_TO_TYPE: Record<string, string> = {
  diff: 'code',
  plan: 'split',
  review: 'validate',
  artifact: 'artifact',
};

export function deprecatedRootKey(key: KeyInfo, ctx: BuildContext): void {
  const { out, source } = ctx;
  switch (key.name) {
    case 'inputs':
      out.report(
        'GUMP501',
        key.keySpan,
        {},
        { fix: { description: 'delete the root "inputs" key', edits: [deleteEntry(source, key)] } },
      );
      return;
    case 'description': {
      const v = key.value;
      const text = isScalar(v) && v.value !== null ? String(v.value) : '';
      const comment = text
        .trimEnd()
        .split('\n')
        .map((l) => (l.trim() === '' ? '#' : `# ${l}`))
        .join('\n');
      const del = deleteEntry(source, key);
      out.report(
        'GUMP502',
        key.keySpan,
        {},
        {
          fix: {
            description: 'turn the description into a comment',
            edits: [{ ...del, text: comment.length > 0 ? `${comment}\n` : '' }],
          },
        },
      );
      return;
    }
    default:
      out.report('GUMP503', key.keySpan);
  }
}

export function deprecatedStepKey(key: KeyInfo, step: LMap, ctx: BuildContext): void {
  const { out, source } = ctx;
  const has = (k: string): boolean => step.pairs.some((p) => p.key.value === k);
  switch (key.name) {
    case 'output': {
      const v = key.value;
      const mapped = isScalar(v) ? OUTPUT_TO_TYPE[String(v.value)] : undefined;
      const edit: TextEdit | undefined = has('type')
        ? deleteEntry(source, key)
        : mapped
          ? { offset: key.keySpan.offset, endOffset: v.span.endOffset, text: `type: ${mapped}` }
          : undefined;
      out.report(
        'GUMP504',
        key.keySpan,
        { value: isScalar(v) ? String(v.value) : '' },
        {
          ...(has('type')
            ? { hint: 'the step already has type:; delete output:' }
            : mapped
              ? { hint: `write "type: ${mapped}"` }
              : {}),
          ...(edit
            ? {
                fix: {
                  description: has('type')
                    ? 'delete "output:" (the step has a type)'
                    : `replace with "type: ${mapped}"`,
                  edits: [edit],
                },
              }
            : {}),
        },
      );
      return;
    }
    case 'foreach':
      out.report('GUMP506', key.keySpan);
      return;
    case 'recipe': {
      const fix = has('workflow')
        ? undefined
        : {
            description: 'rename "recipe:" to "workflow:"',
            edits: [{ offset: key.keySpan.offset, endOffset: key.keySpan.endOffset, text: 'workflow' }],
          };
      out.report('GUMP507', key.keySpan, {}, fix ? { fix } : {});
      return;
    }
    default:
      out.report('GUMP505', key.keySpan, { key: key.name });
  }
}

/** Delete a `key: value` entry with its whole lines (block form) or its own text (flow form). */
export function deleteEntry(source: SourceText, key: KeyInfo): TextEdit {
  const start = key.keySpan.offset;
  const end = Math.max(key.value.span.endOffset, key.keySpan.endOffset);
  const lineStart = source.lineOffset(source.pos(start).line);
  const before = source.text.slice(lineStart, start);
  const endLine = source.pos(end).line;
  const after = source.text.slice(end, source.lineOffset(endLine + 1));
  if (before.trim() === '' && /^\s*(#.*)?\r?\n?$/.test(after)) {
    return { offset: lineStart, endOffset: source.lineOffset(endLine + 1), text: '' };
  }
  return { offset: start, endOffset: end, text: '' };
}
