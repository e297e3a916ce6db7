// The runtime's `gitlab-child` (runtime/run/ci-gitlab-child.ts): a split's child pipeline is the
// compiled child file plus one job per planned task, in plan order, only when the restored run goes
// on into the split (a sequential split's task jobs each in their own stage, written at the marker
// line); byte-for-byte the same for the same plan.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { Services } from '../../runtime/exec/services.js';
import {
  ChildConfigError,
  childPipeline,
  childTasks,
  gitlabChildCommand,
  isSequentialSplit,
  taskJobName,
} from '../../runtime/run/ci-gitlab-child.js';

const CONFIG = '# compiled\nstages: [ decompose tasks ]\n.t:\n  stage: decompose tasks\n  script: [ "true" ]\n';

function svc(status: string, planned: boolean): Services {
  const tasks = [
    { name: 'add-math', description: '', files: [] },
    { name: 'add.stats_2', description: '', files: [] },
  ];
  return {
    state: { status, splits: planned ? { decompose: { tasks, pass: 1, branchHeads: {} } } : {} },
  } as unknown as Services;
}

describe('gitlab-child', () => {
  it('a job per planned task, plan order, extending the template with GUMP_TASK', () => {
    const text = childPipeline({
      split: 'decompose',
      config: CONFIG,
      template: '.t',
      tasks: childTasks(svc('running', true), 'decompose'),
    });
    expect(text.startsWith(CONFIG)).toBe(true);
    const jobs = parse(text) as Record<string, unknown>;
    expect(jobs['decompose/add-math']).toEqual({ extends: '.t', variables: { GUMP_TASK: '0' } });
    expect(jobs['decompose/add.stats_2']).toEqual({ extends: '.t', variables: { GUMP_TASK: '1' } });
    expect(Object.keys(jobs).slice(-2)).toEqual(['decompose/add-math', 'decompose/add.stats_2']);
    expect(
      childPipeline({ split: 'decompose', config: CONFIG, template: '.t', tasks: ['add-math', 'add.stats_2'] }),
    ).toBe(text);
  });
  it('no task job when the run does not go on into the split, or it planned nothing', () => {
    for (const s of [svc('waiting', true), svc('aborted', true), svc('fatal', true), svc('running', false)])
      expect(childTasks(s, 'decompose')).toEqual([]);
    const text = childPipeline({ split: 'decompose', config: CONFIG, template: '.t', tasks: [] });
    expect(Object.keys(parse(text) as Record<string, unknown>)).toEqual(['stages', '.t']);
    expect(text).toContain('no task job');
  });
  it('a task job name past GitLab\u2019s 255 characters falls back to its position', () => {
    expect(taskJobName('decompose', 'x'.repeat(300), 4)).toBe('decompose task 5');
    expect(taskJobName('decompose', 'short', 0)).toBe('decompose/short');
  });
  it('a sequential split: the marker line becomes one stage per task in plan order, each task job in its stage', () => {
    const config = [
      '# compiled',
      'stages:',
      '  - decompose base',
      '  # gump-runtime gitlab-child: one stage per planned task, in plan order',
      '  - decompose end',
      '.t:',
      '  script: [ "true" ]',
      '',
    ].join('\n');
    const text = childPipeline({ split: 'decompose', config, template: '.t', tasks: ['b', 'a'], sequential: true });
    expect(text).toBe(
      [
        '# compiled',
        'stages:',
        '  - decompose base',
        '  - "decompose task 1"',
        '  - "decompose task 2"',
        '  - decompose end',
        '.t:',
        '  script: [ "true" ]',
        '',
        '# Added when the pipeline ran (gump-runtime gitlab-child): one job per task decompose planned, in plan order.',
        '"decompose/b":',
        '  extends: ".t"',
        '  stage: "decompose task 1"',
        '  variables:',
        '    GUMP_TASK: "0"',
        '"decompose/a":',
        '  extends: ".t"',
        '  stage: "decompose task 2"',
        '  variables:',
        '    GUMP_TASK: "1"',
        '',
      ].join('\n'),
    );
    // Nothing planned (or a run that does not go on): no task stage, no task job, still a valid configuration.
    const none = parse(childPipeline({ split: 'decompose', config, template: '.t', tasks: [], sequential: true }));
    expect(none).toEqual({ stages: ['decompose base', 'decompose end'], '.t': { script: ['true'] } });
  });
  it('a compiled file without exactly one marker line is refused with a diagnostic', () => {
    for (const config of [
      CONFIG,
      `${CONFIG}  # gump-runtime gitlab-child: one stage per planned task, in plan order\n`.repeat(2),
    ])
      expect(() =>
        childPipeline({ split: 'decompose', config, template: '.t', tasks: ['a'], sequential: true }),
      ).toThrow(ChildConfigError);
  });
  it('reads from the plan whether the split is sequential', () => {
    const plan = (parallel: boolean) =>
      ({
        plan: {
          root: 'w',
          workflows: {
            w: {
              steps: [
                { kind: 'agent', type: 'split', path: 'decompose', parallel },
                { kind: 'gate', path: 'q' },
              ],
            },
          },
        },
      }) as unknown as Services;
    expect(isSequentialSplit(plan(false), 'decompose')).toBe(true);
    expect(isSequentialSplit(plan(true), 'decompose')).toBe(false);
    expect(isSequentialSplit(plan(false), 'q')).toBe(false);
  });
  it('the command reads the compiled file from the checkout and writes the child; a file without the marker is exit 2 with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gump-gitlab-child-'));
    try {
      const services = {
        ...svc('running', true),
        plan: { root: 'w', workflows: { w: { steps: [{ kind: 'agent', type: 'split', path: 'decompose' }] } } },
      } as unknown as Services;
      const marker = '  # gump-runtime gitlab-child: one stage per planned task, in plan order';
      writeFileSync(join(dir, 'child.yml'), `stages:\n  - decompose base\n${marker}\n.t:\n  script: [ "true" ]\n`);
      const args = {
        split: 'decompose',
        config: 'child.yml',
        template: '.t',
        out: join(dir, 'out/c.yml'),
        worktree: dir,
      };
      expect(gitlabChildCommand(services, args)).toBe(0);
      expect((parse(readFileSync(join(dir, 'out/c.yml'), 'utf8')) as { stages: string[] }).stages).toEqual([
        'decompose base',
        'decompose task 1',
        'decompose task 2',
      ]);
      writeFileSync(join(dir, 'child.yml'), CONFIG);
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(gitlabChildCommand(services, args)).toBe(2);
        expect(String(stderr.mock.calls[0]?.[0])).toMatch(
          /^gump-runtime: the compiled child file of decompose needs exactly one line .* \(recompile: npx gump compile --target gitlab\)\n$/,
        );
      } finally {
        stderr.mockRestore();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
