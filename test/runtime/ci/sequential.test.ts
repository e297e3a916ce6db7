// A sequential split cut into CI jobs (protocol/units.ts): planner, slots (a surplus last slot does
// nothing), the split's closing unit, the next step — each job in its own fresh clone, handing
// boundaries only — ends like an in-process `gump run` of the same plan and stub script.

import { describe, expect, it } from 'vitest';
import { demoProject, FAST_GATES, outcomeOf, runLibrary } from '../e2e/library-run.js';
import { chain, finalState, pipeline } from './ci-chain.js';
import { SEQ, SEQ_STUB } from './workflows.js';

function files(wf: string, stub: string): Record<string, string> {
  return demoProject({ ...FAST_GATES, '.gump/workflows/seq.yaml': wf, '.gump/stub.yaml': stub });
}

describe('ci: sequential split in slots', () => {
  it('planner, slots 0..3 (the last one surplus), the closing unit and the next step end as gump run does', async () => {
    const p = pipeline('seq', files(SEQ, SEQ_STUB));
    const jobs = await chain(p, ['planner-0', 'slot-0-0', 'slot-0-1', 'slot-0-2', 'slot-0-3-last', 'step-0', 'step-1']);
    for (const j of jobs) expect(j.code, j.stderr + j.stdout).toBe(0);
    expect(jobs.map((j) => j.outputs.state)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(jobs[0]!.outputs).toMatchObject({
      count: '3',
      tasks: '[{"i":0,"name":"one"},{"i":1,"name":"two"},{"i":2,"name":"three"}]',
    });
    expect(jobs[0]!.outputsJson).toEqual(jobs[0]!.outputs);
    const ci = outcomeOf(await finalState(p));
    const local = outcomeOf(await runLibrary({ workflow: 'seq', files: p.files }));
    expect(ci.status).toBe('pass');
    expect(ci.tree).toBe(local.tree);
    expect(ci.steps).toEqual(local.steps);
    expect(ci.ledger).toEqual(local.ledger);
    expect(ci.commits).toEqual(local.commits);
  });
});
