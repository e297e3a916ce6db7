// Test helpers: check a workflow given as text (plus project files) in memory.

import { checkFiles } from '../../src/compile.js';
import type { CheckOptions } from '../../src/2-check/rule.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { headline } from '../../src/diagnostics/render.js';
import { MemoryHost } from '../../src/project/memory-host.js';

export function checkText(text: string, files: Record<string, string> = {}, options: CheckOptions = {}): Diagnostic[] {
  const host = new MemoryHost({ ...files, 'workflow.yaml': text });
  const { results, configDiagnostics } = checkFiles(host, [host.source('workflow.yaml')], options);
  return [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)];
}

/** `GUMPnnn@line:col` for each diagnostic: compact, order-preserving, prose-free assertions. */
export function codesAt(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`);
}

export function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}

export function headlines(diags: Diagnostic[]): string[] {
  return diags.map(headline);
}
