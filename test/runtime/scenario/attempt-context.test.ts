// Scenario tests of the context delivered to the agent (language.md §16): `file:` and `bash:`
// entries, missing files and failing commands (warnings), `.gump/conventions.md` for code steps,
// the spec for split steps, the task's globs, and the user's own AGENTS.md / CLAUDE.md, which are
// restored and never committed with gump's content. Context text is probed from inside the attempt
// with stub `replace`s on AGENTS.md (absent text → the stub exits 3 and the attempt fails).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

describe('§16 context entries', () => {
  it('inlines `file:` (template path) and `bash:` entries; a missing file or failing command is skipped with a warning', async () => {
    const r = await runScenario({
      workflow: `name: c
steps:
  - name: pick
    type: artifact
    agent: claude-sonnet
    prompt: "Pick"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    context:
      - file: "docs/{pick.output}.md"
      - file: docs/missing.md
      - bash: "echo from-bash; pwd"
      - bash: "echo nope; exit 2"
`,
      files: { 'docs/api.md': 'API NOTES\n' },
      stub: `version: 1
rules:
  - match: pick
    artifact: api
  - match: impl
    replace:
      - { file: AGENTS.md, find: "## Context: docs/api.md\\n\\nAPI NOTES\\n", with: "" }
      - { file: AGENTS.md, find: "## Context: $ echo from-bash; pwd\\n\\nfrom-bash\\n", with: "" }
    write: { "done.txt": "ok\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('warning', 'impl').map((e) => e.message)).toEqual([
      'context file docs/missing.md not found; entry skipped',
      'context command "echo nope; exit 2" failed (exit 2); entry dropped',
    ]);
    expect(r.output).toContain('warning: impl: context file docs/missing.md not found; entry skipped');
    expect(r.state.values['impl.status']).toBe('pass');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });

  it('a context file above 400 000 characters is inlined with a size warning', async () => {
    const r = await runScenario({
      workflow:
        'name: c\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Go"\n    context: [ { file: big.txt } ]\n',
      files: { 'big.txt': `BIG-START${'x'.repeat(400_000)}` },
      stub: 'version: 1\nrules:\n  - match: impl\n    replace: [ { file: AGENTS.md, find: "## Context: big.txt\\n\\nBIG-START", with: "" } ]\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('warning', 'impl').map((e) => e.message)).toEqual([
      'context file big.txt is 400009 characters long',
    ]);
    expect(r.commits).toEqual([]);
  });

  it('`bash:` context entries run in the run worktree root (also for `worktree: none`)', async () => {
    const r = await runScenario({
      workflow: `name: c
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review"
    worktree: none
    context: [ { bash: "cat package.json | head -c 40" }, { file: spec.md } ]
`,
      stub: `version: 1
rules:
  - match: review
    replace:
      - { file: AGENTS.md, find: "{\\"name\\":\\"demo\\"", with: "" }
      - { file: AGENTS.md, find: "## Context: spec.md", with: "" }
    validate: { pass: true }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('warning')).toHaveLength(0);
  });
});

describe('§16 context file sections', () => {
  it('code steps get `.gump/conventions.md` and, inside a task, the task globs; split steps the spec', async () => {
    const r = await runScenario({
      workflow: `name: c
steps:
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
      - name: check
        type: validate
        agent: claude-sonnet
        prompt: "Check {task.name}"
`,
      files: { '.gump/conventions.md': 'Use tabs, never spaces.\n' },
      spec: '# Spec\nUNIQUE-SPEC-TEXT\n',
      stub: `version: 1
rules:
  - match: plan
    replace:
      - { file: AGENTS.md, find: "## Specification\\n\\n# Spec\\nUNIQUE-SPEC-TEXT", with: "" }
    plan: [ { name: t1, description: "one", files: ["src/**"] } ]
  - match: "plan/*/impl"
    replace:
      - { file: AGENTS.md, find: "## Project conventions\\n\\nUse tabs, never spaces.", with: "" }
      - { file: AGENTS.md, find: "## Files you may change", with: "" }
      - { file: AGENTS.md, find: "- \`src/**\`", with: "" }
    write: { "src/x.ts": "x\\n" }
  - match: "plan/*/check"
    attempts:
      - replace: [ { file: AGENTS.md, find: "Project conventions", with: "" } ]
`,
    });
    // The validate step has no conventions section: its probe fails the (only) attempt.
    expect(r.code).toBe(1);
    expect(r.state.values['plan.status']).toBe('fatal');
    expect(r.state.values['plan/t1/impl.status']).toBe('pass');
    expect(r.state.values['plan/t1/check.status']).toBe('fatal');
    expect(r.events('attempt.finished', 'plan/t1/check')[0]!.error).toMatch(
      /"Project conventions" not found in "AGENTS.md"/,
    );
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
  });

  it('a split step whose prompt renders empty gets the default decomposition instruction', async () => {
    const r = await runScenario({
      workflow: `name: c
steps:
  - name: pick
    type: artifact
    agent: claude-sonnet
    prompt: "Pick"
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "{pick.output}"
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
`,
      stub: `version: 1
rules:
  - match: pick
    artifact: ""
  - match: plan
    replace: [ { file: AGENTS.md, find: "## Your task\\n\\nDecompose the specification below into independent tasks.", with: "" } ]
    plan: []
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.values['pick.output']).toBe('');
    expect(r.state.values['plan.status']).toBe('pass');
    expect(r.commits).toEqual([]);
  });

  it("restores the user's AGENTS.md and never commits context-file paths", async () => {
    const r = await runScenario({
      workflow: `name: c
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["bash: grep -q 'user agents' AGENTS.md", "untouched: CLAUDE.md"]
`,
      files: { 'AGENTS.md': 'user agents\n', 'CLAUDE.md': 'user claude\n' },
      stub: `version: 1
rules:
  - match: impl
    replace: [ { file: AGENTS.md, find: "# gump step: impl", with: "# edited by the agent" } ]
    append: { "AGENTS.md": "agent note\\n", "CLAUDE.md": "agent claude note\\n" }
    write: { "src/a.ts": "a\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.values['impl.files']).toBe('src/a.ts');
    expect(r.state.values['impl.diff']).not.toMatch(/AGENTS\.md|CLAUDE\.md/);
    expect(r.state.values['impl.gate.bash_0']).toBe('true');
    expect(r.state.values['impl.gate.untouched_1']).toBe('true');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
    expect(r.file('AGENTS.md')).toBe('user agents\n');
    expect(r.file('CLAUDE.md')).toBe('user claude\n');
    // The user's AGENTS.md is back in the worktree, and no aside copy is left behind.
    expect(readFileSync(join(r.worktree, 'AGENTS.md'), 'utf8')).toBe('user agents\n');
    expect(r.git('status', '--porcelain', '--', 'AGENTS.md.gump-aside')).toBe('');
  });
});
