// Small workflows and stub scripts shared by the CI-chain tests: a sequential split of three tasks
// (each writing its own file) followed by a gate-only step.

export const SEQ = `name: seq
steps:
  - name: plan
    type: split
    get: { prompt: "Plan {spec}" }
    run:
      agent: claude-sonnet
    gate: [schema]
    each:
      - name: impl
        type: code
        get: { prompt: "{task.description}" }
        run:
          agent: claude-haiku
        gate: [compile]
  - name: quality
    gate: [compile, test]
`;
export const SEQ_STUB = `version: 1
rules:
  - match: plan
    plan:
      - { name: one, description: "src/one.js", files: ["src/one.js"] }
      - { name: two, description: "src/two.js", files: ["src/two.js"] }
      - { name: three, description: "src/three.js", files: ["src/three.js"] }
  - match: plan/one/impl
    write: { "src/one.js": "module.exports = 1;\\n" }
  - match: plan/two/impl
    write: { "src/two.js": "module.exports = 2;\\n" }
  - match: plan/three/impl
    write: { "src/three.js": "module.exports = 3;\\n" }
`;

/** An approval point after the gate of `impl`, then a gate-only step. */
export const GATED =
  'name: gated\nsteps:\n  - name: impl\n    type: code\n    get: { prompt: "{spec}" }\n    run:\n      agent: claude-sonnet\n      hitl: after_gate\n    gate: [compile]\n  - name: quality\n    gate: [compile, test]\n';
export const GATED_STUB = 'version: 1\nrules:\n  - match: impl\n    write: { "src/a.js": "module.exports = 1;\\n" }\n';

/** `impl` has one attempt; the stub breaks the build on its first invocation and fixes it on the next. */
export const FLAKY =
  'name: flaky\nsteps:\n  - name: first\n    type: code\n    agent: claude-haiku\n    prompt: "First"\n  - name: impl\n    type: code\n    get: { prompt: "{spec}" }\n    run:\n      agent: claude-sonnet\n    gate: [compile]\n    retry:\n      - exit: 1\n  - name: quality\n    gate: [compile, test]\n';
export const FLAKY_STUB = `version: 1
rules:
  - match: first
    write: { "src/first.js": "module.exports = 0;\\n" }
  - match: impl
    attempts:
      - write: { "src/a.js": "module.exports = (;\\n" }
      - replace: [ { file: src/a.js, find: "(;", with: "1;" } ]
`;
