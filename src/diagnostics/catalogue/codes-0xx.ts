// Diagnostic catalogue, 0xx: YAML syntax and document structure (language.md §19.1).
// Pure data read by the check phase (code → slug, severity, message) and by `gump explain`.

import type { CatalogueEntry } from './entry.js';

export const structureCodes: CatalogueEntry[] = [
  {
    code: 'GUMP001',
    slug: 'yaml-syntax',
    severity: 'error',
    message: 'invalid YAML: {reason}',
    hint: 'check brackets, quotes and indentation around this line',
    fixable: false,
    explain:
      'The file is not valid YAML, for a reason not covered by GUMP005 or GUMP006. ' +
      'A syntax error stops the analysis of that file, so no other diagnostic is reported for it (§19).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP002',
    slug: 'empty-document',
    severity: 'error',
    message: 'the file contains no workflow',
    hint: 'a workflow needs at least name: and steps:',
    fixable: false,
    explain:
      'The file is empty or holds only comments, so there is no workflow to compile. ' +
      'A workflow is one YAML document with a `name` and a non-empty `steps` list (§2).',
    wrong: `# add-login workflow
# TODO: write the steps
`,
    right: `# add-login workflow
name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP003',
    slug: 'multiple-documents',
    severity: 'error',
    message: 'the file contains {count} YAML documents',
    hint: 'a workflow file holds exactly one document; move the others to their own files',
    fixable: false,
    explain:
      'The file holds more than one YAML document (separated by `---`). ' +
      'A workflow file holds exactly one document (§2.1), so each workflow lives in its own file.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
---
name: add-logout
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement logout as described in {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP004',
    slug: 'duplicate-key',
    severity: 'error',
    message: 'duplicate key "{key}"',
    hint: 'keep only one of them',
    fixable: false,
    explain:
      'A key appears twice in one mapping. YAML readers disagree on which value wins, so gump rejects the file ' +
      'instead of guessing (§2.1); analysis continues so that other problems are reported too.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-haiku
    prompt: "Implement {spec}"
    agent: claude-sonnet
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP005',
    slug: 'inline-session-from',
    severity: 'error',
    message: '"session: from: {value}" is not valid YAML; write the line as:\n{expected}',
    hint: 'a mapping nested on one line needs braces: session: { from: {value} }',
    fixable: true,
    explain:
      'The one-line form `session: from: <step>` is invalid YAML (a mapping nested in a compact mapping). ' +
      'The mapping must be written in flow or block form (§10); `gump fix` rewrites the line as `session: { from: <step> }` at the same indentation.',
    wrong: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make the new tests pass"
    session: from: tests
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make the new tests pass"
    session: { from: tests }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP006',
    slug: 'validator-inputs-overindented',
    severity: 'error',
    message: 'validator inputs are indented deeper than "validate:"; write them as:\n{expected}',
    hint: 'validator inputs are sibling keys of validate:, at its column ({column})',
    fixable: true,
    explain:
      'Lines indented deeper than a preceding `- validate: <ref>` gate entry make the YAML invalid. ' +
      'Validator inputs are sibling keys of `validate:` in the same mapping (§7.2); `gump fix` re-indents them to the column of `validate`.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/arch-review
          agent: claude-opus
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/arch-review
        agent: claude-opus
`,
  },
  {
    code: 'GUMP007',
    slug: 'root-not-mapping',
    severity: 'error',
    message: 'the document root must be a mapping, not {value}',
    hint: 'start the file with name: and steps:',
    fixable: false,
    explain:
      'The top level of the document is a list or a scalar. The root of a workflow is a mapping with `name`, `steps` and optional run limits (§2).',
    wrong: `- name: impl
  type: code
  agent: claude-sonnet
  prompt: "Implement {spec}"
  gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP008',
    slug: 'unknown-key',
    severity: 'error',
    message: 'unknown key "{key}" in {where}',
    fixable: false,
    explain:
      'A root, step, `get:`, `run:`, guard, session, gate, retry or context mapping holds a key the language does not define (§2, §4, §8.1, §9.1). ' +
      'Unknown keys are errors rather than being ignored, so a typo never silently drops a setting; the hint suggests the closest legal key.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_turn: 40 }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_turns: 40 }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP009',
    slug: 'misplaced-key',
    severity: 'error',
    message: '"{key}" is not allowed in {where}',
    hint: 'name, type, gate, retry, each, parallel, steps and with go on the step; agent, guard and hitl under run:; prompt, context, worktree and session under get:',
    fixable: false,
    explain:
      'A known key sits in the wrong place: a step-level key inside a `get:` or `run:` block, `type` under `run:`, `hitl` under a `get:` block, or a step-level key among the inputs of a GET workflow (§4.1, §7.3). ' +
      'Blocks only group agent-phase keys; everything else belongs on the step.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    run:
      agent: claude-sonnet
      gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    run:
      agent: claude-sonnet
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP010',
    slug: 'missing-workflow-name',
    severity: 'error',
    message: 'the workflow has no name',
    hint: 'add name: <workflow-name> at the top of the file',
    fixable: false,
    explain: 'The root `name` is missing or empty. It identifies the workflow in pipeline names and reports (§2).',
    wrong: `steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP011',
    slug: 'missing-steps',
    severity: 'error',
    message: 'the workflow has no steps',
    hint: 'add a steps: list with at least one step',
    fixable: false,
    explain:
      'The root `steps` list is missing or empty. It is the root scope of the workflow and must hold at least one step (§2).',
    wrong: `name: add-login
steps: []
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP012',
    slug: 'step-not-mapping',
    severity: 'error',
    message: 'a step must be a mapping, not {value}',
    hint: 'write each step as a mapping with at least name:',
    fixable: false,
    explain:
      'An entry of `steps` or `each` is a scalar or a list instead of a mapping. Every step is a mapping whose keys define its kind (§3).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - quality
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP013',
    slug: 'missing-step-name',
    severity: 'error',
    message: 'the step has no name',
    hint: 'add name: <step-name>',
    fixable: false,
    explain:
      'Every step needs a `name` (§4.2): it forms the step path used in state keys, references, snapshots and CI job names.',
    wrong: `name: add-login
steps:
  - type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP014',
    slug: 'key-in-block-and-step',
    severity: 'error',
    message: '"{key}" is set both under {where} and on the step',
    hint: 'keep it in one place only',
    fixable: false,
    explain:
      'The same key is written in a `get:` or `run:` block and at step level. The flat and block forms mean the same thing (§4.1), so two values would conflict; the diagnostic points at the step-level occurrence.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    agent: claude-sonnet
    run:
      agent: claude-opus
      guard: { max_turns: 40 }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    run:
      agent: claude-opus
      guard: { max_turns: 40 }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP015',
    slug: 'key-outside-block',
    severity: 'error',
    message: '"{key}" is at step level although the step has a {where} block',
    hint: 'move it into the block',
    fixable: false,
    explain:
      'Once a step has a `get:` (or `run:`) block, every key that block groups must be inside it (§4.1). ' +
      'Mixing the flat and block forms on one step makes its agent settings hard to read.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    agent: claude-sonnet
    run:
      guard: { max_turns: 40 }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    run:
      agent: claude-sonnet
      guard: { max_turns: 40 }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP016',
    slug: 'block-not-mapping',
    severity: 'error',
    message: '"{key}" must be a mapping, not {value}',
    hint: 'write the block as a mapping, e.g. run: { agent: claude-sonnet }',
    fixable: false,
    explain: 'A `get:` or `run:` block is a scalar or a list. Blocks are mappings that group agent-phase keys (§4.1).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    agent: claude-sonnet
    run:
      - guard: { max_turns: 40 }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    prompt: "Implement {spec}"
    run:
      agent: claude-sonnet
      guard: { max_turns: 40 }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP017',
    slug: 'step-validate-removed',
    severity: 'error',
    message: 'step-level "validate" has been removed',
    hint: 'use a validator gate: gate: [ { validate: validators/<name> } ]',
    fixable: false,
    explain:
      'A step carries a `validate:` key. This form was removed: a validator now runs as a gate entry, with its inputs beside `validate:` (§4.4, §7.2).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    validate: validators/conformance
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/conformance
`,
    files: {
      '.gump/validators/conformance.yaml': `name: conformance
steps:
  - name: check
    type: validate
    agent: claude-opus
    prompt: |
      Check that this diff implements the spec.

      Spec:
      {spec}

      Diff:
      {diff}
`,
    },
  },
  {
    code: 'GUMP018',
    slug: 'wrong-node-kind',
    severity: 'error',
    message: '"{key}" must be {expected}, not {value}',
    fixable: false,
    explain:
      'A key holds the wrong kind of YAML node: `gate`, `retry`, `context`, `steps` and `each` are lists, `guard` and `with` are mappings, and so on (§4.3). ' +
      'A single gate must still be written as a list: `gate: [compile]`.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: compile
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile]
`,
  },
  {
    code: 'GUMP019',
    slug: 'empty-entry',
    severity: 'error',
    message: 'empty entry in the {where} list',
    hint: 'remove the empty entry',
    fixable: false,
    explain:
      'A `gate`, `retry` or `context` list holds a null entry, an empty string or an empty mapping, usually a stray `-` (§8.1). ' +
      'It is reported rather than skipped because it often marks an entry that was meant to be there.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      -
      - test
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - test
`,
  },
  {
    code: 'GUMP020',
    slug: 'config-invalid',
    severity: 'error',
    message: 'invalid gump.toml: {reason}',
    fixable: false,
    explain:
      '`gump.toml` at the repository root cannot be parsed, or a key the compiler knows has a value of the wrong type (§22). ' +
      'The compiler reads this file at compile time, so a broken configuration fails every workflow of the project. ' +
      'The example file sets `max_error_chars` to a string where an integer is expected.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    files: {
      'gump.toml': `[error_context]
max_error_chars = "lots"
`,
    },
    rightFiles: {
      'gump.toml': `[error_context]
max_error_chars = 4000
`,
    },
  },
  {
    code: 'GUMP021',
    slug: 'gate-entry-shape',
    severity: 'error',
    message: 'gate entry has {count} gate types; it needs exactly one',
    hint: 'write one gate type per entry, e.g. { touched: "src/**" }',
    fixable: false,
    explain:
      'A gate mapping holds no gate-type key (`{scan: high}`) or several (§8.1). Each entry runs exactly one gate; ' +
      'its keys then get no GUMP008 or GUMP211, since the entry as a whole is malformed.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - { touched: "src/**", untouched: "docs/**" }
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - { touched: "src/**" }
      - { untouched: "docs/**" }
`,
  },
];
