// Readers of test-tool output for the gates (language.md §8.2): the coverage percentage, whether
// a test run executed at least one test (`tests_found`), and Go's "no tests" compat case.
// Pure functions on captured text; ANSI colour codes are ignored.

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

const PERCENT = String.raw`(\d+(?:\.\d+)?|\.\d+)\s*%`;
const GO_TOTAL = new RegExp(String.raw`total:\s*\(statements\)\s*${PERCENT}`);
const COVERAGE = new RegExp(String.raw`coverage:\s*${PERCENT}`, 'g');
const ANY_PERCENT = new RegExp(PERCENT);

/**
 * The reported coverage: the first source that matches, in order Go `total: (statements) X%`,
 * the last `coverage: X%`, the first `X%`; each looked for in stdout before stderr.
 */
export function coveragePercent(stdout: string, stderr: string): number | undefined {
  const streams = [stripAnsi(stdout), stripAnsi(stderr)];
  const sources: ((text: string) => string | undefined)[] = [
    (t) => GO_TOTAL.exec(t)?.[1],
    (t) => [...t.matchAll(COVERAGE)].pop()?.[1],
    (t) => ANY_PERCENT.exec(t)?.[1],
  ];
  for (const source of sources) {
    for (const text of streams) {
      const found = source(text);
      if (found !== undefined) return Number(found);
    }
  }
  return undefined;
}

/** Patterns proving a test ran; a capture group holds a count that must be > 0. */
const EXECUTED: RegExp[] = [
  /^\s*(?:=== RUN|--- PASS|--- FAIL)\b/m, // go test -v
  /\brunning (\d+) tests?\b/g, // cargo
  /\bcollected (\d+) items?\b/g, // pytest
  /\b(\d+) (?:passed|failed)\b/g,
];

/** Does the output of a test command show at least one executed test (`tests_found`)? */
export function showsExecutedTests(stdout: string, stderr: string): boolean {
  const text = stripAnsi(`${stdout}\n${stderr}`);
  for (const pattern of EXECUTED) {
    if (!pattern.global) {
      if (pattern.test(text)) return true;
      continue;
    }
    for (const m of text.matchAll(pattern)) if (Number(m[1]) > 0) return true;
  }
  // jest/vitest: a `Tests:` line with a count > 0 (`Tests:       1 failed, 3 passed, 4 total`)
  for (const m of text.matchAll(/^\s*Tests:(.*)$/gm)) {
    if ([...m[1]!.matchAll(/\d+/g)].some((n) => Number(n[0]) > 0)) return true;
  }
  return false;
}

/** (compat §8.2) Go's `test` exit 1 that means "nothing to test" rather than a failure. */
export function isGoNothingToTest(stdout: string, stderr: string): boolean {
  // Implemented as written (language.md: compat rules are not "improved"), even though a failing
  // package reported beside an untested one then passes too.
  return /no test files|no packages to test/.test(stripAnsi(`${stdout}\n${stderr}`));
}
