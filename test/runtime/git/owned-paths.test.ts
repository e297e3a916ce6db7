// Runtime-owned paths (language.md §22): `.gump/out/`, `.gump/run/` and the provider context files
// at the repository root, as a predicate and as git exclude arguments built from one list.
import { describe, expect, it } from 'vitest';
import { CONTEXT_FILES } from '../../../protocol/models.js';
import { isOwnedPath, OWNED_CLEAN_EXCLUDES, OWNED_PATHSPEC_EXCLUDES } from '../../../runtime/git/owned-paths.js';

describe('isOwnedPath', () => {
  it.each([
    ['.gump/out/review.json', true],
    ['.gump/out', true],
    ['./.gump/run/state.json', true],
    ['.gump/run/a/b/c', true],
    ['CLAUDE.md', true],
    ['AGENTS.md', true],
    ['GEMINI.md', true],
    ['QWEN.md', true],
    ['.cursor/rules/gump-agent.mdc', true],
    ['.gump/workflows/x.yaml', false],
    ['.gump/output', false],
    ['.gump/conventions.md', false],
    ['docs/CLAUDE.md', false],
    ['.cursor/rules/other.mdc', false],
    ['src/a.ts', false],
  ])('%s → %s', (path, owned) => {
    expect(isOwnedPath(path)).toBe(owned);
  });

  it('covers every context file of protocol/models.ts', () => {
    for (const f of CONTEXT_FILES) expect(isOwnedPath(f)).toBe(true);
    expect(OWNED_PATHSPEC_EXCLUDES).toHaveLength(2 + CONTEXT_FILES.length);
    expect(OWNED_CLEAN_EXCLUDES).toHaveLength(2 + CONTEXT_FILES.length);
    expect(OWNED_PATHSPEC_EXCLUDES).toContain(':(top,exclude,literal).gump/out');
    expect(OWNED_CLEAN_EXCLUDES).toContain('/CLAUDE.md');
  });
});
