// The whole front-end pipeline in one screen: source → parse → AST → check → checked model +
// diagnostics (language.md §19). Lowering and emitting attach here in later phases.

import { Program, type CheckResult } from './2-check/program.js';
import type { ProjectHost, SourceFile } from './2-check/host.js';
import type { CheckOptions } from './2-check/rule.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';

export interface CheckFilesResult {
  results: CheckResult[];
  /** Project configuration diagnostics (gump.toml), reported once. */
  configDiagnostics: Diagnostic[];
}

/** Check workflow files of one project: each with its callees, plus the project's gump.toml. */
export function checkFiles(host: ProjectHost, files: SourceFile[], options: CheckOptions = {}): CheckFilesResult {
  const program = new Program(host, options);
  const configDiagnostics = program.config()?.diagnostics ?? [];
  return { results: files.map((f) => program.check(f)), configDiagnostics };
}
