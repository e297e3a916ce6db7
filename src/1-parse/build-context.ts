// Parse phase: a `context:` list → ContextEntryAst[] (language.md §16, §4.3). Each entry is a
// mapping with exactly one of `file` or `bash` (GUMP222), reported at the entry; empty entries
// are GUMP019.

import type { ContextEntryAst } from './ast.js';
import type { BuildContext } from './build-step.js';
import { describeValue, keyInfo, templateOf } from './build-values.js';
import { reportStrayKey } from './key-placement.js';
import { isMap, isScalar, keyText, type LSeq } from './located.js';

const KINDS = ['file', 'bash'];

export function buildContextEntries(list: LSeq, ctx: BuildContext): ContextEntryAst[] {
  const { out } = ctx;
  const entries: ContextEntryAst[] = [];
  for (const item of list.items) {
    if ((isScalar(item) && (item.value === null || item.value === '')) || (isMap(item) && item.pairs.length === 0)) {
      out.report('GUMP019', item.span, { where: 'context' });
      continue;
    }
    if (!isMap(item)) {
      out.report(
        'GUMP222',
        item.span,
        { value: describeValue(item) },
        isScalar(item) ? { hint: `write - file: ${String(item.value)} or - bash: <command>` } : {},
      );
      continue;
    }
    const kinds = item.pairs.filter((p) => KINDS.includes(keyText(p)));
    if (kinds.length !== 1) {
      out.report('GUMP222', item.span, { value: describeValue(item) });
      continue;
    }
    item.pairs.forEach((p, i) => {
      if (p !== kinds[0]) reportStrayKey(keyInfo(item, i, 'step'), 'context', KINDS, out);
    });
    const kp = kinds[0]!;
    const val = kp.value;
    if (!isScalar(val) || val.value === null || String(val.value).trim() === '') {
      out.report(
        'GUMP222',
        item.span,
        { value: describeValue(item) },
        { hint: `"${keyText(kp)}" needs a ${keyText(kp) === 'file' ? 'path' : 'command'}` },
      );
      continue;
    }
    if (keyText(kp) === 'file')
      entries.push({ kind: 'file', path: templateOf(val, String(val.value)), span: item.span });
    else entries.push({ kind: 'bash', command: String(val.value), span: item.span });
  }
  return entries;
}
