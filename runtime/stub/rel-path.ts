// Paths of stub file operations (language.md §21): relative, inside the working directory.
// Apart from script.ts so the stub process can check paths without loading the YAML parser.

/** Why `p` is not a path inside its base directory, or undefined. */
export function relPathProblem(p: string): string | undefined {
  if (p === '') return 'empty path';
  if (p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p))
    return `path "${p}" must be relative to the working directory`;
  let depth = 0;
  for (const seg of p.split(/[/\\]/)) {
    if (seg === '..') depth--;
    else if (seg !== '' && seg !== '.') depth++;
    if (depth < 0) return `path "${p}" escapes the working directory`;
  }
  if (depth === 0) return `path "${p}" names the directory itself, not a file`;
  return undefined;
}
