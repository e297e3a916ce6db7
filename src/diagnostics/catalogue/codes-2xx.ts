// Diagnostic catalogue, 2xx: types and values (language.md §19.3).
// Pure data read by the check phase (code → slug, severity, message) and by `gump explain`.

import type { CatalogueEntry } from './entry.js';

export const valueCodes: CatalogueEntry[] = [
  {
    code: 'GUMP201',
    slug: 'unknown-step-type',
    severity: 'error',
    message: 'unknown step type {value}',
    hint: 'use code, split, validate or artifact',
    fixable: false,
    explain:
      "A step's `type` is not one of `code`, `split`, `validate`, `artifact` (§3). The type decides what the agent must produce and which worktree it gets by default.",
    wrong: `name: add-login
steps:
  - name: impl
    type: implement
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
    code: 'GUMP202',
    slug: 'unsupported-step-type',
    severity: 'error',
    message: 'step type {value} is reserved for a future version',
    hint: 'use code, split, validate or artifact',
    fixable: false,
    explain:
      'The types `search`, `scrape`, `surf`, `use` and `doc` are reserved for future step kinds and not supported yet (§3). ' +
      'An `artifact` step covers most of these uses: the agent writes its findings to `.gump/out/artifact.txt`.',
    wrong: `name: add-login
steps:
  - name: research
    type: search
    agent: claude-haiku
    prompt: "Find how other projects implement {spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} using these notes: {research.output}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: research
    type: artifact
    agent: claude-haiku
    prompt: "Find how other projects implement {spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} using these notes: {research.output}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP203',
    slug: 'invalid-duration',
    severity: 'error',
    message: '"{key}" is not a valid duration: {value}',
    hint: 'add a unit: 90s, 30m, 1h30m',
    fixable: false,
    explain:
      '`max_time`, `max_timeout` or `[validation] timeout` is not a duration: one or more `<number><unit>` groups with units h, m, s, ms and a total above zero (§2.1). ' +
      'A bare number is rejected because its unit would be a guess.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_time: 600 }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_time: 10m }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP204',
    slug: 'invalid-number',
    severity: 'error',
    message: '"{key}" must be a number greater than 0, got {value}',
    hint: 'write the amount in USD without a currency sign, e.g. 5 or 2.50',
    fixable: false,
    explain:
      'A root or guard `max_budget` is not a number above zero (§2, §11). Budgets are amounts in USD; a quoted numeric string is accepted for compatibility (§2.1).',
    wrong: `name: add-login
max_budget: $5
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
max_budget: 5
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP205',
    slug: 'invalid-integer',
    severity: 'error',
    message: '"{key}" must be an integer of at least {limit}, got {value}',
    fixable: false,
    explain:
      '`max_tokens`, `max_turns`, `attempt` or `exit` is not an integer, or is below its minimum (§2, §9.1, §11): `max_turns`, `max_tokens` and `exit` start at 1. ' +
      'A float with a fractional part is rejected; `3.0` is accepted (§2.1). An integer `attempt` below 2 is GUMP226 instead.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_turns: 0 }
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
    code: 'GUMP206',
    slug: 'invalid-worktree',
    severity: 'error',
    message: 'invalid worktree {value}',
    hint: 'use read-write, read-only or none',
    fixable: false,
    explain:
      '`worktree` is not `read-write`, `read-only` or `none` (§4.3, §13). The value decides where the agent runs and whether it may write.',
    wrong: `name: review-spec
steps:
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Check that the code base already satisfies {spec}"
    worktree: readonly
`,
    right: `name: review-spec
steps:
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Check that the code base already satisfies {spec}"
    worktree: read-only
`,
  },
  {
    code: 'GUMP207',
    slug: 'invalid-session',
    severity: 'error',
    message: '"session" must be new or { from: <step> }, not {value}',
    hint: 'use session: new or session: { from: <step> }',
    fixable: false,
    explain:
      '`session` is neither `new` nor a mapping `{from: <step>}` (§4.3, §10). A bare step name is not accepted, so that a future session mode can never be mistaken for a step.',
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
    session: tests
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
    code: 'GUMP208',
    slug: 'invalid-hitl',
    severity: 'error',
    message: 'invalid hitl {value}',
    hint: 'use unquoted true or false, or before_gate / after_gate',
    fixable: false,
    explain:
      '`hitl` must be an unquoted boolean or one of the strings `before_gate`, `after_gate` (§4.3, §12). ' +
      'Quoted `"true"`, numbers and `yes` are rejected (compat) so that an approval point is never added or dropped by accident.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    hitl: "true"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    hitl: true
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP209',
    slug: 'invalid-boolean',
    severity: 'error',
    message: '"{key}" must be true or false, got {value}',
    hint: 'write an unquoted true or false',
    fixable: false,
    explain:
      '`parallel` or `no_write` is not a boolean (§4.3, §11). Workflows are read with the YAML 1.2 core schema, where only `true` and `false` are booleans: `yes`, `on` and `"true"` are strings (§2.1).',
    wrong: `name: add-login
steps:
  - name: decompose
    type: split
    parallel: yes
    agent: claude-opus
    prompt: "Split {spec} into independent tasks with disjoint files"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement {task.description}"
        gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: decompose
    type: split
    parallel: true
    agent: claude-opus
    prompt: "Split {spec} into independent tasks with disjoint files"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement {task.description}"
        gate: [compile, test]
`,
  },
  {
    code: 'GUMP210',
    slug: 'invalid-agent-name',
    severity: 'error',
    message: 'invalid agent name {value}',
    hint: 'write <provider> or <provider>-<model>, without spaces',
    fixable: false,
    explain:
      'A literal agent name is empty, contains whitespace, or ends in `-` with no model suffix (§18.1). ' +
      'An agent name is `<provider>` or `<provider>-<suffix>`, where the suffix selects the model.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-
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
    code: 'GUMP211',
    slug: 'unknown-gate-type',
    severity: 'error',
    message: 'unknown gate type {value}',
    hint: 'gate types: compile, test, lint, coverage, tests_found, schema, touched, untouched, bash, validate',
    fixable: false,
    explain:
      'A string gate entry names a gate type that §8.2 does not define. A mapping without any gate-type key is GUMP021 instead.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, tests]
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
    code: 'GUMP212',
    slug: 'gate-argument-missing',
    severity: 'error',
    message: 'gate "{type}" needs an argument',
    hint: 'write it as "<type>: <argument>", e.g. "touched: src/**"',
    fixable: false,
    explain:
      'A `touched`, `untouched`, `coverage` or `bash` gate has no argument (§8.2): a glob, a threshold or a command. ' +
      'A `validate` gate without a reference is GUMP120 instead.',
    wrong: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate:
      - compile
      - touched
`,
    right: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate:
      - compile
      - "touched: *_test.*"
`,
  },
  {
    code: 'GUMP213',
    slug: 'gate-argument-unexpected',
    severity: 'note',
    message: 'gate "{type}" takes no argument; it is ignored',
    hint: 'configure the command in gump.toml [validation] instead',
    fixable: false,
    explain:
      'An argument on `compile`, `test`, `lint` or `tests_found` (`"lint: strict"`) is accepted and ignored for compatibility (§8.2). ' +
      'The gate runs the resolved command of its type; the entry still counts as one with an argument for its name (`lint_1`, §8.5).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, "lint: strict"]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, lint]
`,
  },
  {
    code: 'GUMP214',
    slug: 'invalid-coverage-threshold',
    severity: 'error',
    message: 'coverage threshold {value} is not a number from 0 to 100',
    fixable: false,
    explain:
      'A `coverage` gate needs a percentage between 0 and 100 (§8.2); the gate passes when the reported coverage is at least that value.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test, "coverage: 120"]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test, "coverage: 80"]
`,
  },
  {
    code: 'GUMP215',
    slug: 'invalid-schema-argument',
    severity: 'error',
    message: 'invalid schema argument {value}',
    hint: 'use schema, "schema: plan" (split) or "schema: review" (validate)',
    fixable: false,
    explain:
      "A `schema` gate takes no argument, `plan` or `review` (§8.2). `plan` adds checks on a split's tasks; `review` on a validate verdict.",
    wrong: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
    gate: ["schema: tasks"]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement {task.description}"
        gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
    gate: ["schema: plan"]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement {task.description}"
        gate: [compile, test]
`,
  },
  {
    code: 'GUMP216',
    slug: 'retry-not-syntax',
    severity: 'error',
    message: 'retry condition "not" needs a gate reference, got {value}',
    hint: 'write not: gate.<name>',
    fixable: false,
    explain:
      'The value of a retry `not:` condition lacks the `gate.` prefix (§9.1). The prefix keeps room for conditions on other results later.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - not: test
        agent: claude-opus
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - not: gate.test
        agent: claude-opus
      - exit: 3
`,
  },
  {
    code: 'GUMP217',
    slug: 'invalid-retry-session',
    severity: 'error',
    message: 'invalid retry session {value}',
    hint: 'a retry entry only accepts session: new',
    fixable: false,
    explain:
      "A retry entry's `session` override is not `new` (§9.1). Retries resume the step's own session by default; the override can only start a fresh one.",
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        session: fresh
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        session: new
      - exit: 3
`,
  },
  {
    code: 'GUMP218',
    slug: 'invalid-retry-worktree',
    severity: 'error',
    message: 'invalid retry worktree {value}',
    hint: 'use reset or keep',
    fixable: false,
    explain:
      "A retry entry's `worktree` override is not `reset` or `keep` (§9.1). `reset` discards the failed attempt's changes before the next attempt; `keep` builds on them.",
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        worktree: clean
        session: new
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        worktree: reset
        session: new
      - exit: 3
`,
  },
  {
    code: 'GUMP219',
    slug: 'retry-condition-count',
    severity: 'error',
    message: 'retry entry has {count} conditions; it needs exactly one',
    hint: 'conditions: attempt, not, validate, exit',
    fixable: false,
    explain:
      'Every retry entry holds exactly one condition (`attempt`, `not`, `validate` or `exit`) plus optional overrides (§9.1). ' +
      'An entry without a condition would never say when its overrides apply; several conditions would need a combination rule the language does not have.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - agent: claude-opus
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        agent: claude-opus
      - exit: 3
`,
  },
  {
    code: 'GUMP220',
    slug: 'invalid-prompt',
    severity: 'error',
    message: 'prompt must be a string or { file: <path> }',
    hint: 'write a string (quote it when it starts with { or [) or { file: <path> }',
    fixable: false,
    explain:
      'A prompt is a template string or `{file: <path>}` (§4.3). An unquoted `prompt: {spec}` is a YAML mapping, not a template, ' +
      'and is rejected rather than guessed (GUMP510 never applies to prompts).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: {spec}
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP221',
    slug: 'prompt-file-not-found',
    severity: 'error',
    message: 'prompt file "{value}" not found',
    hint: 'the path is relative to the folder of the workflow file',
    fixable: false,
    explain:
      'A `prompt: {file: <path>}` names a file that does not exist next to the workflow, or is used in a built-in workflow, which has no folder (§4.3). ' +
      'The file is read at compile time and checked like an inline prompt.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: { file: prompts/impl.md }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}. Keep the public API unchanged."
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP222',
    slug: 'invalid-context-entry',
    severity: 'error',
    message: 'context entry needs exactly one of file or bash',
    hint: 'write one entry per source: - file: <path> or - bash: <command>',
    fixable: false,
    explain:
      'A `context` entry has neither or both of `file` and `bash` (§4.3, §16). Each entry delivers exactly one source to the agent.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    context:
      - file: docs/architecture.md
        bash: git log --oneline -5
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    context:
      - file: docs/architecture.md
      - bash: git log --oneline -5
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP223',
    slug: 'invalid-with-value',
    severity: 'error',
    message: 'input "{key}" must be a single value, not a list, mapping or null',
    hint: 'inputs are strings; quote templates: "{…}"',
    fixable: false,
    explain:
      'A value bound to a callee input (call or retry `with:`, `get:` inputs, validator gate inputs) is a list, a mapping or null (§4.3). ' +
      'Inputs are strings rendered from templates; only an unquoted one-key template is tolerated, with GUMP510.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    with: { environment: [staging, production] }
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    with: { environment: staging }
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    files: {
      '.gump/workflows/setup-env.yaml': `name: setup-env
steps:
  - name: install
    type: code
    agent: claude-haiku
    prompt: "Prepare the {environment} configuration needed for {spec}"
    gate: [compile]
`,
    },
  },
  {
    code: 'GUMP224',
    slug: 'timeout-alias-clash',
    severity: 'error',
    message: '"timeout" and "max_time" are both set',
    hint: 'keep max_time; timeout is its older alias',
    fixable: false,
    explain:
      '`timeout` is an alias of the guard `max_time` (§11). Setting both in one guard would give the attempt two time limits.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { timeout: 10m, max_time: 15m }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_time: 15m }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP225',
    slug: 'invalid-glob',
    severity: 'error',
    message: 'invalid glob {value}',
    hint: 'globs use *, **, ? and closed [...] classes',
    fixable: false,
    explain:
      'The glob of a `touched` or `untouched` gate is malformed, for example an unclosed character class (§6.2, §8.2). It is rejected at compile time so that the gate never silently matches nothing.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - "touched: src/[a-z.ts"
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - "touched: src/**/*.ts"
`,
  },
  {
    code: 'GUMP226',
    slug: 'retry-attempt-too-small',
    severity: 'error',
    message: 'retry attempt must be 2 or more, got {value}',
    hint: "attempt 1 always runs with the step's own settings",
    fixable: false,
    explain:
      'A retry condition `attempt: N` is evaluated before attempts 2 and later (§9.1, §9.2), so N must be at least 2; ' +
      'to change the first attempt, change the step itself.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 1
        agent: claude-opus
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        agent: claude-opus
      - exit: 3
`,
  },
  {
    code: 'GUMP227',
    slug: 'invalid-workflow-name',
    severity: 'error',
    message: 'the workflow name must be a single-line string, not {value}',
    fixable: false,
    explain:
      'The root `name` is not a single-line string, for example a block scalar spanning lines or a list (§2). ' +
      'The name appears in pipeline names and reports; use a YAML comment for longer descriptions.',
    wrong: `name: |
  add-login
  with tests first
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `# add-login, with tests first
name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
];
