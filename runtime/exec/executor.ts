// Executor: walks a workflow frame's steps in order (language.md §1) and dispatches each step to the
// module of its kind — atomic and pass steps (atomic.ts), splits (split.ts), gate-only steps
// (gate-only.ts), parallel groups (group.ts), workflow calls (call.ts). It holds nothing but the services.

import type { PlanStep } from '../../protocol/plan.js';
import { runAtomic } from './atomic.js';
import { runCall } from './call.js';
import type { Frame } from './frame.js';
import { runGateOnly } from './gate-only.js';
import { runGroup } from './group.js';
import { PASS, type Outcome, type Services } from './services.js';
import { runSplit } from './split.js';

export class Executor {
  constructor(readonly svc: Services) {}

  async runSteps(frame: Frame, steps: readonly PlanStep[]): Promise<Outcome> {
    for (const step of steps) {
      const outcome = await this.runStep(frame, step);
      if (outcome.status !== 'pass') return outcome;
    }
    return PASS;
  }

  runStep(frame: Frame, step: PlanStep): Promise<Outcome> {
    switch (step.kind) {
      case 'agent':
        return step.type === 'split' ? runSplit(this, frame, step) : runAtomic(this, frame, step);
      case 'gates':
        return runGateOnly(this, frame, step);
      case 'group':
        return runGroup(this, frame, step);
      case 'call':
        return runCall(this, frame, step);
    }
  }
}
