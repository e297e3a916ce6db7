// Catalogue entry shape (diagnostics): one record per code of language.md §19.
// Rules report a code plus parameters; rendering looks the rest up here.

export type Severity = 'error' | 'warning' | 'note';

export interface CatalogueEntry {
  /** Stable code, never renumbered or reused: `GUMP104`. */
  code: string;
  /** Stable kebab-case slug from language.md §19: `unknown-step-reference`. */
  slug: string;
  severity: Severity;
  /**
   * Default message: one fact, no location. May contain `{param}` placeholders that the
   * reporting rule fills (`unknown step "{name}"`). Unfilled placeholders are a bug.
   */
  message: string;
  /** Default help line (the exact fix where possible); rules may pass a more specific one. */
  hint?: string;
  /** `gump fix` can rewrite it. */
  fixable: boolean;
  /** For `gump explain`: when it fires and why, 1–4 sentences. */
  explain: string;
  /** A complete minimal workflow that triggers this code (and ideally nothing else). */
  wrong: string;
  /** The same workflow corrected: checks without this code. */
  right: string;
  /**
   * Extra project files the examples need (path relative to the project root → content),
   * e.g. `.gump/workflows/setup.yaml` or `gump.toml`.
   */
  files?: Record<string, string>;
  /** Project files for the `right` example when they differ from `files` (a fixed gump.toml). */
  rightFiles?: Record<string, string>;
  /** The examples only trigger when compiling for a target (4xx). */
  target?: 'github' | 'gitlab';
}
