// A first end-to-end scenario: one code step, one gate, the stub writes a file.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

describe('scenario harness', () => {
  it('runs a one-step workflow in stub mode and commits the snapshot on the run branch', async () => {
    const r = await runScenario({
      workflow:
        'name: one\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Implement {spec}"\n    gate: [compile]\n',
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "src/a.ts": "export const a = 1;\\n" }\n    tokens: { in: 100, out: 10 }\n    cost: 0.02\n',
    });
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
    expect(r.file('src/a.ts')).toBe('export const a = 1;\n');
    expect(r.state.values['impl.status']).toBe('pass');
    expect(r.state.values['impl.gate.compile']).toBe('true');
    expect(r.state.values['impl.cost']).toBe('0.02');
    expect(r.state.values['impl.cost_source']).toBe('reported');
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'pass' });
    // The user's branch is untouched.
    expect(r.git('log', '--format=%s', 'main')).toBe('base');
  });
});
