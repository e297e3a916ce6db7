// Single quotes in `run:` scripts built with expressions: the parser wraps the script in
// format('…') with every ' doubled, and @actions/expressions un-escapes only the first '' of a
// literal; the executor un-escapes them all. Multi-line scalars keep their real value (a heredoc
// terminator at the start of its line, folded lines joined).

import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './expressions.js';
import { fixture } from './stand-in.js';

describe('quoting', () => {
  it('un-escapes every doubled quote in a string literal', () => {
    expect(evaluateExpression("format('it''s ''{0}'' and ''{1}''', 'a', 'b')", { contexts: {} })).toBe(
      "it's 'a' and 'b'",
    );
    expect(evaluateExpression("'a''b''c''d'", { contexts: {} })).toBe("a'b'c'd");
  });

  it('runs scripts with several single quotes around expressions', async () => {
    const f = fixture();
    const result = await f.run('quoting.yml');
    expect(result.jobs).toEqual({ quotes: 'success' });
    const lines = f.read('summary.md').split('\n');
    expect(lines).toContain(`it's O'Brien's 'q' x's y and a'b'c`);
    expect(lines).toContain(`heredoc: 'O'Brien' isn't 'quoted' twice ('workflow_dispatch')`);
    expect(lines).toContain(`folded O'Brien 'one' 'two'`);
  });
});
