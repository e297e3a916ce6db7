// Check phase: what the checker needs from the outside world, as an interface, so rules stay
// pure and tests can check in memory. The Node implementation is src/project/node-host.ts.

export interface SourceFile {
  /** Display path used in diagnostics (`workflow.yaml`, `builtin:tdd.yaml`). */
  file: string;
  text: string;
  /** A workflow of the built-in library (language.md §20). */
  builtin: boolean;
}

export type CalleeKind = 'workflow' | 'validator';

export interface ProjectHost {
  /** §7.4 resolution of a *normalised* name (prefix stripped): project files first, then built-ins. */
  resolve(name: string, as: CalleeKind): SourceFile | undefined;
  /** Text of a file relative to the folder of `from` (`prompt: {file: …}`), or undefined. */
  readRelative(from: SourceFile, path: string): string | undefined;
  /** The project's `gump.toml` text and display path, when there is one. */
  config(): SourceFile | undefined;
  /** Normalised names resolvable as `as` (project files and built-ins), for did-you-mean hints. */
  list?(as: CalleeKind): string[];
}
