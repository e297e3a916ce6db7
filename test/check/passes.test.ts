// The check driver computes shared facts once (program.ts): callees, bound templates, prompt texts
// and inputs are passes; rules only report; lowering reads the checked model and needs no host.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Program } from '../../src/2-check/program.js';
import type { SourceFile } from '../../src/2-check/host.js';
import type { CheckOptions, RuleContext } from '../../src/2-check/rule.js';
import { lowerPlan, serialisePlan } from '../../src/3-lower/lower.js';
import { checkFiles, compile } from '../../src/compile.js';
import { headline } from '../../src/diagnostics/render.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import { NodeHost } from '../../src/project/node-host.js';
import type { AgentStep } from '../../protocol/plan.js';
import { deepFreeze } from '../helpers/deep-freeze.js';

/** A program whose rules run over a deep-frozen model: any write by a rule throws. */
class FrozenProgram extends Program {
  protected override report(ctx: RuleContext): void {
    deepFreeze(ctx.wf);
    super.report(ctx);
  }
}

/** A memory host that counts reads of prompt files and can be closed (then every call throws). */
class CountingHost extends MemoryHost {
  readonly reads = new Map<string, number>();
  closed = false;
  override readRelative(from: SourceFile, path: string): string | undefined {
    if (this.closed) throw new Error('host used after the check phase');
    const key = `${from.file} → ${path}`;
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    return super.readRelative(from, path);
  }
  override resolve(...args: Parameters<MemoryHost['resolve']>): ReturnType<MemoryHost['resolve']> {
    if (this.closed) throw new Error('host used after the check phase');
    return super.resolve(...args);
  }
  override config(): SourceFile | undefined {
    if (this.closed) throw new Error('host used after the check phase');
    return super.config();
  }
}

const PROJECT = {
  'workflow.yaml': `name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: { file: prompts/impl.md }
    gate: [compile]
  - name: again
    type: code
    agent: claude-sonnet
    prompt: { file: prompts/impl.md }
    gate: [compile]
  - name: review
    type: validate
    agent: claude-opus
    prompt: { file: prompts/review.md }
  - name: helper
    workflow: helper
`,
  'prompts/impl.md': 'Implement {spec}.\n',
  'prompts/review.md': 'Review {impl.diff} against {spec}; ticket {ticket}.\n',
  '.gump/workflows/helper.yaml': `name: helper
steps:
  - name: fix
    type: code
    agent: claude-sonnet
    prompt: { file: fix.md }
    gate: [compile]
`,
  '.gump/workflows/fix.md': 'Fix {area}.\n',
};

describe('bind once', () => {
  it('reads each prompt file once per check, through check, lowering and both targets', () => {
    const host = new CountingHost(PROJECT);
    const result = compile(host, [host.source('workflow.yaml')], ['github', 'gitlab']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.fromEntries(host.reads)).toEqual({
      'workflow.yaml → prompts/impl.md': 1,
      'workflow.yaml → prompts/review.md': 1,
      '.gump/workflows/helper.yaml → fix.md': 1,
    });
  });

  it('lowers from the checked model alone: the host is closed before lowering', () => {
    const host = new CountingHost(PROJECT);
    const source = host.source('workflow.yaml');
    const wf = checkFiles(host, [source]).results[0]!.workflow!;
    host.closed = true;
    const plan = lowerPlan(wf);
    const root = plan.workflows[plan.root]!;
    const review = root.steps[2] as AgentStep;
    expect(review.prompt.text).toBe(PROJECT['prompts/review.md']);
    expect(review.prompt.parts).toContainEqual({
      ref: 'impl.diff',
      kind: 'state',
      key: { path: ['impl'], field: 'diff' },
    });
    expect(root.inputs).toEqual(['area', 'spec', 'ticket']);
    expect((plan.workflows['.gump/workflows/helper.yaml']!.steps[0] as AgentStep).prompt.text).toBe('Fix {area}.\n');
    // The same plan as the whole pipeline gives.
    const again = new CountingHost(PROJECT);
    expect(serialisePlan(plan)).toBe(
      serialisePlan(compile(again, [again.source('workflow.yaml')]).workflows[0]!.plan!),
    );
  });
});

describe('rules only report', () => {
  it('a frozen model really rejects writes (the helper the next tests rely on)', () => {
    const host = new MemoryHost(PROJECT);
    const wf = deepFreeze(checkFiles(host, [host.source('workflow.yaml')]).results[0]!.workflow!);
    expect(() => ((wf as { inputs: readonly string[] }).inputs = [])).toThrow(TypeError);
    expect(() => (wf.callees as Map<string, unknown>).set('x', {})).toThrow(TypeError);
    expect(() => wf.steps[0]!.ast.keys.delete('name')).toThrow(TypeError);
    expect(() => (wf.steps as unknown[]).push({})).toThrow(TypeError);
  });

  const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'diagnostics');
  const fixtureDirs = readdirSync(ROOT)
    .filter((d) => /^GUMP\d{3}-/.test(d))
    .sort();
  it.each(fixtureDirs)('%s: same diagnostics with the model frozen while rules run', (dir) => {
    const abs = join(ROOT, dir);
    const options = readdirSync(abs).includes('options.json')
      ? (JSON.parse(readFileSync(join(abs, 'options.json'), 'utf8')) as CheckOptions)
      : {};
    const host = new NodeHost(abs, abs);
    const program = new FrozenProgram(host, options);
    const configDiagnostics = program.config()?.diagnostics ?? [];
    const result = program.check(host.load('workflow.yaml'));
    const text = `${[...configDiagnostics, ...result.diagnostics].map((d) => headline(d).split('\n')[0]).join('\n')}\n`;
    expect(text).toBe(readFileSync(join(abs, 'expected.txt'), 'utf8'));
  });

  it('the built-in library: same diagnostics and the same plan from a frozen model', () => {
    const dir = join(import.meta.dirname, '..', '..', 'library', 'workflows');
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const files = { [`.gump/workflows/${file}`]: readFileSync(join(dir, file), 'utf8') };
      const plain = new MemoryHost(files);
      const source = plain.source(`.gump/workflows/${file}`);
      const expected = new Program(plain).check(source);
      const frozen = new FrozenProgram(new MemoryHost(files)).check(source);
      expect(frozen.diagnostics, file).toEqual(expected.diagnostics);
      if (expected.workflow && !expected.diagnostics.some((d) => d.severity === 'error')) {
        expect(serialisePlan(lowerPlan(frozen.workflow!)), file).toBe(serialisePlan(lowerPlan(expected.workflow)));
      }
    }
  });
});
