// Rendering (last step of every command): diagnostics → text with source excerpts, JSON, or
// GitHub workflow commands. Pure functions of the diagnostics and the source texts.

import type { Diagnostic } from './diagnostic.js';

export type Format = 'text' | 'json' | 'github';

/** Source text by display path, for excerpts. */
export type Sources = ReadonlyMap<string, string>;

export function render(diags: Diagnostic[], format: Format, sources: Sources): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ diagnostics: diags.map(toJson) }, null, 2)}\n`;
    case 'github':
      return diags.map(renderGithub).join('');
    default:
      return diags.map((d) => renderText(d, sources)).join('');
  }
}

export interface JsonDiagnostic {
  code: string;
  slug: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
  fix?: string;
  nested?: JsonDiagnostic[];
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const j: JsonDiagnostic = {
    code: d.code,
    slug: d.slug,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.span.line,
    column: d.span.col,
    endLine: d.span.endLine,
    endColumn: d.span.endCol,
  };
  if (d.hint !== undefined) j.hint = d.hint;
  if (d.fix) j.fix = d.fix.description;
  if (d.nested) j.nested = d.nested.map(toJson);
  return j;
}

/** The first line of a diagnostic: `path:line:col: severity GUMPnnn slug: message`. */
export function headline(d: Diagnostic): string {
  return `${d.file}:${d.span.line}:${d.span.col}: ${d.severity} ${d.code} ${d.slug}: ${d.message}`;
}

export function renderText(d: Diagnostic, sources: Sources, indent = ''): string {
  const lines = [indent + headline(d).split('\n').join(`\n${indent}  `)];
  const text = sources.get(d.file);
  if (text !== undefined) lines.push(...excerpt(text, d, indent));
  if (d.hint) lines.push(`${indent}  hint: ${d.hint}`);
  if (d.fix) lines.push(`${indent}  fix: ${d.fix.description.split('\n').join(`\n${indent}       `)}`);
  let s = `${lines.join('\n')}\n`;
  for (const n of d.nested ?? []) s += renderText(n, sources, `${indent}    `);
  return s;
}

function excerpt(text: string, d: Diagnostic, indent: string): string[] {
  const all = text.split(/\r?\n/);
  const src = all[d.span.line - 1];
  if (src === undefined) return [];
  const num = String(d.span.line);
  const pad = ' '.repeat(num.length);
  const width =
    d.span.endLine === d.span.line ? Math.max(1, d.span.endCol - d.span.col) : Math.max(1, src.length - d.span.col + 1);
  const caretLine = src.slice(0, d.span.col - 1).replace(/[^\t]/g, ' ') + '^'.repeat(Math.min(width, 120));
  return [`${indent}  ${num} | ${src}`, `${indent}  ${pad} | ${caretLine}`];
}

function renderGithub(d: Diagnostic): string {
  const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const msg = `${d.code} ${d.slug}: ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;
  const props = `file=${escapeProperty(d.file)},line=${d.span.line},col=${d.span.col},endLine=${d.span.endLine},endColumn=${d.span.endCol},title=${escapeProperty(d.code)}`;
  let s = `::${cmd} ${props}::${escapeData(msg)}\n`;
  for (const n of d.nested ?? []) s += renderGithub(n);
  return s;
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData / escapeProperty)
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
