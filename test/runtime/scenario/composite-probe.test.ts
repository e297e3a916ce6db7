import { it } from 'vitest';
import { runScenario } from './harness.js';
it('probe', async () => {
  const r = await runScenario({
    workflow: `name: s
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan {spec}"
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}: {task.description} in {task.files}"
      - name: check
        type: code
        agent: claude-haiku
        prompt: "Check {task.name}"
`,
    stub: `version: 1
rules:
  - match: decompose
    plan:
      - { name: t1, description: "First", files: ["src/a/**", "docs/a.md"] }
      - { name: t2, description: "Second", files: ["src/b"] }
  - match: "decompose/t1/impl"
    write: { "src/a/x.ts": "a\\n" }
  - match: "decompose/t2/impl"
    write: { "src/b/y.ts": "b\\n" }
`,
  });
  console.log(r.code, r.output, r.commits, JSON.stringify(r.state.values, null, 1), r.ledger.map((e) => JSON.stringify(e)).join('\n'));
});
