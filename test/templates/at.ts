// Test helper for template diagnostics: `GUMPnnn@line:col <source text at the span>`, so each
// assertion shows the placeholder it points at (positions are asserted, prose is not).

import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkText } from '../helpers/check.js';

export function located(diags: Diagnostic[], text: string): string[] {
  return diags.map((d) => {
    const at = `${d.code}@${d.span.line}:${d.span.col}`;
    const slice = d.file === 'workflow.yaml' ? text.slice(d.span.offset, d.span.endOffset) : '';
    return slice.startsWith('{') ? `${at} ${slice}` : at;
  });
}

/** Check a workflow and locate its diagnostics; `ignore` drops codes owned by other rules. */
export function checkAt(text: string, files: Record<string, string> = {}, ignore: string[] = []): string[] {
  return located(checkText(text, files), text).filter((s) => !ignore.some((c) => s.startsWith(c)));
}
