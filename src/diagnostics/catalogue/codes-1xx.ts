// Diagnostic catalogue, 1xx: names and references (language.md §19.2).
// Pure data read by the check phase (code → slug, severity, message) and by `gump explain`.

import type { CatalogueEntry } from './entry.js';

export const referenceCodes: CatalogueEntry[] = [
  {
    code: 'GUMP101',
    slug: 'duplicate-step-name',
    severity: 'error',
    message: 'step "{name}" is already defined in this scope',
    hint: 'give each step of a scope its own name',
    fixable: false,
    explain:
      "Two steps of one scope (the root, a split's `each:`, a group's `steps:`) share a name. " +
      'Names must be unique per scope so that step paths, state keys and references always bind to exactly one step (§14.4, §15.1).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
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
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP102',
    slug: 'invalid-step-name',
    severity: 'error',
    message: 'invalid step name {value}',
    hint: 'use letters, digits, _ and -, starting with a letter or _',
    fixable: false,
    explain:
      'A step name does not match `[A-Za-z_][A-Za-z0-9_-]*` (§2.1). Step names appear in placeholders, state keys, commit messages and CI job names, ' +
      'so spaces, dots and slashes are not allowed.',
    wrong: `name: add-login
steps:
  - name: write tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
`,
    right: `name: add-login
steps:
  - name: write-tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
`,
  },
  {
    code: 'GUMP103',
    slug: 'reserved-step-name',
    severity: 'error',
    message: '"{name}" is a reserved name',
    hint: 'rename the step; spec, attempt, error, diff, output, task, prev, gate, steps and item are reserved',
    fixable: false,
    explain:
      'A step is named after a reserved template name (§2.1). A bare placeholder such as `{task.name}` must never name both a reserved value and a step.',
    wrong: `name: add-login
steps:
  - name: task
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
    code: 'GUMP104',
    slug: 'unknown-step-reference',
    severity: 'error',
    message: 'unknown step "{name}" in {ref}',
    fixable: false,
    explain:
      'A placeholder `{x.field}` names a step that no scope on the walk from the current scope to the root declares (§14.4). ' +
      'Steps inside other tasks, parallel siblings and steps of called workflows are not visible; the hint lists the visible steps.',
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
    prompt: "Make the tests in {tset.files} pass"
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
    prompt: "Make the tests in {tests.files} pass"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP105',
    slug: 'unknown-field',
    severity: 'error',
    message: '"{field}" is not a field of {kind} step "{name}"',
    hint: 'step fields are listed in language.md §15.2',
    fixable: false,
    explain:
      'A reference names a field that the referenced kind of step does not have (§15.2): for example `comments` exists only on validate steps and groups expose only `status`. ' +
      'The hint lists the valid fields for that step.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review the implementation of {spec}"
  - name: polish
    type: code
    agent: claude-sonnet
    prompt: "Address these review comments: {review.verdict}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review the implementation of {spec}"
  - name: polish
    type: code
    agent: claude-sonnet
    prompt: "Address these review comments: {review.comments}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP106',
    slug: 'task-outside-each',
    severity: 'error',
    message: '"{ref}" is used outside an each: scope',
    hint: 'task fields exist only in the each: steps of a split',
    fixable: false,
    explain:
      "A `{task.*}` placeholder appears in a step that does not run inside a split's `each:` (§14.5). " +
      'Outside a task there is no current task, so the value would always be empty.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {task.description}"
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
    code: 'GUMP107',
    slug: 'unknown-task-field',
    severity: 'error',
    message: 'unknown task field "{field}"',
    hint: 'task fields: name, description, files',
    fixable: false,
    explain:
      'A `{task.<f>}` placeholder uses a field other than `name`, `description` or `files` (§6.1, §14.5). ' +
      'Unknown keys of a plan task are ignored by the runtime, so they cannot be referenced.',
    wrong: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement {task.title}"
        gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
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
    code: 'GUMP108',
    slug: 'unknown-gate-reference',
    severity: 'error',
    message: 'unknown gate "{name}" in {ref}',
    hint: "gate names are the bare type, <type>_<index> for entries with an argument, or the validator's derived name (§8.5)",
    fixable: false,
    explain:
      'A `{gate.<g>}`, `{prev.gate.<g>}` or `{x.gate.<g>}` placeholder names a gate the step does not have (§14.4, §14.5). ' +
      'Gate names are derived from the gate list (§8.5): `gate: [compile, test]` has the gates `compile` and `test`.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {gate.tests.error}
    gate: [compile, test]
    retry:
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {gate.test.error}
    gate: [compile, test]
    retry:
      - exit: 3
`,
  },
  {
    code: 'GUMP109',
    slug: 'forward-reference',
    severity: 'error',
    message: 'step "{name}" has not run yet when {ref} is rendered',
    hint: 'move the referenced step before this one',
    fixable: false,
    explain:
      'A reference binds to a step that is not finished when the template is rendered: a later step of the same scope, an enclosing group, or the `status` of an enclosing split (§14.4). ' +
      'Its value would always be empty.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} following this design: {design.output}"
    gate: [compile, test]
  - name: design
    type: artifact
    agent: claude-opus
    prompt: "Write a short technical design for {spec}"
`,
    right: `name: add-login
steps:
  - name: design
    type: artifact
    agent: claude-opus
    prompt: "Write a short technical design for {spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} following this design: {design.output}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP110',
    slug: 'self-reference',
    severity: 'error',
    message: '{ref} refers to the step itself',
    hint: "use {prev.<field>} for the step's own previous attempt",
    fixable: false,
    explain:
      "A step references its own fields by name (§14.4). Its fields are only written as the step runs, so the step's previous attempt is read through `{prev.<field>}` instead.",
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {impl.gate.test.error}
    gate: [compile, test]
    retry:
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {prev.gate.test.error}
    gate: [compile, test]
    retry:
      - exit: 3
`,
  },
  {
    code: 'GUMP111',
    slug: 'parallel-sibling-reference',
    severity: 'error',
    message: '"{name}" runs in parallel with this step',
    hint: 'read it after the group with a qualified path: {<group>/<step>.<field>}',
    fixable: false,
    explain:
      "A child of a parallel group references another child of the same group (§6.4). Children run concurrently, so one can never see the other's result; " +
      'a step after the group reads it through a qualified reference such as `{reviews/arch.comments}`.',
    wrong: `name: review-spec
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review the architecture of {spec}"
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Review the security of {spec}, given this architecture review: {arch.comments}"
`,
    right: `name: review-spec
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review the architecture of {spec}"
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Review the security of {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "Summarise these reviews: {reviews/arch.comments} {reviews/sec.comments}"
`,
  },
  {
    code: 'GUMP112',
    slug: 'bare-step-reference',
    severity: 'error',
    message: '"{name}" is a step, not a value',
    hint: 'reference one of its fields, e.g. {<step>.output}',
    fixable: false,
    explain:
      'A bare placeholder `{x}` names a step or a GET pseudo-step (§14.5). A step has many fields, so the reference must say which one; ' +
      'a bare name is otherwise a workflow input (§14.6).',
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
    prompt: "Make these tests pass: {tests}"
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
    prompt: "Make these tests pass: {tests.files}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP113',
    slug: 'qualified-reference-invalid',
    severity: 'error',
    message: 'qualified reference {ref} does not match the workflow',
    hint: 'qualified paths start at the workflow root: {<group>/<step>.<field>} or {<split>/<task>/<step>.<field>}',
    fixable: false,
    explain:
      'In a qualified reference such as `{reviews/arch.comments}`, a split, group or step segment, or the field, does not exist at that path (§14.4). ' +
      'Task segments are run-time names and are not checked.',
    wrong: `name: review-spec
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review the architecture of {spec}"
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Review the security of {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "Summarise these reviews: {reviews/architecture.comments} {reviews/sec.comments}"
`,
    right: `name: review-spec
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review the architecture of {spec}"
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Review the security of {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "Summarise these reviews: {reviews/arch.comments} {reviews/sec.comments}"
`,
  },
  {
    code: 'GUMP114',
    slug: 'session-target-not-found',
    severity: 'error',
    message: 'session target "{name}" is not a step',
    fixable: false,
    explain:
      '`session: { from: <step> }` names a step that does not exist (§10). The session to resume must belong to an earlier agent step of the same scope.',
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
    session: { from: test }
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
    code: 'GUMP115',
    slug: 'session-self',
    severity: 'error',
    message: 'step "{name}" cannot resume its own session',
    hint: "retries already resume the step's own session; name an earlier step",
    fixable: false,
    explain:
      "`session.from` names the step itself (§10). On attempt 1 the step has no session yet, and retries resume the step's own session anyway (§9.2).",
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
    session: { from: impl }
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
    code: 'GUMP116',
    slug: 'session-target-out-of-scope',
    severity: 'error',
    message: 'session target "{name}" is not an earlier step of this scope',
    hint: 'resume a step that runs before this one in the same scope (the same task, or the workflow root)',
    fixable: false,
    explain:
      'The session target exists but is not an earlier step of the same scope: it runs later, lives in another task or scope, or is a parallel sibling (§10). ' +
      'Only a session that has certainly ended before this step starts can be resumed.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make the new tests pass"
    session: { from: tests }
    gate: [compile, test]
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
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
    code: 'GUMP117',
    slug: 'session-target-not-agent',
    severity: 'error',
    message: 'session target "{name}" is a {kind} step, which has no agent session',
    hint: 'resume an earlier agent step',
    fixable: false,
    explain:
      '`session.from` names a gate-only, call, group or pass step (§10). Only steps that run an agent have a session to resume.',
    wrong: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
  - name: quality
    gate: [compile, lint]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make the new tests pass"
    session: { from: quality }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
  - name: quality
    gate: [compile, lint]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make the new tests pass"
    session: { from: tests }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP118',
    slug: 'workflow-not-found',
    severity: 'error',
    message: 'workflow "{ref}" not found',
    hint: 'workflows are looked up in .gump/workflows/ (.yaml, then .yml), then in the built-in library',
    fixable: false,
    explain:
      'A call step or a GET workflow names a workflow that resolves neither to a project file nor to a built-in workflow (§7.4). ' +
      'All resolution happens at compile time, so a missing workflow never fails a run halfway.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup_env
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
    prompt: "Install the development dependencies needed for {spec}"
    gate: [compile]
`,
    },
  },
  {
    code: 'GUMP119',
    slug: 'validator-not-found',
    severity: 'error',
    message: 'validator "{ref}" not found',
    hint: 'write validators/<name>; validators live in .gump/validators/ or the built-in library',
    fixable: false,
    explain:
      'A gate or retry `validate:` entry names a validator that does not resolve, or omits the `validators/` prefix (§7.2, §7.4). ' +
      'Validators are always referenced as `validators/<name>`, which keeps them apart from ordinary workflows.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: arch-review
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
    code: 'GUMP120',
    slug: 'invalid-workflow-reference',
    severity: 'error',
    message: 'invalid workflow reference "{ref}": {reason}',
    hint: 'use a name relative to .gump/workflows/ or .gump/validators/, without a leading /, .. segments or backslashes',
    fixable: false,
    explain:
      'A workflow or validator reference is empty (including nothing after `workflows/` or `validators/`), absolute, or contains a `..` segment or a backslash (§7.4). ' +
      "References stay inside the project's `.gump/` folders so that compiled pipelines do not depend on files outside them.",
    wrong: `name: add-login
steps:
  - name: setup
    workflow: ../shared/setup-env
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
    prompt: "Install the development dependencies needed for {spec}"
    gate: [compile]
`,
    },
  },
  {
    code: 'GUMP121',
    slug: 'call-cycle',
    severity: 'error',
    message: 'workflow "{callee}" reaches itself through calls: {cycle}',
    hint: 'break the cycle: a workflow may not call, GET or validate with itself, directly or indirectly',
    fixable: false,
    explain:
      'A workflow reaches itself through calls, GET workflows or validators (§7.1). Every callee is resolved and compiled ahead of time, ' +
      'so a cycle would expand forever. In the example, `release` calls `verify`, which calls `release` again.',
    wrong: `name: ship-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: release
    workflow: release
`,
    right: `name: ship-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: checks
    gate: [compile, test]
`,
    files: {
      '.gump/workflows/release.yaml': `name: release
steps:
  - name: bump
    type: code
    agent: claude-haiku
    prompt: "Bump the version and update the changelog for {spec}"
    gate: [compile]
  - name: verify
    workflow: verify
`,
      '.gump/workflows/verify.yaml': `name: verify
steps:
  - name: checks
    gate: [compile, test]
  - name: rerelease
    workflow: release
`,
    },
  },
  {
    code: 'GUMP122',
    slug: 'unknown-input',
    severity: 'error',
    message: '"{key}" is not an input of {callee}',
    hint: 'bind only inputs the callee references, or spec',
    fixable: false,
    explain:
      "A key of a call's `with:`, a validator gate map, a retry `with:` or a `get:` block with `workflow` is not an input that the callee references (§7.1, §14.6). " +
      '`spec` is always accepted. The hint suggests the closest input of the callee.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    with: { enviroment: staging }
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
    code: 'GUMP123',
    slug: 'retry-not-unknown-gate',
    severity: 'error',
    message: 'retry condition names unknown gate "{name}"',
    hint: "gate names are the bare type, <type>_<index> for entries with an argument, or the validator's derived name (§8.5)",
    fixable: false,
    explain:
      'A retry entry `not: gate.<g>` names a gate that this step does not have (§9.1). The condition could never match, so the override would never apply.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - not: gate.tests
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
    code: 'GUMP124',
    slug: 'unknown-provider',
    severity: 'error',
    message: 'unknown agent provider "{provider}"',
    hint: 'providers: claude, codex, gemini, qwen, opencode, cursor (and pass, stub)',
    fixable: false,
    explain:
      'The text before the first `-` of a literal agent name is not a supported provider (§18.1). ' +
      'Each provider has its own CLI adapter, so the model is chosen by the suffix: `codex-gpt54`, `claude-opus`.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: openai-gpt4
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: codex-gpt54
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP125',
    slug: 'duplicate-gate-name',
    severity: 'error',
    message: 'gate name "{name}" is used twice in this step',
    hint: 'a validator gate is named after the text following the last "-" of its file name; rename one validator or move it to another step',
    fixable: false,
    explain:
      'Two gates of one step derive the same name (§8.5), typically two validators whose names end alike: `validators/arch-review` and `validators/security-review` are both `review` (§7.2). ' +
      'Gate names key the state (`<step>.gate.<name>`) and `{gate.<name>}`, so they must be unique per step.',
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
      - validate: validators/security-review
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
  - name: security
    gate:
      - validate: validators/security-review
`,
    files: {
      '.gump/validators/security-review.yaml': `name: security-review
steps:
  - name: audit
    type: validate
    agent: claude-opus
    prompt: |
      Review this diff for security problems (injection, leaked secrets, unsafe defaults).
      {diff}
`,
    },
  },
  {
    code: 'GUMP126',
    slug: 'get-workflow-name-collision',
    severity: 'error',
    message: '"{name}" names both a GET workflow and a step of this scope',
    hint: "rename the step; the GET workflow's pseudo-step takes the workflow's file name",
    fixable: false,
    explain:
      "A GET workflow becomes a pseudo-step named after its reference (last path segment, extension stripped), visible in the calling step's scope (§7.3). " +
      'When a step of that scope has the same name, `{<name>.output}` would be ambiguous.',
    wrong: `name: add-login
steps:
  - name: research
    type: artifact
    agent: claude-haiku
    prompt: "Summarise prior art for {spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: research
      prompt: "Using {research.output}, implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Summarise prior art for {spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: research
      prompt: "Using {research.output} and {notes.output}, implement {spec}"
    gate: [compile, test]
`,
    files: {
      '.gump/workflows/research.yaml': `name: research
steps:
  - name: survey
    type: artifact
    agent: claude-haiku
    prompt: "List best practices and common pitfalls relevant to {spec}"
`,
    },
  },
  {
    code: 'GUMP127',
    slug: 'callee-invalid',
    severity: 'error',
    message: '{what} "{callee}" ({file}) has {count}',
    hint: "fix the errors reported at the callee's own locations",
    fixable: false,
    explain:
      "Every resolved callee (call, GET workflow, validator) is compiled with the full rule set; its errors are reported under this code with the callee's own locations (§7.4). " +
      'In the example, `setup-env` has a step without `type`, so the caller cannot compile.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: install
    type: code
    agent: claude-haiku
    prompt: "Install the development dependencies needed for {spec}"
    gate: [compile]
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
    agent: claude-haiku
    prompt: "Install the development dependencies needed for {spec}"
    gate: [compile]
`,
    },
  },
  {
    code: 'GUMP128',
    slug: 'ambiguous-legacy-reference',
    severity: 'error',
    message: 'steps named "{name}" exist in more than one scope',
    hint: 'use a qualified path such as {<group>/<step>.<field>}',
    fixable: false,
    explain:
      'A legacy `{steps.<x>.<field>}` placeholder searches every scope of the workflow (§14.2); here more than one scope declares a step `<x>`, ' +
      'so the reference is ambiguous and cannot be rewritten automatically.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: extras
    parallel: true
    steps:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement the command-line flags described in {spec}"
        gate: [compile]
      - name: docs
        type: code
        agent: claude-haiku
        prompt: "Document the features described in {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "Summarise the changes to {steps.impl.files}"
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: extras
    parallel: true
    steps:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement the command-line flags described in {spec}"
        gate: [compile]
      - name: docs
        type: code
        agent: claude-haiku
        prompt: "Document the features described in {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "Summarise the changes to {extras/impl.files}"
`,
  },
  {
    code: 'GUMP129',
    slug: 'unbound-agent-input',
    severity: 'error',
    message: 'input "{name}" of {callee} sets an agent and must be bound',
    hint: 'bind it at the reference, e.g. agent: claude-opus',
    fixable: false,
    explain:
      'The callee renders this input into an `agent` field, but the caller does not bind it (§7.1). ' +
      'Unbound, it would render empty and fail only at run time; the built-in `validators/arch-review` is the usual case, whose reviewer agent is its `agent` input (§20).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - "validate: validators/arch-review"
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
];
