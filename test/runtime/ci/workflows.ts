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

