// Lowering to the Plan IR: defaults applied, references bound to state keys, callees embedded,
// byte-for-byte deterministic (whatever the caller's cwd), and written by `gump compile`.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentStep, Plan } from '../../protocol/plan.js';
import { checkFiles } from '../../src/compile.js';
import { lowerPlan, serialisePlan } from '../../src/3-lower/lower.js';
import { MemoryHost } from '../../src/project/memory-host.js';

function lower(text: string, files: Record<string, string> = {}): Plan {
  const host = new MemoryHost({ ...files, '.gump/workflows/wf.yaml': text });
  const source = host.source('.gump/workflows/wf.yaml');
  const { results } = checkFiles(host, [source]);
  expect(results[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return lowerPlan(results[0]!.workflow!, source.file);
}

const LIBRARY = join(import.meta.dirname, '..', '..', 'library', 'workflows');

describe('lowering', () => {
  it('applies the defaults of §4.2, §11 and §13 explicitly', () => {
    const plan = lower(
      'name: d\nsteps:\n  - name: review\n    type: validate\n    agent: claude-opus\n    prompt: "Review {spec}"\n',
    );
    const step = plan.workflows[plan.root]!.steps[0] as AgentStep;
    expect(step).toMatchObject({
      kind: 'agent',
      type: 'validate',
      pass: false,
      worktree: 'read-only',
      noWrite: true,
      session: { kind: 'new' },
      hitl: 'none',
      gates: [],
      retry: { exit: 1, entries: [] },
      guard: {},
    });
    expect(plan.workflows[plan.root]!.inputs).toEqual(['spec']);
  });

  it('binds references to state keys: same task (*), qualified paths, GET pseudo-steps, callee state', () => {
    const plan = lower(readFileSync(join(LIBRARY, 'implement-spec.yaml'), 'utf8'));
    const root = plan.workflows[plan.root]!;
    const smoke = (root.steps[0] as AgentStep).each![1] as AgentStep;
    expect(smoke.path).toBe('decompose/*/smoke');
    expect(smoke.agent.parts).toEqual([
      { ref: 'converge.agent', kind: 'state', key: { path: ['decompose', '*', 'converge'], field: 'agent' } },
    ]);
    expect(smoke.session).toEqual({
      kind: 'from',
      step: { path: ['decompose', '*', 'converge'], field: 'session_id' },
    });
    const converge = (root.steps[0] as AgentStep).each![0] as AgentStep;
    expect(converge.prompt.parts).toContainEqual({
      ref: 'prev.gate.review.comments',
      kind: 'prev',
      field: 'gate.review.comments',
    });
    expect(converge.gates.map((g) => g.name)).toEqual(['compile', 'test', 'review']);
    expect(converge.gates[2]).toMatchObject({ type: 'validate', workflow: 'builtin:validators/arch-review.yaml' });
    expect(Object.keys(plan.workflows)).toEqual(['.gump/workflows/wf.yaml', 'builtin:validators/arch-review.yaml']);
    const review = plan.workflows['builtin:validators/arch-review.yaml']!;
    expect(review.validatorShaped).toBe(true);
    expect(review.inputs).toEqual(['agent', 'diff', 'spec']);
    expect(converge.retry.exit).toBe(6);
    expect(converge.retry.entries.map((e) => e.when)).toEqual([
      { kind: 'attempt', n: 2 },
      { kind: 'attempt', n: 4 },
    ]);
    expect(converge.retry.entries[1]).toMatchObject({
      session: 'new',
      worktree: 'reset',
      agent: { text: 'claude-opus' },
    });
  });

  it('maps `{x.state.k.f}` of a call and `{g.output}` of a GET workflow below the step', () => {
    const plan = lower(
      [
        'name: c',
        'steps:',
        '  - name: setup',
        '    workflow: prep',
        '  - name: impl',
        '    type: code',
        '    agent: claude-haiku',
        '    get:',
        '      workflow: research',
        '      prompt: "Use {research.output} and {setup.state.check.comments}"',
        '',
      ].join('\n'),
      {
        '.gump/workflows/prep.yaml':
          'name: prep\nsteps:\n  - name: check\n    type: validate\n    agent: claude-haiku\n    prompt: "Check"\n',
        '.gump/workflows/research.yaml':
          'name: research\nsteps:\n  - name: find\n    type: artifact\n    agent: claude-haiku\n    prompt: "Find"\n',
      },
    );
    const impl = plan.workflows[plan.root]!.steps[1] as AgentStep;
    expect(impl.prompt.parts.filter((p) => typeof p !== 'string')).toEqual([
      { ref: 'research.output', kind: 'state', key: { path: ['impl', 'get', 'research'], field: 'output' } },
      { ref: 'setup.state.check.comments', kind: 'state', key: { path: ['setup', 'check'], field: 'comments' } },
    ]);
    expect(impl.get).toMatchObject({ workflow: '.gump/workflows/research.yaml', as: 'research' });
  });

  it('is byte-for-byte deterministic', () => {
    for (const name of ['implement-spec', 'tdd', 'parallel-tasks', 'cheap2sota']) {
      const text = readFileSync(join(LIBRARY, `${name}.yaml`), 'utf8');
      expect(serialisePlan(lower(text))).toBe(serialisePlan(lower(text)));
    }
  });
});

describe('gump compile --target plan', () => {
  it('writes .gump/compiled/<name>.plan.json and the runtime, identical from any cwd; --check detects staleness', () => {
    const repo = mkdtempSync(join(tmpdir(), 'gump-compile-'));
    mkdirSync(join(repo, '.gump', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.gump', 'workflows', 'impl.yaml'), readFileSync(join(LIBRARY, 'freeform.yaml'), 'utf8'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const cli = join(import.meta.dirname, '..', '..', 'bin', 'gump.mjs');
    execFileSync(process.execPath, [cli, 'compile'], { cwd: repo });
    const first = readFileSync(join(repo, '.gump', 'compiled', 'impl.plan.json'), 'utf8');
    mkdirSync(join(repo, 'sub'));
    execFileSync(process.execPath, [cli, 'compile', '--root', repo], { cwd: join(repo, 'sub') });
    expect(readFileSync(join(repo, '.gump', 'compiled', 'impl.plan.json'), 'utf8')).toBe(first);
    expect(JSON.parse(first).source.path).toBe('.gump/workflows/impl.yaml');
    expect(readFileSync(join(repo, '.gump', 'runtime', 'gump-runtime.mjs'), 'utf8').length).toBeGreaterThan(10_000);
    execFileSync(process.execPath, [cli, 'compile', '--check'], { cwd: repo });
    writeFileSync(
      join(repo, '.gump', 'workflows', 'impl.yaml'),
      readFileSync(join(LIBRARY, 'freeform.yaml'), 'utf8').replace('max_budget: 5', 'max_budget: 6'),
    );
    let code = 0;
    try {
      execFileSync(process.execPath, [cli, 'compile', '--check'], { cwd: repo, stdio: 'pipe' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(1);
  });
});

describe('lowering retry validator state', () => {
  it('maps `{impl.retry_validator.<name>.state.<step>.<field>}` to the key the runtime writes', () => {
    const plan = lower(
      [
        'name: r',
        'steps:',
        '  - name: impl',
        '    type: code',
        '    agent: claude-haiku',
        '    prompt: "Implement"',
        '    gate: [compile]',
        '    retry:',
        '      - validate: validators/check',
        '        agent: claude-sonnet',
        '      - exit: 2',
        '  - name: after',
        '    type: code',
        '    agent: claude-haiku',
        '    prompt: "Saw {impl.retry_validator.check.state.verdict.comments}"',
        '',
      ].join('\n'),
      {
        '.gump/validators/check.yaml':
          'name: check\nsteps:\n  - name: verdict\n    type: validate\n    agent: claude-haiku\n    prompt: "Judge {diff}"\n',
      },
    );
    const after = plan.workflows[plan.root]!.steps[1] as AgentStep;
    expect(after.prompt.parts.filter((p) => typeof p !== 'string')).toEqual([
      {
        ref: 'impl.retry_validator.check.state.verdict.comments',
        kind: 'state',
        key: { path: ['impl', 'retry', 'check', 'verdict'], field: 'comments' },
      },
    ]);
  });
});
