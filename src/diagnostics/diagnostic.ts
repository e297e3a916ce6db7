// Diagnostics as data (all phases): what rules report into a collector; rendering happens last.

import type { Span } from '../1-parse/located.js';
import type { Severity } from './catalogue/entry.js';
import { lookupCode } from './catalogue/index.js';

export type { Severity } from './catalogue/entry.js';

/** A replacement of source text between two offsets, applied by `gump fix`. */
export interface TextEdit {
  offset: number;
  endOffset: number;
  text: string;
}

export interface Fix {
  /** What the fix does, shown to the user (`quote the template: agent: "{x.agent}"`). */
  description: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  code: string;
  slug: string;
  severity: Severity;
  message: string;
  /** Path as given on the command line, or `builtin:<name>.yaml` for a built-in callee. */
  file: string;
  span: Span;
  hint?: string;
  fix?: Fix;
  /** GUMP127: the callee's own diagnostics, with the callee's locations. */
  nested?: Diagnostic[];
}

export type Params = Record<string, string | number>;

export interface ReportExtra {
  /** Replaces the catalogue message (still one fact, no location). */
  message?: string;
  hint?: string;
  fix?: Fix;
  nested?: Diagnostic[];
}

/** Fill `{param}` placeholders of a catalogue template. */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{([A-Za-z_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Collects the diagnostics of one file; never throws at the user. */
export class Collector {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report(code: string, span: Span, params: Params = {}, extra: ReportExtra = {}): Diagnostic {
    const entry = lookupCode(code);
    if (!entry) throw new Error(`internal: unknown diagnostic code ${code}`);
    const d: Diagnostic = {
      code,
      slug: entry.slug,
      severity: entry.severity,
      message: extra.message ?? fillTemplate(entry.message, params),
      file: this.file,
      span,
    };
    const hint = extra.hint ?? (entry.hint === undefined ? undefined : fillTemplate(entry.hint, params));
    if (hint !== undefined) d.hint = hint;
    if (extra.fix) d.fix = extra.fix;
    if (extra.nested) d.nested = extra.nested;
    this.diagnostics.push(d);
    return d;
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}

/** Stable order: by position, then code. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.span.line - b.span.line ||
      a.span.col - b.span.col ||
      a.code.localeCompare(b.code),
  );
}
