// Test helpers for the parse phase: run only parseWorkflow (no check-phase rules), so the
// assertions stay stable while rules land; plus fix application and placeholder hygiene.

import { parseWorkflow } from '../../src/1-parse/parse.js';
import type { WorkflowAst } from '../../src/1-parse/ast.js';
import { Collector, sortDiagnostics, type Diagnostic, type Fix } from '../../src/diagnostics/diagnostic.js';

export interface Parsed {
  ast: WorkflowAst | null;
  diags: Diagnostic[];
}

export function parse(text: string): Parsed {
  const out = new Collector('workflow.yaml');
  const ast = parseWorkflow('workflow.yaml', text, out);
  return { ast, diags: sortDiagnostics(out.diagnostics) };
}

/** `GUMPnnn@line:col` of the parse-phase diagnostics of `text`. */
export function parseCodes(text: string): string[] {
  return parse(text).diags.map((d) => `${d.code}@${d.span.line}:${d.span.col}`);
}

export function only(diags: Diagnostic[], code: string): Diagnostic {
  const found = diags.filter((d) => d.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${diags.map((d) => d.code).join(', ') || 'none'}`);
  return found[0]!;
}

/** Apply a fix's edits (non-overlapping) to `text`. */
export function applyFix(text: string, fix: Fix | undefined): string {
  if (!fix) throw new Error('no fix');
  let s = text;
  for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset))
    s = s.slice(0, e.offset) + e.text + s.slice(e.endOffset);
  return s;
}

/** Catalogue parameters the reporting code forgot to pass (`{key}` left in a message or hint). */
export function unfilled(diags: Diagnostic[]): string[] {
  const param = /\{(key|value|name|where|limit|expected|type|count|list|reason|column|message)\}/;
  return diags.flatMap((d) => [d.message, d.hint ?? ''].filter((t) => param.test(t)).map((t) => `${d.code}: ${t}`));
}

/** A minimal clean step, indented for a root `steps:` list. */
export const STEP = `  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile]
`;

/** A workflow whose first step gets `extra` (lines indented by 4) appended. */
export function withStep(extra: string): string {
  return `name: w\nsteps:\n${STEP}${extra}`;
}
