// The live progress of a real attempt (issue 9): usage reaches the progress while the agent streams,
// turn by turn, not only when it ends. With a heartbeat period of 0 every usage event prints a
// `working` line, so the lines show what arrived and when.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

describe('progress during an attempt', () => {
  it('prints the usage of each turn as the stub streams it, then the agent line and the gate', async () => {
    const r = await runScenario({
      workflow:
        'name: w\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Implement {spec}"\n    gate: ["bash: true"]\n',
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "x" }\n    turns: 3\n    tokens: { in: 3000, out: 300 }\n    cost: 0.06\n',
      // No timer: only usage events print (the timer's heartbeats are tested in test/runtime/run/progress.test.ts).
      progress: { now: () => 0, heartbeatMs: 0, every: () => () => undefined },
    });
    expect(r.code).toBe(0);
    expect(r.output.split('\n').filter((l) => l.startsWith('['))).toEqual([
      '[impl]                       running  (claude-sonnet)  attempt 1',
      '[impl]                       working  claude-sonnet  0.0s  1 turn  1.0k/100 tokens  $0.020',
      '[impl]                       working  claude-sonnet  0.0s  2 turns  2.0k/200 tokens  $0.040',
      '[impl]                       working  claude-sonnet  0.0s  3 turns  3.0k/300 tokens  $0.060',
      '[impl]                       agent    claude-sonnet  0.0s  3 turns  3.0k/300 tokens  $0.060',
      '[impl]                       gate     bash_0 ✓  0.0s',
      '[impl]                       pass',
    ]);
  });
});
