// evaluateGates (language.md §8.2, §8.3): every gate type passing and failing with real processes,
// no short-circuit, skipped optional gates, timeouts, and the §8.5 state keys.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Gate } from '../../../protocol/plan.js';
import { evaluateGates, gateStateKeys, type GateContext, type GateResult } from '../../../runtime/gates/evaluate.js';
import { checkResultOf } from '../../../runtime/gates/state-keys.js';
import { config, context, makeProject, nodeCmd, type Project } from './helpers.js';

let p: Project | undefined;
afterEach(() => p?.cleanup());

async function one(
  gate: Gate,
  extra: Partial<GateContext> = {},
  files: Record<string, string> = {},
): Promise<GateResult> {
  p = makeProject(files);
  const [r] = await evaluateGates([gate], context(p, extra));
  return r!;
}

const withBin = (proj: Project): string => `${proj.bin}${delimiter}${process.env.PATH ?? ''}`;

describe('compile', () => {
  it('passes on exit 0 and fails with the error context', async () => {
    const ok = await one(
      { name: 'compile', type: 'compile' },
      { config: config({ compile_cmd: nodeCmd('process.exit(0)') }) },
    );
    expect(ok).toMatchObject({ name: 'compile', type: 'compile', status: 'pass' });
    expect(ok.error).toBeUndefined();
    const ko = await one(
      { name: 'compile', type: 'compile' },
      {
        config: config({
          compile_cmd: nodeCmd('console.log("building"); console.error("x.ts:1 error"); process.exit(2)'),
        }),
      },
    );
    expect(ko).toMatchObject({ status: 'fail', error: 'gate compile failed (exit 2)\nx.ts:1 error\nbuilding' });
  });

  it('runs the package.json build script through npm', async () => {
    const pkg = JSON.stringify({ scripts: { build: nodeCmd('require("fs").writeFileSync("built", "1")') } });
    const r = await one({ name: 'compile', type: 'compile' }, {}, { 'package.json': pkg });
    expect(r.status).toBe('pass');
    expect(existsSync(join(p!.root, 'built'))).toBe(true);
  });

  it('fails with the hint when unresolvable or when the program is missing', async () => {
    const none = await one({ name: 'compile', type: 'compile' });
    expect(none).toMatchObject({
      status: 'fail',
      error: expect.stringMatching(
        /^gate compile failed: no compile command found.*set compile_cmd in gump\.toml \[validation\]/,
      ),
    });
    p = makeProject({ 'go.mod': 'module m\n' });
    const [missing] = await evaluateGates([{ name: 'compile', type: 'compile' }], context(p, { env: { PATH: p.bin } }));
    expect(missing).toMatchObject({ status: 'fail', error: expect.stringContaining('"go" is not on PATH') });
  });
});

describe('test', () => {
  it('passes on exit 0, fails otherwise', async () => {
    expect(await one({ name: 'test', type: 'test' }, { config: config({ test_cmd: 'true' }) })).toMatchObject({
      status: 'pass',
    });
    expect(
      await one({ name: 'test', type: 'test' }, { config: config({ test_cmd: 'echo "1 failed"; exit 1' }) }),
    ).toMatchObject({
      status: 'fail',
      error: 'gate test failed (exit 1)\n1 failed',
    });
  });

  it('(compat) passes Go exit 1 with "no packages to test" / "no test files", not other Go failures', async () => {
    p = makeProject({ 'go.mod': 'module m\n' });
    p.program('go', 'echo "no packages to test" >&2; exit 1');
    const ctx = context(p, { env: { PATH: withBin(p) } });
    expect((await evaluateGates([{ name: 'test', type: 'test' }], ctx))[0]).toMatchObject({ status: 'pass' });
    p.program('go', 'echo "?   m/a [no test files]"; exit 1');
    expect((await evaluateGates([{ name: 'test', type: 'test' }], ctx))[0]).toMatchObject({ status: 'pass' });
    p.program('go', 'echo "--- FAIL: TestX"; echo "FAIL m/b 0.1s"; exit 1');
    expect((await evaluateGates([{ name: 'test', type: 'test' }], ctx))[0]).toMatchObject({ status: 'fail' });
  });

  it('does not apply the Go rule to other tools', async () => {
    const r = await one(
      { name: 'test', type: 'test' },
      { config: config({ test_cmd: 'echo "no test files"; exit 1' }) },
    );
    expect(r.status).toBe('fail');
  });
});

describe('lint', () => {
  it('is skipped with a warning when unresolvable, and logged', async () => {
    const logged: string[] = [];
    const r = await one({ name: 'lint', type: 'lint' }, { log: (w) => logged.push(w) });
    expect(r).toMatchObject({
      status: 'skipped',
      warning: expect.stringContaining('set lint_cmd in gump.toml [validation]'),
    });
    expect(logged).toEqual([r.warning]);
  });

  it('is skipped when its program is missing, fails on a non-zero exit', async () => {
    p = makeProject({ 'go.mod': '' });
    const [skipped] = await evaluateGates([{ name: 'lint', type: 'lint' }], context(p, { env: { PATH: p.bin } }));
    expect(skipped).toMatchObject({
      status: 'skipped',
      warning: expect.stringContaining('"golangci-lint" is not on PATH'),
    });
    expect(await one({ name: 'lint', type: 'lint' }, { config: config({ lint_cmd: 'exit 3' }) })).toMatchObject({
      status: 'fail',
      error: 'gate lint failed (exit 3)',
    });
  });
});

describe('coverage', () => {
  const cov = (cmd: string, threshold = 80) =>
    one({ name: 'coverage_0', type: 'coverage', threshold }, { config: config({ coverage_cmd: cmd }) });

  it('passes at or above the threshold', async () => {
    expect(await cov('echo "coverage: 80% of statements"')).toMatchObject({ status: 'pass' });
    expect(await cov('echo "total: (statements) 91.5%"; echo "coverage: 10%"')).toMatchObject({ status: 'pass' });
  });

  it('fails below the threshold, without a percentage, or on a non-zero exit', async () => {
    expect(await cov('echo "coverage: 79.9%"')).toMatchObject({
      status: 'fail',
      error: expect.stringMatching(/^gate coverage_0 failed \(exit 0, coverage 79\.9% is below 80%\)/),
    });
    expect(await cov('echo done')).toMatchObject({
      status: 'fail',
      error: 'gate coverage_0 failed (exit 0, no coverage percentage found in the output)\ndone',
    });
    expect(await cov('echo "coverage: 99%"; exit 1')).toMatchObject({
      status: 'fail',
      error: expect.stringMatching(/^gate coverage_0 failed \(exit 1\)/),
    });
  });

  it('is skipped when unresolvable', async () => {
    expect(await one({ name: 'coverage_0', type: 'coverage', threshold: 50 })).toMatchObject({ status: 'skipped' });
  });
});

describe('tests_found', () => {
  const tf = (cmd: string) => one({ name: 'tests_found', type: 'tests_found' }, { config: config({ test_cmd: cmd }) });

  it('passes when tests ran, even failing ones (exit 0 or 1)', async () => {
    expect(await tf('echo "Tests:  2 failed, 2 total"; exit 1')).toMatchObject({ status: 'pass' });
    expect(await tf('echo "collected 3 items"')).toMatchObject({ status: 'pass' });
  });

  it('fails when no test ran, on another exit status, or when unresolvable', async () => {
    expect(await tf('echo "running 0 tests"')).toMatchObject({
      status: 'fail',
      error: 'gate tests_found failed (exit 0, no executed test found in the output)\nrunning 0 tests',
    });
    expect(await tf('echo "=== RUN TestA"; exit 2')).toMatchObject({
      status: 'fail',
      error: expect.stringMatching(/^gate tests_found failed \(exit 2\)/),
    });
    expect(await one({ name: 'tests_found', type: 'tests_found' })).toMatchObject({
      status: 'fail',
      error: expect.stringContaining('set test_cmd'),
    });
  });

  it('runs Go tests in verbose mode', async () => {
    p = makeProject({ 'go.mod': '' });
    p.program('go', 'case "$*" in "test -v ./...") echo "=== RUN   TestA";; *) echo "args: $*";; esac');
    const [r] = await evaluateGates(
      [{ name: 'tests_found', type: 'tests_found' }],
      context(p, { env: { PATH: withBin(p) } }),
    );
    expect(r).toMatchObject({ status: 'pass' });
  });
});

describe('bash', () => {
  it('runs literally in the worktree root with the GUMP_* environment', async () => {
    const r = await one(
      {
        name: 'bash_0',
        type: 'bash',
        command:
          'test "$GUMP_STEP_PATH:$GUMP_ATTEMPT:$GUMP_TASK_NAME:$GUMP_RUN_ID" = "impl:2::r1" && test -f marker.txt && test "{spec}" = "{spec}"',
      },
      {},
      { 'marker.txt': '' },
    );
    expect(r).toMatchObject({ status: 'pass' });
  });

  it('fails with the error context; a timeout is a failure', async () => {
    expect(await one({ name: 'bash_0', type: 'bash', command: 'echo out; echo err >&2; exit 4' })).toMatchObject({
      status: 'fail',
      error: 'gate bash_0 failed (exit 4)\nerr\nout',
    });
    const slow = await one(
      { name: 'bash_0', type: 'bash', command: 'echo begun; sleep 5' },
      { config: config({ timeoutMs: 300 }) },
    );
    expect(slow).toMatchObject({ status: 'fail', error: 'gate bash_0 failed (timed out after 0.3s)\nbegun' });
    expect(slow.durationMs).toBeLessThan(3000);
  });

  it('a timed-out command gate fails too', async () => {
    const r = await one({ name: 'test', type: 'test' }, { config: config({ test_cmd: 'sleep 5', timeoutMs: 200 }) });
    expect(r).toMatchObject({ status: 'fail', error: 'gate test failed (timed out after 0.2s)' });
  });
});

describe('schema', () => {
  const out = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([k, v]) => [`.gump/out/${k}`, v]));
  const goodPlan = JSON.stringify([{ name: 'a', description: 'do a', files: ['src/a.ts'] }]);

  it('bare on a split step checks plan.json', async () => {
    expect(
      await one({ name: 'schema', type: 'schema' }, { stepType: 'split' }, out({ 'plan.json': goodPlan })),
    ).toMatchObject({ status: 'pass' });
    expect(
      await one({ name: 'schema', type: 'schema' }, { stepType: 'split' }, out({ 'plan.json': '[{"name":"a/b"}]' })),
    ).toMatchObject({
      status: 'fail',
      error: 'gate schema failed: task 1: name "a/b" must match [A-Za-z0-9._-]+',
    });
    expect(await one({ name: 'schema', type: 'schema' }, { stepType: 'split' })).toMatchObject({
      status: 'fail',
      error: 'gate schema failed: plan.json is missing',
    });
  });

  it('bare on a validate step checks validate.json and records its comments', async () => {
    const r = await one(
      { name: 'schema', type: 'schema' },
      { stepType: 'validate' },
      out({ 'validate.json': '{"pass": true, "comment": "lgtm"}' }),
    );
    expect(r).toMatchObject({ status: 'pass', comments: 'lgtm' });
    const bad = await one(
      { name: 'schema', type: 'schema' },
      { stepType: 'validate' },
      out({ 'validate.json': '{"pass": "yes"}' }),
    );
    expect(bad).toMatchObject({
      status: 'fail',
      comments: '',
      error: expect.stringContaining('"pass" must be true or false'),
    });
  });

  it('schema: plan requires descriptions; schema: review checks the verdict', async () => {
    const plan = { name: 'schema_0', type: 'schema', arg: 'plan' } as const;
    expect(await one(plan, { stepType: 'split' }, out({ 'plan.json': goodPlan }))).toMatchObject({ status: 'pass' });
    expect(await one(plan, { stepType: 'split' }, out({ 'plan.json': '[{"name":"a"}]' }))).toMatchObject({
      status: 'fail',
      error: expect.stringContaining('"description" must be a non-empty string'),
    });
    const review = { name: 'schema_0', type: 'schema', arg: 'review' } as const;
    expect(await one(review, { stepType: 'validate' }, out({ 'validate.json': '{"pass": true}' }))).toMatchObject({
      status: 'pass',
      comments: '',
    });
    expect(await one(review, { stepType: 'validate' }, out({ 'validate.json': '{"pass": false}' }))).toMatchObject({
      status: 'fail',
    });
  });

  it('bare on a step without a contract fails', async () => {
    expect(await one({ name: 'schema', type: 'schema' }, { stepType: 'code' })).toMatchObject({
      status: 'fail',
      error: expect.stringContaining('no output contract'),
    });
  });
});

describe('touched / untouched', () => {
  const touched = (glob: string, changedFiles: string[], type: 'touched' | 'untouched' = 'touched') =>
    one({ name: `${type}_0`, type, glob }, { changedFiles });

  it('touched: at least one changed file matches (base name without /)', async () => {
    expect(await touched('*_test.*', ['pkg/a.go', 'pkg/a_test.go'])).toMatchObject({ status: 'pass' });
    expect(await touched('src/**/*.ts', ['src/a/b.ts'])).toMatchObject({ status: 'pass' });
    expect(await touched('*_test.*', ['pkg/a.go'])).toMatchObject({
      status: 'fail',
      error: 'gate touched_0 failed: no changed file matches "*_test.*" (changed: pkg/a.go)',
    });
    expect(await touched('*', [])).toMatchObject({
      status: 'fail',
      error: expect.stringContaining('no file was changed'),
    });
  });

  it('ignores runtime-owned paths and context files', async () => {
    expect(await touched('*', ['.gump/out/plan.json', 'CLAUDE.md', '.gump/run/x'])).toMatchObject({
      status: 'fail',
      error: expect.stringContaining('no file was changed'),
    });
    expect(await touched('*.md', ['AGENTS.md'], 'untouched')).toMatchObject({ status: 'pass' });
  });

  it('untouched: no changed file matches', async () => {
    expect(await touched('vendor/**', ['src/a.go'], 'untouched')).toMatchObject({ status: 'pass' });
    expect(await touched('vendor/', ['vendor/x/y.go', 'src/a.go'], 'untouched')).toMatchObject({
      status: 'fail',
      error: expect.stringContaining('vendor/x/y.go'),
    });
    expect(await touched('vendor', ['vendor/x/y.go'], 'untouched')).toMatchObject({ status: 'pass' }); // no `/`: base names only
    expect(await touched('*', [], 'untouched')).toMatchObject({ status: 'pass' });
  });
});

describe('validate', () => {
  const gate: Gate = { name: 'review', type: 'validate', workflow: 'builtin:validators/arch-review.yaml', inputs: [] };

  it('passes on a pass verdict, fails with the comments or the validator error', async () => {
    const seen: Gate[] = [];
    expect(
      await one(gate, { runValidator: async (g) => (seen.push(g), { pass: true, comments: 'fine' }) }),
    ).toMatchObject({ status: 'pass', comments: 'fine' });
    expect(seen).toEqual([gate]);
    expect(await one(gate, { runValidator: async () => ({ pass: false, comments: 'layering broken' }) })).toMatchObject(
      {
        status: 'fail',
        comments: 'layering broken',
        error: 'gate review failed: layering broken',
      },
    );
    expect(
      await one(gate, { runValidator: async () => ({ pass: false, comments: '', error: 'agent exited 1' }) }),
    ).toMatchObject({
      status: 'fail',
      error: 'gate review failed: agent exited 1',
    });
  });
});

describe('evaluation order', () => {
  it('runs every entry in order without short-circuit', async () => {
    p = makeProject();
    const order: string[] = [];
    const gates: Gate[] = [
      { name: 'bash_0', type: 'bash', command: 'echo 0 >> log; exit 1' },
      { name: 'lint', type: 'lint' },
      { name: 'review', type: 'validate', workflow: 'v', inputs: [] },
      { name: 'bash_3', type: 'bash', command: 'echo 3 >> log' },
      { name: 'touched_4', type: 'touched', glob: '*.ts' },
    ];
    const results = await evaluateGates(
      gates,
      context(p, {
        changedFiles: ['a.ts'],
        runValidator: async () => (order.push('review'), { pass: false, comments: 'no' }),
      }),
    );
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['bash_0', 'fail'],
      ['lint', 'skipped'],
      ['review', 'fail'],
      ['bash_3', 'pass'],
      ['touched_4', 'pass'],
    ]);
    expect(execFileSync('cat', ['log'], { cwd: p.root, encoding: 'utf8' })).toBe('0\n3\n');
    expect(order).toEqual(['review']);
    expect(checkResultOf(results)).toBe('fail');
    expect(checkResultOf([])).toBe('none');
    expect(checkResultOf(results.filter((r) => r.status !== 'fail'))).toBe('pass');
  });
});

describe('pyproject compile command', () => {
  const python = (() => {
    try {
      execFileSync('python3', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!python)('byte-compiles *.py outside hidden folders without writing into the worktree', async () => {
    p = makeProject({ 'pyproject.toml': '', 'pkg/deep/a.py': 'x = 1\n', '.venv/bad.py': 'x = (\n' });
    const ctx = context(p);
    expect((await evaluateGates([{ name: 'compile', type: 'compile' }], ctx))[0]).toMatchObject({ status: 'pass' });
    expect(execFileSync('find', ['.', '-name', '__pycache__'], { cwd: p.root, encoding: 'utf8' })).toBe('');
    mkdirSync(join(p.root, 'pkg/deeper'), { recursive: true });
    writeFileSync(join(p.root, 'pkg/deeper/b.py'), 'def f(:\n');
    const [ko] = await evaluateGates([{ name: 'compile', type: 'compile' }], ctx);
    expect(ko).toMatchObject({ status: 'fail', error: expect.stringContaining('b.py') });
  });
});

describe('gateStateKeys', () => {
  const r = (
    name: string,
    type: string,
    status: GateResult['status'],
    extra: Partial<GateResult> = {},
  ): GateResult => ({ name, type, status, durationMs: 1, ...extra });

  it('writes §8.5 keys', () => {
    const results = [
      r('compile', 'compile', 'pass'),
      r('lint', 'lint', 'skipped', { warning: 'w' }),
      r('bash_2', 'bash', 'fail', { error: 'gate bash_2 failed (exit 1)' }),
      r('review', 'validate', 'fail', { comments: 'bad', error: 'gate review failed: bad' }),
      r('check', 'validate', 'pass', { comments: '' }),
    ];
    expect(gateStateKeys('decompose/a/impl', results)).toEqual({
      'decompose/a/impl.gate.compile': 'true',
      'decompose/a/impl.gate.lint': 'true',
      'decompose/a/impl.gate.bash_2': 'false',
      'decompose/a/impl.gate.bash_2.error': 'gate bash_2 failed (exit 1)',
      'decompose/a/impl.gate.review': 'false',
      'decompose/a/impl.gate.review.error': 'gate review failed: bad',
      'decompose/a/impl.gate.review.pass': 'false',
      'decompose/a/impl.gate.review.comments': 'bad',
      'decompose/a/impl.gate.check': 'true',
      'decompose/a/impl.gate.check.pass': 'true',
      'decompose/a/impl.gate.check.comments': '',
    });
  });

  it('writes .comments for schema on a validate step only', () => {
    const results = [r('schema', 'schema', 'pass', { comments: 'ok' })];
    expect(gateStateKeys('v', results, { stepType: 'validate' })).toEqual({
      'v.gate.schema': 'true',
      'v.gate.schema.comments': 'ok',
    });
    expect(gateStateKeys('s', [r('schema', 'schema', 'pass')], { stepType: 'split' })).toEqual({
      's.gate.schema': 'true',
    });
  });
});
