// Readers of recorded test-tool output (language.md §8.2): coverage percentage, tests_found,
// Go's "nothing to test" compat case.
import { describe, expect, it } from 'vitest';
import { coveragePercent, isGoNothingToTest, showsExecutedTests } from '../../../runtime/gates/output-parsers.js';

const GO_COVER_FUNC = `example.com/m/calc.go:3:\tAdd\t\t100.0%
example.com/m/calc.go:7:\tSub\t\t50.0%
total:\t\t\t\t(statements)\t\t71.4%
`;
const GO_TEST_COVER = `ok  \texample.com/m/a\t0.002s\tcoverage: 80.0% of statements
ok  \texample.com/m/b\t0.002s\tcoverage: 62.5% of statements
`;
const JEST_SUMMARY = `Statements   : 85.71% ( 6/7 )
Branches     : 50% ( 1/2 )
`;

describe('coveragePercent', () => {
  it('prefers Go total over everything', () =>
    expect(coveragePercent(`${GO_TEST_COVER}${GO_COVER_FUNC}`, '')).toBe(71.4));
  it('takes the last coverage: line', () => expect(coveragePercent(GO_TEST_COVER, '')).toBe(62.5));
  it('falls back to the first percentage', () => expect(coveragePercent(JEST_SUMMARY, '')).toBe(85.71));
  it('looks at stdout before stderr for each source', () => {
    expect(coveragePercent('coverage: 10%', 'coverage: 90%')).toBe(10);
    expect(coveragePercent('50%', 'coverage: 90%')).toBe(90); // a better source in stderr wins
    expect(coveragePercent('', '\u001b[32m77%\u001b[0m')).toBe(77);
  });
  it('finds none', () => expect(coveragePercent('all good', 'no numbers')).toBeUndefined());
});

describe('showsExecutedTests', () => {
  it.each([
    ['go -v', '=== RUN   TestAdd\n--- PASS: TestAdd (0.00s)\nPASS\n'],
    ['go -v failing', '--- FAIL: TestSub (0.00s)\n'],
    ['go subtest', '    --- PASS: TestX/sub (0.00s)\n'],
    ['cargo', 'running 3 tests\ntest a ... ok\n'],
    ['cargo one', 'running 0 tests\n\nrunning 1 test\n'],
    ['pytest', '============ test session starts ============\ncollected 4 items\n'],
    ['pytest one', 'collected 1 item\n'],
    ['jest', 'Tests:       1 failed, 3 passed, 4 total\n'],
    ['jest failing only', 'Tests:       2 failed, 2 total\n'],
    ['vitest', ' Test Files  1 passed (1)\n      Tests  4 passed (4)\n'],
    ['mocha', '  12 passing (30ms)\n  1 failed\n'],
    ['coloured', '\u001b[32m3 passed\u001b[39m'],
  ])('%s', (_, out) => expect(showsExecutedTests(out, '')).toBe(true));

  it.each([
    ['go no tests', 'ok  \texample.com/m\t0.001s [no tests to run]\n?   \texample.com/m/b\t[no test files]\n'],
    ['cargo none', 'running 0 tests\ntest result: ok. 0 passed; 0 failed\n'],
    ['pytest none', 'collected 0 items\n\n==== no tests ran in 0.01s ====\n'],
    ['jest none', 'Tests:       0 total\nNo tests found, exiting with code 1\n'],
    ['npm missing script', 'npm ERR! Missing script: "test"\n'],
    ['empty', ''],
  ])('%s → false', (_, out) => expect(showsExecutedTests(out, '')).toBe(false));

  it('reads stderr too', () => expect(showsExecutedTests('', 'Tests:  1 passed, 1 total')).toBe(true));
});

describe('isGoNothingToTest', () => {
  it('accepts the no-tests messages', () => {
    expect(isGoNothingToTest('?   \texample.com/m\t[no test files]\n', '')).toBe(true);
    expect(isGoNothingToTest('', 'go: warning: "./..." matched no packages\nno packages to test\n')).toBe(true);
  });
  it('follows the compat rule as written: any "no test files" output passes, a plain failure does not', () => {
    expect(isGoNothingToTest('?   \tm/a\t[no test files]\n--- FAIL: TestX (0.00s)\nFAIL\tm/b\t0.01s\nFAIL\n', '')).toBe(
      true,
    );
    expect(isGoNothingToTest('--- FAIL: TestX (0.00s)\nFAIL\tm/b\t0.01s\nFAIL\n', '')).toBe(false);
    expect(isGoNothingToTest('FAIL\n', '')).toBe(false);
  });
});
