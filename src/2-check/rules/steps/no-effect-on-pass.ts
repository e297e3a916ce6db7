// GUMP512 (language.md §4.2 W cells): a pass step runs no agent, so prompt, context, session,
// worktree and guard have no effect; each is warned at its key.

import type { Rule } from '../../rule.js';

const NO_EFFECT = ['prompt', 'context', 'session', 'worktree', 'guard'];

export const noEffectOnPass: Rule = {
  name: 'no-effect-on-pass',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'pass') continue;
      for (const key of s.ast.keys.values()) {
        if (NO_EFFECT.includes(key.name)) out.report('GUMP512', key.keySpan, { key: key.name });
      }
    }
  },
};
