// Glob matching for the blast radius and touched/untouched gates (language.md §6.2, §8.2).
// Pure: a pattern compiles once to a RegExp-backed matcher; callers keep the matcher for hot loops.
// Malformed patterns (an unclosed `[`) never throw here: the `[` is literal (the compiler rejects them, GUMP225).

/** A compiled glob: tests one repository-relative path. */
export type PathMatcher = (path: string) => boolean;

/** Drops every leading `./` (§6.2: "a leading ./ is ignored"). */
export function stripDotSlash(p: string): string {
  let s = p;
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/**
 * §6.2 matcher. `*` any run without `/`, `**` any run with `/` (a whole `**` segment also matches
 * zero segments), `?` one non-`/` character, `[...]`/`[!...]`/`[^...]` one non-`/` character of a
 * class, `\x` a literal x. A pattern naming a directory also matches everything below it.
 */
export function compileGlob(pattern: string): PathMatcher {
  const body = globToRegExp(stripDotSlash(pattern).replace(/\/+$/, ''));
  const re = new RegExp(`^${body}(?:/.*)?$`, 's');
  return (path) => re.test(stripDotSlash(path));
}

/**
 * §8.2 (compat) gate matcher: a pattern without `/` matches the file's base name; a pattern with
 * `/` matches the full path by §6.2. `./x` contains `/`, so it is anchored at the root.
 */
export function compileGateGlob(pattern: string): PathMatcher {
  if (pattern.includes('/')) return compileGlob(pattern);
  const m = compileGlob(pattern);
  return (path) => m(baseName(path));
}

/** One matcher for a list of §6.2 patterns (true when any matches). */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const ms = patterns.map(compileGlob);
  return (path) => ms.some((m) => m(path));
}

/** One matcher for a list of §8.2 gate patterns (true when any matches). */
export function compileGateGlobs(patterns: readonly string[]): PathMatcher {
  const ms = patterns.map(compileGateGlob);
  return (path) => ms.some((m) => m(path));
}

export function matchGlob(pattern: string, path: string): boolean {
  return compileGlob(pattern)(path);
}

export function matchGateGlob(pattern: string, path: string): boolean {
  return compileGateGlob(pattern)(path);
}

/** True when any §6.2 pattern matches; compile with `compileGlobs` when testing many paths. */
export function anyMatch(patterns: readonly string[], path: string): boolean {
  return compileGlobs(patterns)(path);
}

function baseName(path: string): string {
  const p = stripDotSlash(path).replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

function escapeChar(c: string): string {
  return c.replace(REGEXP_SPECIAL, '\\$&');
}

/** Translates a normalized glob into a RegExp source (without anchors). */
function globToRegExp(p: string): string {
  let out = '';
  let i = 0;
  while (i < p.length) {
    const c = p[i] as string;
    if (c === '\\') {
      out += escapeChar(p[i + 1] ?? '\\');
      i += 2;
    } else if (c === '*') {
      let j = i;
      while (p[j] === '*') j++;
      if (j - i === 1) out += '[^/]*';
      else if ((i === 0 || p[i - 1] === '/') && p[j] === '/') {
        out += '(?:.*/)?'; // `**/` as a whole segment: zero or more directories
        j++;
      } else out += '.*';
      i = j;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const cls = parseClass(p, i);
      out += cls === null ? '\\[' : cls.source;
      i = cls === null ? i + 1 : cls.end;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return out;
}

/** `[...]` starting at `start`: RegExp source and the index after `]`, or null when unclosed. */
function parseClass(p: string, start: number): { source: string; end: number } | null {
  let j = start + 1;
  const negated = p[j] === '!' || p[j] === '^';
  if (negated) j++;
  let body = '';
  let first = true;
  while (j < p.length) {
    const c = p[j] as string;
    if (c === ']' && !first) return { source: `(?!/)[${negated ? '^' : ''}${body}]`, end: j + 1 };
    if (c === '\\' && j + 1 < p.length) {
      body += escapeClassChar(p[j + 1] as string);
      j += 2;
    } else {
      body += c === '-' ? '-' : escapeClassChar(c);
      j++;
    }
    first = false;
  }
  return null;
}

/** A literal character inside a RegExp class (`-` included: only an unescaped glob `-` is a range). */
function escapeClassChar(c: string): string {
  return /[\]\\^[-]/.test(c) ? `\\${c}` : c;
}
