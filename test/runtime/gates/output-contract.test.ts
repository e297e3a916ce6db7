// Output contracts (language.md §5) and the schema plan/review checks (§8.2).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkPlanSchema,
  checkPlanText,
  checkVerdictText,
  validateOutput,
} from '../../../runtime/gates/output-contract.js';
import { makeProject, type Project } from './helpers.js';

let p: Project | undefined;
afterEach(() => p?.cleanup());

const plan = (v: unknown) => checkPlanText(typeof v === 'string' ? v : JSON.stringify(v));
const verdict = (v: unknown) => checkVerdictText(typeof v === 'string' ? v : JSON.stringify(v));

describe('split: plan.json', () => {
  it('accepts a valid plan, keeps known keys, ignores unknown ones', () => {
    const text = JSON.stringify([
      { name: 'add-auth', description: 'd', files: ['src/a.ts'], extra: 1 },
      { name: 'v1.2_x' },
    ]);
    expect(plan(text)).toEqual({
      ok: true,
      text,
      value: [{ name: 'add-auth', description: 'd', files: ['src/a.ts'] }, { name: 'v1.2_x' }],
    });
  });

  it('accepts an empty plan', () => expect(plan([])).toMatchObject({ ok: true, value: [] }));

  it.each([
    ['{"name": "a"}', 'plan.json must be an array of task objects'],
    ['null', 'plan.json must be an array of task objects'],
    ['"tasks"', 'plan.json must be an array of task objects'],
    [[1], 'task 1: must be an object, not 1'],
    [[null], 'task 1: must be an object, not null'],
    [[['a']], 'task 1: must be an object, not an array'],
    [[{}], 'task 1: "name" must be a string (missing)'],
    [[{ name: 3 }], 'task 1: "name" must be a string, not 3'],
    [[{ name: 'ok' }, { name: 'a/b' }], 'task 2: name "a/b" must match [A-Za-z0-9._-]+'],
    [[{ name: '' }], 'task 1: name "" must match [A-Za-z0-9._-]+'],
    [[{ name: 'has space' }], 'task 1: name "has space" must match [A-Za-z0-9._-]+'],
    [[{ name: '.' }], 'task 1: name "." is not allowed'],
    [[{ name: '..' }], 'task 1: name ".." is not allowed'],
    [[{ name: 'x' }, { name: 'x' }], 'duplicate task name "x"'],
    [[{ name: 'x', description: 5 }], 'task 1 ("x"): "description" must be a string, not 5'],
    [[{ name: 'x', files: 'src/a.ts' }], 'task 1 ("x"): "files" must be an array of non-empty strings'],
    [[{ name: 'x', files: [''] }], 'task 1 ("x"): "files" must be an array of non-empty strings'],
    [[{ name: 'x', files: [1] }], 'task 1 ("x"): "files" must be an array of non-empty strings'],
  ])('rejects %j', (input, message) => {
    expect(plan(input)).toEqual({ ok: false, message });
  });

  it('reports invalid JSON on one line', () => {
    const r = plan('[{"name": "a",]');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^plan\.json is not valid JSON: [^\n]+$/);
  });

  it('lists every problem, capped', () => {
    const r = plan([{ name: 'a/b' }, { name: 'x', files: [''] }]);
    expect(r).toEqual({
      ok: false,
      message:
        'task 1: name "a/b" must match [A-Za-z0-9._-]+; task 2 ("x"): "files" must be an array of non-empty strings',
    });
    const many = plan(Array.from({ length: 15 }, () => ({ name: '/' })));
    expect(!many.ok && many.message).toMatch(/; … and 5 more$/);
  });
});

describe('schema: plan', () => {
  it('requires a non-empty description on every task', () => {
    expect(checkPlanSchema(JSON.stringify([{ name: 'a', description: 'x', files: ['f'] }]))).toMatchObject({
      ok: true,
    });
    expect(checkPlanSchema('[]')).toMatchObject({ ok: true });
    expect(
      checkPlanSchema(
        JSON.stringify([{ name: 'a', description: 'x' }, { name: 'b' }, { name: 'c', description: ' ' }]),
      ),
    ).toEqual({
      ok: false,
      message:
        'task 2 ("b"): "description" must be a non-empty string; task 3 ("c"): "description" must be a non-empty string',
    });
  });

  it('includes the base contract', () => {
    expect(checkPlanSchema(JSON.stringify([{ name: 'a', description: 'x', files: [''] }]))).toMatchObject({
      ok: false,
    });
  });
});

describe('validate: validate.json', () => {
  it.each([
    [{ pass: true }, { pass: true, comments: '' }],
    [
      { pass: true, comments: 'fine' },
      { pass: true, comments: 'fine' },
    ],
    [
      { pass: false, comments: 'missing tests' },
      { pass: false, comments: 'missing tests' },
    ],
    [
      { pass: false, comment: 'alias' },
      { pass: false, comments: 'alias' },
    ],
  ])('accepts %j', (input, value) => expect(verdict(input)).toMatchObject({ ok: true, value }));

  it.each([
    [[true], 'validate.json must be a JSON object, not an array'],
    [{}, 'validate.json: "pass" must be true or false (missing)'],
    [{ pass: 'true' }, 'validate.json: "pass" must be true or false, not "true"'],
    [{ pass: false }, 'validate.json: "comments" is required when pass is false'],
    [{ pass: false, comments: '  ' }, 'validate.json: "comments" is required when pass is false'],
    [{ pass: true, comments: ['a'] }, 'validate.json: "comments" must be a string, not an array'],
    [{ pass: false, comment: 3 }, 'validate.json: "comment" must be a string, not 3'],
  ])('rejects %j', (input, message) => expect(verdict(input)).toEqual({ ok: false, message }));

  it('reports invalid JSON', () =>
    expect(verdict('pass: true')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^validate\.json is not valid JSON: /),
    }));
});

describe('validateOutput (files)', () => {
  const out = (files: Record<string, string>): string => {
    p = makeProject();
    const dir = join(p.root, '.gump/out');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('reports missing files by name', () => {
    const dir = out({});
    expect(validateOutput('split', dir)).toEqual({ ok: false, message: 'plan.json is missing' });
    expect(validateOutput('validate', dir)).toEqual({ ok: false, message: 'validate.json is missing' });
    expect(validateOutput('artifact', dir)).toEqual({ ok: false, message: 'artifact.txt is missing' });
    expect(validateOutput('code', dir)).toEqual({ ok: true, value: '', text: '' });
  });

  it('reads and checks existing files (BOM tolerated)', () => {
    const dir = out({
      'plan.json': '\uFEFF[{"name":"a"}]',
      'validate.json': '{"pass":true}',
      'artifact.txt': 'report\n',
    });
    expect(validateOutput('split', dir)).toMatchObject({ ok: true, value: [{ name: 'a' }] });
    expect(validateOutput('validate', dir)).toMatchObject({ ok: true, value: { pass: true, comments: '' } });
    expect(validateOutput('artifact', dir)).toEqual({ ok: true, value: 'report\n', text: 'report\n' });
  });

  it('accepts an empty artifact, reports an unreadable one', () => {
    p = makeProject();
    const dir = join(p.root, '.gump/out');
    mkdirSync(join(dir, 'artifact.txt'), { recursive: true });
    expect(validateOutput('artifact', dir)).toEqual({ ok: false, message: 'artifact.txt cannot be read: EISDIR' });
    expect(validateOutput('artifact', out({ 'artifact.txt': '' }))).toMatchObject({ ok: true, text: '' });
  });
});
