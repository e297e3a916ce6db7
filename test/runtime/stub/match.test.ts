// Stub rule selection (language.md §21): whole-path globs with `*` (one segment) and `**` (any
// number, zero included), file-order first match, the `agent:` filter, the per-invocation entry.
import { describe, expect, it } from 'vitest';
import { globProblem, matchStepPath, selectResponse } from '../../../runtime/stub/match.js';
import { parseStubScript } from '../../../runtime/stub/script.js';

const GLOBS: Array<[glob: string, path: string, matches: boolean]> = [
  ['impl', 'impl', true],
  ['impl', 'impl/x', false],
  ['impl', 'x/impl', false],
  ['decompose', 'decompose/t1/impl', false],
  ['decompose/*/impl', 'decompose/add-auth/impl', true],
  ['decompose/*/impl', 'decompose/impl', false],
  ['decompose/*/impl', 'decompose/a/b/impl', false],
  ['*', 'impl', true],
  ['*', 'a/b', false],
  ['**', 'impl', true],
  ['**', 'a/b/c', true],
  ['**/impl', 'impl', true], // zero segments
  ['**/impl', 'decompose/t1/impl', true],
  ['**/impl', 'decompose/t1/impl/gate/x', false],
  ['**/gate/review/review', 'decompose/t1/converge/gate/review/review', true],
  ['**/gate/review/review', 'converge/gate/review/review', true],
  ['**/gate/review/review', 'gate/review/review', true],
  ['**/gate/review/review', 'converge/gate/review/review/extra', false],
  ['decompose/**', 'decompose', true],
  ['decompose/**', 'decompose/t1/impl', true],
  ['decompose/**/impl', 'decompose/t1/impl', true],
  ['decompose/**/impl', 'decompose/impl', true],
  ['a/**/b/**/c', 'a/x/b/y/z/c', true],
  ['a/**/b/**/c', 'a/b/c', true],
  ['a/**/b/**/c', 'a/c', false],
  ['*/*', 'reviews/arch', true],
  ['**/*', 'x', true],
];

describe('matchStepPath', () => {
  it.each(GLOBS)('%s ~ %s → %s', (glob, path, matches) => {
    expect(matchStepPath(glob, path)).toBe(matches);
  });

  it('stays fast on many ** segments', () => {
    const glob = `${Array.from({ length: 12 }, () => '**').join('/')}/z`;
    expect(matchStepPath(glob, Array.from({ length: 40 }, () => 'a').join('/'))).toBe(false);
  });

  it('reports malformed globs', () => {
    expect(globProblem('a/*/b')).toBeUndefined();
    expect(globProblem('')).toMatch(/empty/);
    expect(globProblem('a/')).toMatch(/empty path segment/);
    expect(globProblem('a/b*')).toMatch(/whole path segments/);
    expect(globProblem('***')).toMatch(/whole path segments/);
  });
});

const SCRIPT = parseStubScript(
  `version: 1
rules:
  - match: "decompose/*/impl"
    agent: stub-cheap
    attempts:
      - { stdout: cheap-1 }
      - { stdout: cheap-2 }
  - match: "decompose/*/impl"
    attempts:
      - { stdout: any-1 }
      - { stdout: any-2 }
      - { stdout: any-3 }
  - match: "**/impl"
    stdout: deep
  - match: "**"
    agent: claude-haiku
    stdout: haiku-anywhere
`,
  'stub.yaml',
);

const pick = (path: string, agent: string, n: number) => selectResponse(SCRIPT, path, agent, n);

describe('selectResponse', () => {
  it('tries rules in file order and honours the agent filter', () => {
    expect(pick('decompose/t1/impl', 'stub-cheap', 1)).toMatchObject({
      rule: 0,
      entry: 0,
      response: { stdout: 'cheap-1' },
    });
    expect(pick('decompose/t1/impl', 'stub', 1)).toMatchObject({ rule: 1, entry: 0, response: { stdout: 'any-1' } });
    expect(pick('decompose/t1/impl', 'claude-haiku', 1)).toMatchObject({ rule: 1 }); // an earlier rule wins
    expect(pick('x/y/impl', 'stub', 1)).toMatchObject({ rule: 2, response: { stdout: 'deep' } });
    expect(pick('quality', 'claude-haiku', 1)).toMatchObject({ rule: 3, response: { stdout: 'haiku-anywhere' } });
  });

  it('entry i answers the (i+1)-th invocation; beyond the list the last entry is reused', () => {
    const outs = [1, 2, 3, 4, 9].map((n) => pick('decompose/t1/impl', 'stub', n).response.stdout);
    expect(outs).toEqual(['any-1', 'any-2', 'any-3', 'any-3', 'any-3']);
    expect([1, 2, 3].map((n) => pick('decompose/t1/impl', 'stub-cheap', n).entry)).toEqual([0, 1, 1]);
    expect(pick('x/impl', 'stub', 5)).toMatchObject({ entry: 0, response: { stdout: 'deep' } }); // direct keys: one entry
  });

  it('without a matching rule answers one turn, no changes, exit 0', () => {
    const s = pick('quality', 'stub', 1);
    expect(s.rule).toBeUndefined();
    expect(s.response).toEqual({
      write: [],
      append: [],
      replace: [],
      delete: [],
      out: [],
      exitCode: 0,
      turns: 1,
      tokens: { in: 0, out: 0, cacheRead: 0, cacheWrite: 0 },
      delayMs: 0,
    });
  });
});
