// How many approval jobs follow a step that can wait, per target and `[ci] approval` (ARCHITECTURE.md
// "Approvals"): GitHub chains at most 10 environment approvals and leaves later waits (or all of
// them, in dispatch mode) to a new dispatch; GitLab has no dispatch resume, so every approval point
// gets its blocking manual job there, whatever `[ci] approval` says.

import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import type { Target } from '../../targets/ci/limits.js';

/** One `hitl: after_gate` step retried `exit` times: that many approval points. */
function workflow(exit: number): string {
  return [
    'name: review',
    'steps:',
    '  - name: impl',
    '    type: code',
    '    agent: claude-sonnet',
    '    prompt: "Implement {spec}"',
    '    hitl: after_gate',
    '    gate: [compile]',
    '    retry:',
    `      - exit: ${exit}`,
    '',
  ].join('\n');
}

function approvalJobs(target: Target, exit: number, approval?: 'dispatch'): string[] {
  const files: Record<string, string> = { '.gump/workflows/review.yaml': workflow(exit) };
  if (approval) files['gump.toml'] = `[ci]\napproval = "${approval}"\n`;
  const host = new MemoryHost(files);
  const result = compile(host, [host.source('.gump/workflows/review.yaml')!], [target]);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const text = result.workflows[0]!.files[1]!.text;
  const ids = target === 'github' ? /^ {2}([a-z0-9_-]+):$/gm : /^"?([^\s"][^"\n]*?)"?:$/gm;
  return [...text.matchAll(ids)].map((m) => m[1]!).filter((id) => /-approve-\d+$/.test(id));
}

describe('approval jobs per target', () => {
  it('GitHub chains at most 10 approvals; GitLab one per approval point', () => {
    expect(approvalJobs('github', 12)).toEqual(Array.from({ length: 10 }, (_, i) => `impl-approve-${i + 1}`));
    expect(approvalJobs('gitlab', 12)).toEqual(Array.from({ length: 12 }, (_, i) => `impl-approve-${i + 1}`));
  });

  it('dispatch mode drops the approval jobs on GitHub only', () => {
    expect(approvalJobs('github', 2, 'dispatch')).toEqual([]);
    expect(approvalJobs('gitlab', 2, 'dispatch')).toEqual(['impl-approve-1', 'impl-approve-2']);
  });
});
