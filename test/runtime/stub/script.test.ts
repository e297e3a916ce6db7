// Stub scripts (language.md §21): the spec's example parses into the expected model; every
// malformed shape is rejected with one line naming the file, the YAML line, the rule and the problem.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMs, loadStubScript, parseStubScript, StubScriptError } from '../../../runtime/stub/script.js';

const SPEC_EXAMPLE = `version: 1
rules:
  - match: decompose                       # step path; * = one segment, ** = any segments
    plan:
      - { name: add-auth, description: "Add login", files: ["src/auth/**"] }
  - match: "decompose/*/impl"
    agent: stub-cheap                      # optional: rule applies only to this effective agent
    attempts:                              # entry i = (i+1)-th invocation for that step path
      - write: { "src/auth/login.ts": "export const login = () => true;\\n" }
        turns: 4
        tokens: { in: 12000, out: 800 }
        cost: 0.03
        delay: 2s
      - replace: [ { file: src/auth/login.ts, find: "true", with: "false" } ]
        delete: [ src/legacy.ts ]
  - match: "**/gate/review/review"
    validate: { pass: false, comments: "missing error handling" }
`;

const parse = (text: string) => parseStubScript(text, '.gump/stub.yaml');

function errorOf(text: string): string {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(StubScriptError);
    return (e as Error).message;
  }
  throw new Error('expected a StubScriptError');
}

describe('valid scripts', () => {
  it('parses the example of §21', () => {
    const s = parse(SPEC_EXAMPLE);
    expect(s.file).toBe('.gump/stub.yaml');
    expect(s.rules.map((r) => [r.index, r.match, r.agent, r.attempts.length])).toEqual([
      [0, 'decompose', undefined, 1],
      [1, 'decompose/*/impl', 'stub-cheap', 2],
      [2, '**/gate/review/review', undefined, 1],
    ]);
    expect(s.rules[0]!.attempts[0]!.plan).toEqual([
      { name: 'add-auth', description: 'Add login', files: ['src/auth/**'] },
    ]);
    const [first, second] = s.rules[1]!.attempts;
    expect(first).toMatchObject({
      write: [{ path: 'src/auth/login.ts', text: 'export const login = () => true;\n' }],
      turns: 4,
      tokens: { in: 12000, out: 800, cacheRead: 0, cacheWrite: 0 },
      cost: 0.03,
      delayMs: 2000,
      exitCode: 0,
    });
    expect(second).toMatchObject({
      replace: [{ file: 'src/auth/login.ts', find: 'true', with: 'false' }],
      delete: ['src/legacy.ts'],
      turns: 1,
      delayMs: 0,
    });
    expect(second!.cost).toBeUndefined();
    expect(s.rules[2]!.attempts[0]!.validate).toEqual({ pass: false, comments: 'missing error handling' });
  });

  it('reads every response key', () => {
    const s = parse(`version: 1
rules:
  - match: "**"
    write: { a.txt: "A" }
    append: { log.txt: "more\\n" }
    replace: [ { file: a.txt, find: A, with: B } ]
    delete: [ old ]
    plan: []
    validate: { pass: true }
    artifact: "notes"
    out: { plan.json: "{not json" }
    exit_code: 7
    stdout: "hello"
    stderr: "oops"
    turns: 3
    tokens: { in: 1, out: 2, cache_read: 3, cache_write: 4 }
    cost: 0
    delay: 1m30s
`);
    expect(s.rules[0]!.attempts).toEqual([
      {
        write: [{ path: 'a.txt', text: 'A' }],
        append: [{ path: 'log.txt', text: 'more\n' }],
        replace: [{ file: 'a.txt', find: 'A', with: 'B' }],
        delete: ['old'],
        plan: [],
        validate: { pass: true },
        artifact: 'notes',
        out: [{ path: 'plan.json', text: '{not json' }],
        exitCode: 7,
        stdout: 'hello',
        stderr: 'oops',
        turns: 3,
        tokens: { in: 1, out: 2, cacheRead: 3, cacheWrite: 4 },
        cost: 0,
        delayMs: 90_000,
      },
    ]);
  });

  it('accepts a rule without response keys (the default response) and an empty rule list', () => {
    expect(parse('version: 1\nrules:\n  - match: impl\n').rules[0]!.attempts).toEqual([
      {
        write: [],
        append: [],
        replace: [],
        delete: [],
        out: [],
        exitCode: 0,
        turns: 1,
        tokens: { in: 0, out: 0, cacheRead: 0, cacheWrite: 0 },
        delayMs: 0,
      },
    ]);
    expect(parse('version: 1\nrules: []\n').rules).toEqual([]);
  });

  it('parses durations as §2.1', () => {
    expect([durationMs('300ms'), durationMs('2s'), durationMs('1.5h'), durationMs('1h30m'), durationMs('.5s')]).toEqual(
      [300, 2000, 5_400_000, 5_400_000, 500],
    );
    for (const bad of ['5', '2 s', 'fast', '0s', '', 's', '-1s']) expect(durationMs(bad), bad).toBeUndefined();
  });
});

const rule = (body: string) => `version: 1\nrules:\n  - match: impl\n  - match: "decompose/*/impl"\n${body}`;

// [case, script, expected fragments of the one-line message]
const MALFORMED: Array<[string, string, string[]]> = [
  ['YAML syntax', 'version: 1\nrules: [\n', ['.gump/stub.yaml:', 'invalid YAML']],
  ['duplicate key', 'version: 1\nversion: 1\nrules: []\n', ['.gump/stub.yaml:2:', 'invalid YAML', 'unique']],
  [
    'two documents',
    'version: 1\nrules: []\n---\nversion: 1\n',
    [':3: invalid YAML: a stub script holds exactly one YAML document'],
  ],
  ['empty file', '', ['expected a mapping']],
  ['root is a list', '- match: x\n', ['expected a mapping', 'a list']],
  ['unknown root key', 'version: 1\nrules: []\nrule: []\n', [':3: rule: unknown key "rule"', 'did you mean "rules"']],
  ['missing version', 'rules: []\n', ['missing "version: 1"']],
  ['wrong version', 'version: 2\nrules: []\n', [':1: version: unsupported version 2']],
  ['missing rules', 'version: 1\n', ['missing "rules"']],
  ['rules not a list', 'version: 1\nrules: { match: x }\n', [':2: rules: must be a list, got a mapping']],
  ['rule not a mapping', 'version: 1\nrules:\n  - impl\n', [':3: rules[0]: must be a mapping, got the string "impl"']],
  ['missing match', 'version: 1\nrules:\n  - turns: 2\n', [':3: rules[0]: missing "match"']],
  ['match not a string', 'version: 1\nrules:\n  - match: [a]\n', ['rules[0].match: must be a string, got a list']],
  ['partial wildcard', 'version: 1\nrules:\n  - match: "impl*"\n', ['rules[0].match:', 'whole path segments']],
  ['empty segment', 'version: 1\nrules:\n  - match: "a//b"\n', ['rules[0].match:', 'empty path segment']],
  [
    'unknown rule key',
    rule('    atempts: []\n'),
    [':5: rules[1].atempts: unknown key "atempts"', 'did you mean "attempts"'],
  ],
  ['bad agent', rule('    agent: "stub cheap"\n'), ['rules[1].agent: invalid agent name']],
  [
    'attempts beside response keys',
    rule('    turns: 2\n    attempts: [ {} ]\n'),
    ['rules[1]:', '"turns" cannot sit beside "attempts"'],
  ],
  ['empty attempts', rule('    attempts: []\n'), ['rules[1].attempts: must list at least one response']],
  [
    'attempt not a mapping',
    rule('    attempts: [ 3 ]\n'),
    ['rules[1].attempts[0]: must be a mapping, got the number 3'],
  ],
  [
    'unknown response key in attempts',
    rule('    attempts:\n      - {}\n      - { exitcode: 1 }\n'),
    [':7: rules[1].attempts[1].exitcode: unknown key', 'did you mean "exit_code"'],
  ],
  ['write not a mapping', rule('    write: [ a.txt ]\n'), ['rules[1].write: must be a mapping']],
  [
    'write value not a string',
    rule('    write: { a.txt: 3 }\n'),
    ['rules[1].write["a.txt"]: must be a string, got the number 3'],
  ],
  [
    'write absolute path',
    rule('    write: { /etc/passwd: x }\n'),
    ['rules[1].write["/etc/passwd"]: path "/etc/passwd" must be relative'],
  ],
  ['write escaping path', rule('    write: { ../up.txt: x }\n'), ['path "../up.txt" escapes the working directory']],
  [
    'append escaping path',
    rule('    append: { "a/../../b": x }\n'),
    ['rules[1].append', 'escapes the working directory'],
  ],
  ['replace not a list', rule('    replace: { file: a, find: b, with: c }\n'), ['rules[1].replace: must be a list']],
  [
    'replace without find',
    rule('    replace: [ { file: a.txt, with: b } ]\n'),
    ['rules[1].replace[0]: missing "find"', 'file, find and with'],
  ],
  [
    'replace without with',
    rule('    replace: [ { file: a.txt, find: b } ]\n'),
    ['rules[1].replace[0]: missing "with"'],
  ],
  [
    'replace unknown key',
    rule('    replace: [ { file: a.txt, find: b, with: c, all: true } ]\n'),
    ['rules[1].replace[0].all: unknown key'],
  ],
  [
    'replace empty find',
    rule('    replace: [ { file: a.txt, find: "", with: c } ]\n'),
    ['rules[1].replace[0].find: must not be empty'],
  ],
  ['delete not strings', rule('    delete: [ 1 ]\n'), ['rules[1].delete[0]: must be a string']],
  ['delete the worktree', rule('    delete: [ "." ]\n'), ['rules[1].delete[0]:', 'names the directory itself']],
  ['plan not a list', rule('    plan: { name: x }\n'), ['rules[1].plan: must be a list']],
  ['plan task not a mapping', rule('    plan: [ x ]\n'), ['rules[1].plan[0]: must be a task mapping', 'use "out"']],
  [
    'validate without pass',
    rule('    validate: { comments: x }\n'),
    ['rules[1].validate: "pass" must be true or false, got nothing'],
  ],
  [
    'validate pass as string',
    rule('    validate: { pass: yes }\n'),
    ['"pass" must be true or false, got the string "yes"'],
  ],
  [
    'validate unknown key',
    rule('    validate: { pass: true, comment: x }\n'),
    ['rules[1].validate.comment: unknown key', 'did you mean "comments"'],
  ],
  ['artifact not text', rule('    artifact: { a: 1 }\n'), ['rules[1].artifact: must be a string, got a mapping']],
  ['out escaping', rule('    out: { ../x: y }\n'), ['rules[1].out["../x"]:', 'escapes']],
  ['exit_code too big', rule('    exit_code: 256\n'), ['rules[1].exit_code: must be between 0 and 255, got 256']],
  ['exit_code fraction', rule('    exit_code: 1.5\n'), ['rules[1].exit_code: must be an integer, got the number 1.5']],
  ['stdout not text', rule('    stdout: [ a ]\n'), ['rules[1].stdout: must be a string']],
  ['turns zero', rule('    turns: 0\n'), ['rules[1].turns: must be between 1 and']],
  ['turns quoted', rule('    turns: "3"\n'), ['rules[1].turns: must be an integer, got the string "3"']],
  [
    'tokens unknown key',
    rule('    tokens: { input: 3 }\n'),
    ['rules[1].tokens.input: unknown key', 'expected one of: in, out, cache_read, cache_write'],
  ],
  ['tokens negative', rule('    tokens: { in: -1 }\n'), ['rules[1].tokens.in: must be between 0 and']],
  ['cost negative', rule('    cost: -0.1\n'), ['rules[1].cost: must be a number ≥ 0']],
  ['cost as text', rule('    cost: "$3"\n'), ['rules[1].cost: must be a number ≥ 0 (USD), got the string "$3"']],
  ['delay bare number', rule('    delay: 5\n'), ['rules[1].delay: must be a duration', 'got the number 5']],
  ['delay bad unit', rule('    delay: 2 seconds\n'), ['rules[1].delay: must be a duration', '"2 seconds"']],
];

describe('malformed scripts', () => {
  it.each(MALFORMED)('%s', (_name, text, fragments) => {
    const msg = errorOf(text);
    expect(msg.startsWith('.gump/stub.yaml')).toBe(true);
    expect(msg).not.toContain('\n');
    for (const f of fragments) expect(msg).toContain(f);
  });

  it('loadStubScript names a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gump-stub-script-'));
    try {
      const missing = join(dir, 'nope.yaml');
      expect(() => loadStubScript(missing)).toThrow(StubScriptError);
      expect(() => loadStubScript(missing)).toThrow(`${missing}: cannot read the stub script (file not found)`);
      writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nrules:\n  - match: x\n    turns: many\n');
      expect(() => loadStubScript(join(dir, 'bad.yaml'))).toThrow(
        `${join(dir, 'bad.yaml')}:4: rules[0].turns: must be an integer`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
