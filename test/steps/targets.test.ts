// Target rules: nesting limits (language.md §6.5, §12) and platform limits when compiling for a
// target (§19.5).

import { describe, expect, it } from 'vitest';
import { jobId } from '../../src/2-check/rules/targets/target-limits.js';
import { formatDuration } from '../../protocol/duration.js';
import { checkText, codesAt } from '../helpers/check.js';

const only = (yaml: string, files: Record<string, string> = {}, target?: 'github' | 'gitlab') =>
  codesAt(checkText(yaml, files, target ? { target } : {})).filter((c) => c.startsWith('GUMP4'));

const split = (name: string, indent: string, extra = '') =>
  `${indent}- name: ${name}
${indent}  type: split${extra}
${indent}  agent: claude-opus
${indent}  prompt: "Plan {spec}"
${indent}  each:
${indent}    - name: q
${indent}      gate: [compile]
`;

describe('GUMP401 nested split', () => {
  it('reports a split inside a task and inside a group branch, at the step', () => {
    expect(
      only(`name: w
steps:
  - name: outer
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
${split('inner', '      ')}  - name: g
    parallel: true
    steps:
${split('branch', '      ')}`),
    ).toEqual(['GUMP401@8:9', 'GUMP401@18:9']);
  });
  it('reports a call inside a task whose callee has a split', () => {
    const files = { '.gump/workflows/plan.yaml': `name: plan\nsteps:\n${split('s', '  ')}` };
    expect(
      only(
        `name: w
steps:
  - name: outer
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: sub
        workflow: plan
`,
        files,
      ),
    ).toEqual(['GUMP401@8:9']);
  });
  it('accepts a split at the root and a call to it from the root', () => {
    const files = { '.gump/workflows/plan.yaml': `name: plan\nsteps:\n${split('s', '  ')}` };
    expect(only(`name: w\nsteps:\n${split('a', '  ')}  - name: c\n    workflow: plan\n`, files)).toEqual([]);
  });
});

describe('GUMP402 nested parallel', () => {
  it('reports a group or parallel split inside a branch, allows a group in a sequential task', () => {
    expect(
      only(`name: w
steps:
  - name: outer
    type: split
    parallel: true
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: g
        parallel: true
        steps:
          - name: q
            gate: [compile]
  - name: seq
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: g
        parallel: true
        steps:
          - name: q
            gate: [compile]
  - name: grp
    parallel: true
    steps:
${split('p', '      ', '\n        parallel: true')}`),
    ).toEqual(['GUMP402@9:9', 'GUMP402@27:9']);
  });
});

describe('GUMP403 hitl in a parallel branch', () => {
  it('reports the hitl key of a branch step, and a call whose callee has an approval point', () => {
    const files = {
      '.gump/workflows/approve.yaml':
        'name: a\nsteps:\n  - name: ok\n    type: code\n    agent: pass\n    hitl: true\n    gate: [compile]\n',
    };
    expect(
      only(
        `name: w
steps:
  - name: g
    parallel: true
    steps:
      - name: a
        type: code
        agent: claude-opus
        prompt: "Do {spec}"
        gate: [compile]
        hitl: after_gate
      - name: b
        workflow: approve
  - name: c
    workflow: approve
`,
        files,
      ),
    ).toEqual(['GUMP403@11:9', 'GUMP403@12:9']);
  });
});

describe('GUMP404 job id collision (target only)', () => {
  const yaml = `name: w
steps:
  - name: review
    parallel: true
    steps:
      - name: arch
        gate: [compile]
  - name: review-arch
    gate: [compile]
  - name: Build
    gate: [compile]
  - name: build
    gate: [compile]
`;
  it('reports the later step on GitHub (/ → -, case-insensitive)', () => {
    expect(only(yaml, {}, 'github')).toEqual(['GUMP404@8:5', 'GUMP404@12:5']);
    expect(jobId('review/arch', 'github')).toBe('review-arch');
  });
  it('reports a step named like a job the target adds for another step or for the run', () => {
    const added = `name: w
steps:
  - name: plan
    type: split
    parallel: true
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: q
        gate: [compile]
  - name: plan-merge
    gate: [compile]
  - name: seq
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: q
        gate: [compile]
  - name: seq-task-3
    gate: [compile]
  - name: gump-report
    gate: [compile]
`;
    expect(only(added, {}, 'github')).toEqual(['GUMP404@11:5', 'GUMP404@20:5', 'GUMP404@22:5']);
  });
  it('is silent without a target and on GitLab (names verbatim)', () => {
    expect(only(yaml)).toEqual([]);
    expect(only(yaml, {}, 'gitlab')).toEqual([]);
  });
});

describe('GUMP405 too many inputs (target only)', () => {
  const inputs = (n: number) => Array.from({ length: n }, (_, i) => `{in${i}}`).join(' ');
  const yaml = (n: number) => `name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec} ${inputs(n)}"
    gate: [compile]
`;
  it('counts spec and the inputs gump adds (stub, resume, decision) against GitHub\u2019s 25', () => {
    expect(only(yaml(21), {}, 'github')).toEqual([]);
    expect(only(yaml(22), {}, 'github')).toEqual(['GUMP405@1:1']);
    expect(only(yaml(22))).toEqual([]);
  });
});

describe('GUMP406 step path too long (target only)', () => {
  it('reports a static path over 99 characters on GitHub at the step', () => {
    const long = 'x'.repeat(60);
    const yaml = `name: w
steps:
  - name: ${long}
    parallel: true
    steps:
      - name: ${long}
        gate: [compile]
`;
    expect(only(yaml, {}, 'github')).toEqual(['GUMP406@6:9']);
    expect(only(yaml, {}, 'gitlab')).toEqual([]);
  });
  it('counts the jobs the target adds: a split whose task slots would be too long', () => {
    const name = 'y'.repeat(92);
    expect(only(`name: w\nsteps:\n${split(name, '  ')}`, {}, 'github')).toEqual(['GUMP406@3:5']);
    expect(only(`name: w\nsteps:\n${split('y'.repeat(91), '  ')}`, {}, 'github')).toEqual([]);
  });
});

describe('GUMP407 job time limit (target only)', () => {
  const yaml = `name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    guard: { max_time: 2h }
    gate: [compile]
    retry:
      - exit: 4
`;
  it('warns exit × max_time over the job limit at the max_time key', () => {
    expect(only(yaml, {}, 'github')).toEqual(['GUMP407@7:14']);
    expect(only(yaml.replace('exit: 4', 'exit: 3'), {}, 'github')).toEqual([]);
    expect(only(yaml.replace('exit: 4', 'exit: 2'), {}, 'gitlab')).toEqual(['GUMP407@7:14']);
    expect(only(yaml)).toEqual([]);
    expect(formatDuration(8 * 3_600_000 + 30 * 60_000)).toBe('8h30m');
  });
});

describe('nesting corner cases', () => {
  it('reports a sequential split in a parallel task as GUMP401, a parallel split in a group as GUMP402 only', () => {
    expect(
      only(`name: w
steps:
  - name: outer
    type: split
    parallel: true
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
${split('seq', '      ')}  - name: grp
    parallel: true
    steps:
${split('par', '      ', '\n        parallel: true')}`),
    ).toEqual(['GUMP401@9:9', 'GUMP402@19:9']);
  });
  it('reports a call in a branch whose callee has a parallel group as GUMP402', () => {
    const files = {
      '.gump/workflows/fan.yaml':
        'name: fan\nsteps:\n  - name: g\n    parallel: true\n    steps:\n      - name: q\n        gate: [compile]\n',
    };
    expect(
      only(
        `name: w
steps:
  - name: grp
    parallel: true
    steps:
      - name: c
        workflow: fan
`,
        files,
      ),
    ).toEqual(['GUMP402@6:9']);
  });
  it('treats the each: of a step that is not a split as a task, like every other rule (StepInfo.inTask)', () => {
    // `{task.name}` there is no GUMP106, and a split there is nested in a task: GUMP401 beside GUMP303.
    const yaml = `name: w
steps:
  - name: outer
    type: code
    agent: claude-sonnet
    prompt: "x"
    each:
      - name: inner
        type: split
        agent: claude-sonnet
        prompt: "Plan {task.name}"
        each:
          - name: t
            type: code
            agent: claude-haiku
            prompt: "Do"
`;
    expect(codesAt(checkText(yaml)).map((c) => c.split('@')[0])).toEqual(['GUMP303', 'GUMP401']);
  });
});
