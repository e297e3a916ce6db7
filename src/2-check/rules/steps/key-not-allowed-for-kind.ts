// GUMP307 (language.md §4.2): the "—" cells without a more specific code. On a group: type and
// every agent-phase key; on a call: type, agent-phase settings and steps. Reported at the step,
// once per key. A call's keys inside get:/run: are covered by GUMP310 instead.

import type { Rule } from '../../rule.js';
import type { StepKind } from '../../model.js';
import { keyLabel } from './step-facts.js';

const ILLEGAL: Partial<Record<StepKind, readonly string[]>> = {
  group: ['type', 'prompt', 'context', 'worktree', 'session', 'getWorkflow', 'agent', 'guard'],
  call: ['type', 'prompt', 'context', 'worktree', 'session', 'getWorkflow', 'guard', 'steps'],
};

export const keyNotAllowedForKind: Rule = {
  name: 'key-not-allowed-for-kind',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const illegal = ILLEGAL[s.kind];
      if (!illegal) continue;
      for (const key of s.ast.keys.values()) {
        if (!illegal.includes(key.name)) continue;
        if (s.kind === 'call' && key.place !== 'step') continue;
        out.report('GUMP307', s.ast.span, { key: keyLabel(key.name), kind: s.kind });
      }
    }
  },
};
