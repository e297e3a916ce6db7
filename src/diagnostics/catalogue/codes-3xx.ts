// Diagnostic catalogue, 3xx: step-kind semantics, retry policy and validators (language.md §19.4).
// Pure data read by the check phase (code → slug, severity, message) and by `gump explain`.

import type { CatalogueEntry } from './entry.js';

export const semanticCodes: CatalogueEntry[] = [
  {
    code: 'GUMP301',
    slug: 'missing-type',
    severity: 'error',
    message: 'step "{name}" has no type',
    hint: 'add type: code (type: split when the step has each:)',
    fixable: false,
    explain:
      'A step without `type` carries agent-phase keys (`agent`, `prompt`, `context`, `worktree`, `session`, `guard`, `get`, `run` or `each`), so it is not a gate-only step (§3). ' +
      'The type decides what the agent produces, so it is never inferred; the hint names the likely one.',
    wrong: `name: add-login
steps:
  - name: impl
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
    code: 'GUMP302',
    slug: 'split-without-each',
    severity: 'error',
    message: 'split step "{name}" has no each: steps',
    hint: 'add each: with the steps to run for every task',
    fixable: false,
    explain:
      'A `type: split` step needs a non-empty `each:` list (§4.2, §6.1): the planner produces tasks, and `each:` says what to do with every task.',
    wrong: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
    gate: [schema]
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
    code: 'GUMP303',
    slug: 'each-without-split',
    severity: 'error',
    message: '"each" is not allowed on a {kind} step',
    hint: 'use type: split to run steps per task',
    fixable: false,
    explain:
      '`each:` appears on a code, validate, artifact, pass or call step (§4.2). Only a split produces tasks to iterate over; ' +
      'an untyped step with `each:` is GUMP301 and a group with `each:` is GUMP306.',
    wrong: `name: add-login
steps:
  - name: decompose
    type: code
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
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
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement {task.description}"
        gate: [compile, test]
`,
  },
  {
    code: 'GUMP304',
    slug: 'steps-without-parallel',
    severity: 'error',
    message: 'group "{name}" has steps: without parallel: true',
    hint: 'add parallel: true, or move the steps up into the enclosing list',
    fixable: false,
    explain:
      'A step with `steps:` is a group, and groups are always parallel (§3, §6.4). Sequential groups do not exist: ' +
      'steps that run one after another are simply listed in their scope.',
    wrong: `name: review-spec
steps:
  - name: reviews
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review the architecture of {spec}"
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Review the security of {spec}"
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
`,
  },
  {
    code: 'GUMP305',
    slug: 'parallel-not-allowed',
    severity: 'error',
    message: '"parallel" is not allowed on a {kind} step',
    hint: 'only split steps and groups take parallel',
    fixable: false,
    explain:
      '`parallel` appears on a step that is neither a split nor a group (§4.2). Only tasks of a split and children of a group can run concurrently.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    parallel: true
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
    code: 'GUMP306',
    slug: 'steps-and-each',
    severity: 'error',
    message: 'a group cannot have both steps and each',
    hint: 'use a group (parallel: true + steps:) or a split (type: split + each:)',
    fixable: false,
    explain: 'A step with `steps:` is a parallel group; `each:` belongs to splits (§3, §4.2). A step cannot be both.',
    wrong: `name: review-spec
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review the architecture of {spec}"
    each:
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Review the security of {spec}"
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
`,
  },
  {
    code: 'GUMP307',
    slug: 'key-not-allowed-for-kind',
    severity: 'error',
    message: '"{key}" is not allowed on a {kind} step',
    hint: 'see the table of keys per step kind in language.md §4.2',
    fixable: false,
    explain:
      'The key is marked "—" for this kind of step in §4.2 and no more specific code applies, e.g. `guard` or `prompt` on a call step, or `type` on a group. ' +
      'A call step runs another workflow, whose own steps carry the agent settings.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    guard: { max_time: 30m }
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
    code: 'GUMP308',
    slug: 'workflow-and-agent',
    severity: 'error',
    message: 'a call step cannot have "agent"',
    hint: 'agents are set inside the called workflow; bind one through with: if it has an agent input',
    fixable: false,
    explain:
      "A step with `workflow:` is a call (§3, §7.1); it runs no agent itself. The agents are chosen by the called workflow's steps, " +
      'possibly from an input that the call binds with `with:`.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    agent: claude-haiku
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
    code: 'GUMP309',
    slug: 'with-without-workflow',
    severity: 'error',
    message: '"with" is only allowed on a call step',
    hint: 'write the values into the prompt, or call a workflow with workflow: and with:',
    fixable: false,
    explain:
      '`with:` binds the inputs of a called workflow (§7.1), so it only makes sense on a step with `workflow:`. ' +
      'An agent step takes its values from its own prompt template.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    with: { environment: staging }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} for the staging environment"
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP310',
    slug: 'call-with-blocks',
    severity: 'error',
    message: 'a call step cannot have a "{key}" block',
    hint: 'set agent-phase settings inside the called workflow',
    fixable: false,
    explain:
      'A call step has `get:` or `run:` (§4.1). Those blocks group agent-phase keys, and a call runs no agent; its step-level `workflow:` is the call target.',
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    run:
      guard: { max_time: 30m }
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
    code: 'GUMP311',
    slug: 'gate-only-empty-gate',
    severity: 'error',
    message: 'gate-only step "{name}" has no gates',
    hint: 'add gates, e.g. gate: [compile, test], or give the step a type',
    fixable: false,
    explain:
      'A step without `type` and without agent keys is a gate-only step (§3, §8.6); its only job is to run its gates, so `gate` is required and non-empty.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    gate: []
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
    code: 'GUMP312',
    slug: 'gate-only-retry',
    severity: 'error',
    message: 'a gate-only step cannot have retry',
    hint: 'use type: code with agent: pass to give gates a retry loop',
    fixable: false,
    explain:
      'A gate-only step runs its gates once against the cumulative diff, and failure is fatal (§8.6). ' +
      'To retry gates (for example flaky tests), write a pass step: `type: code`, `agent: pass`, with `gate` and `retry` (§3).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    gate: [compile, test]
    retry:
      - exit: 3
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    type: code
    agent: pass
    gate: [compile, test]
    retry:
      - exit: 3
`,
  },
  {
    code: 'GUMP313',
    slug: 'prompt-without-agent',
    severity: 'error',
    message: 'step "{name}" has a prompt but no agent',
    hint: 'add agent: <provider>-<model>, e.g. agent: claude-sonnet',
    fixable: false,
    explain:
      'A step that is neither a group nor a call has a `prompt` but no `agent` (§4.2), so nothing would read the prompt. ' +
      'This code is reported instead of GUMP331.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
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
    code: 'GUMP314',
    slug: 'agent-without-prompt',
    severity: 'error',
    message: '{kind} step "{name}" has no prompt',
    hint: 'add prompt: "<instructions>"; a code step that only runs gates uses agent: pass',
    fixable: false,
    explain:
      'A split, validate or artifact step, or a code step that is not a pass step, has no `prompt`, with or without an agent (§4.2). ' +
      "The prompt is the agent's task; only a pass step, which runs no agent, needs none.",
    wrong: `name: add-login
steps:
  - name: impl
    type: code
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
    code: 'GUMP315',
    slug: 'pass-not-code',
    severity: 'error',
    message: 'agent: pass is only allowed on a code step, not on a {kind} step',
    hint: 'write type: code for a step that only runs gates',
    fixable: false,
    explain:
      '`agent: pass` skips the agent and runs only the gates with their retry policy (§3). Split, validate and artifact steps exist to produce an agent output, so they cannot be pass steps.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: checks
    type: artifact
    agent: pass
    gate: [compile, test]
    retry:
      - exit: 2
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: checks
    type: code
    agent: pass
    gate: [compile, test]
    retry:
      - exit: 2
`,
  },
  {
    code: 'GUMP316',
    slug: 'retry-without-exit',
    severity: 'error',
    message: 'retry list has no exit entry',
    hint: 'add - exit: <total attempts>',
    fixable: false,
    explain:
      'A retry list needs exactly one `exit: N` entry, the total number of attempts (§9.1). Without it the number of attempts, ' +
      'and so every approval point and job time limit, would be unknown at compile time.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        agent: claude-opus
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
    code: 'GUMP317',
    slug: 'retry-multiple-exit',
    severity: 'error',
    message: 'retry list has {count} exit entries',
    hint: 'keep a single exit entry',
    fixable: false,
    explain:
      'A retry list holds more than one `exit` entry (§9.1). This is deliberately an error, never "the last one wins", since either reading could be the intended limit.',
    wrong: `name: add-login
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
      - exit: 5
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
    code: 'GUMP318',
    slug: 'retry-attempt-order',
    severity: 'error',
    message: 'retry attempt {value} is not greater than the attempt entry before it',
    hint: 'list attempt entries in strictly ascending order',
    fixable: false,
    explain:
      '`attempt` conditions must be strictly ascending in declaration order (§9.1). Matching overrides are applied in order and later ones replace earlier ones, ' +
      'so an out-of-order ladder would not escalate the way it reads.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-haiku
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 3
        agent: claude-opus
      - attempt: 2
        agent: claude-sonnet
      - exit: 4
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-haiku
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        agent: claude-sonnet
      - attempt: 3
        agent: claude-opus
      - exit: 4
`,
  },
  {
    code: 'GUMP319',
    slug: 'retry-exit-overrides',
    severity: 'error',
    message: 'an exit entry cannot carry overrides',
    hint: 'move the overrides to an attempt, not or validate entry',
    fixable: false,
    explain:
      '`exit: N` is not a condition but the total number of attempts (§9.1), so it never "matches" and overrides on it would never apply.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - exit: 3
        agent: claude-opus
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
    code: 'GUMP320',
    slug: 'retry-with-without-validate',
    severity: 'error',
    message: '"with" is only allowed on a validate retry entry',
    hint: 'to change the instructions of later attempts, use a prompt override',
    fixable: false,
    explain:
      "In a retry entry, `with:` binds the inputs of the entry's validator (§9.1). On an `attempt`, `not` or `exit` entry there is no callee to bind.",
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 2
        agent: claude-opus
        with: { focus: "the failing tests" }
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
    code: 'GUMP321',
    slug: 'group-retry-conditions',
    severity: 'error',
    message: 'a parallel group retry entry may only be exit',
    hint: 'keep only - exit: <passes>; put conditions and overrides on the children',
    fixable: false,
    explain:
      "A parallel group's retry re-runs the children that have not passed, up to `exit` passes (§9.5). " +
      'The group runs no agent of its own, so conditions and overrides belong on its children.',
    wrong: `name: build-features
steps:
  - name: features
    parallel: true
    steps:
      - name: api
        type: code
        agent: claude-sonnet
        prompt: "Implement the API part of {spec}"
        gate: [compile, test]
      - name: ui
        type: code
        agent: claude-sonnet
        prompt: "Implement the UI part of {spec}"
        gate: [compile, test]
    retry:
      - attempt: 2
        session: new
      - exit: 2
`,
    right: `name: build-features
steps:
  - name: features
    parallel: true
    steps:
      - name: api
        type: code
        agent: claude-sonnet
        prompt: "Implement the API part of {spec}"
        gate: [compile, test]
      - name: ui
        type: code
        agent: claude-sonnet
        prompt: "Implement the UI part of {spec}"
        gate: [compile, test]
    retry:
      - exit: 2
`,
  },
  {
    code: 'GUMP322',
    slug: 'worktree-none-not-allowed',
    severity: 'error',
    message: 'worktree: none is not allowed on a {kind} step',
    hint: 'worktree: none is only for split and validate steps',
    fixable: false,
    explain:
      'With `worktree: none` the agent runs in an empty temporary folder (§13). Only split and validate steps, whose output is a small file, can work there; ' +
      'a code step must change the worktree and an artifact step usually reads it.',
    wrong: `name: add-login
steps:
  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Write release notes for {spec}"
    worktree: none
`,
    right: `name: add-login
steps:
  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Write release notes for {spec}"
    worktree: read-only
`,
  },
  {
    code: 'GUMP323',
    slug: 'read-only-write-conflict',
    severity: 'error',
    message: 'worktree: read-only conflicts with no_write: false',
    hint: 'use worktree: read-write to let the agent write',
    fixable: false,
    explain:
      '`worktree: read-only` implies `no_write: true` (§13); an explicit `no_write: false` contradicts it. Choose `read-write` when the agent must write files.',
    wrong: `name: add-login
steps:
  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Write release notes for {spec} and update CHANGELOG.md"
    worktree: read-only
    guard: { no_write: false }
`,
    right: `name: add-login
steps:
  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "Write release notes for {spec} and update CHANGELOG.md"
    worktree: read-write
`,
  },
  {
    code: 'GUMP324',
    slug: 'schema-gate-type-mismatch',
    severity: 'error',
    message: 'gate {value} does not apply to a {kind} step',
    hint: 'schema checks the output of split (plan) and validate (review) steps',
    fixable: false,
    explain:
      "A `schema` gate checks a step's output contract (§8.2): `schema: plan` needs a split, `schema: review` a validate step, " +
      'and bare `schema` fails on code, artifact and gate-only steps, which have no contract to check.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, schema]
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
    code: 'GUMP325',
    slug: 'gate-on-composite',
    severity: 'error',
    message: '"gate" is not allowed on a {kind} step',
    hint: 'add a gate-only step after it',
    fixable: false,
    explain:
      'A parallel group or a call step has `gate` (§4.2). Composites have no attempt of their own to check; ' +
      'a gate-only step placed after them checks the combined result.',
    wrong: `name: build-features
steps:
  - name: features
    parallel: true
    steps:
      - name: api
        type: code
        agent: claude-sonnet
        prompt: "Implement the API part of {spec}"
      - name: ui
        type: code
        agent: claude-sonnet
        prompt: "Implement the UI part of {spec}"
    gate: [compile, test]
`,
    right: `name: build-features
steps:
  - name: features
    parallel: true
    steps:
      - name: api
        type: code
        agent: claude-sonnet
        prompt: "Implement the API part of {spec}"
      - name: ui
        type: code
        agent: claude-sonnet
        prompt: "Implement the UI part of {spec}"
  - name: quality
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP326',
    slug: 'retry-on-call',
    severity: 'error',
    message: '"retry" is not allowed on a call step',
    hint: 'add retry to the steps of the called workflow',
    fixable: false,
    explain:
      "A failing callee makes the call step fatal; calls have no gates and no retry (§7.1). Retry policies belong to the callee's own steps.",
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    retry:
      - exit: 2
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
    code: 'GUMP327',
    slug: 'hitl-not-allowed',
    severity: 'error',
    message: '"hitl" is not allowed on a {kind} step',
    hint: 'use a pass step (type: code, agent: pass) with gates and hitl for an approval point',
    fixable: false,
    explain:
      'Approval points exist only on agent and pass steps (§4.2, §12); gate-only steps, groups and calls get none. ' +
      'A pass step with gates and `hitl: true` gives a real approval point before its gates.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    gate: [compile, test]
    hitl: true
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    type: code
    agent: pass
    gate: [compile, test]
    hitl: true
`,
  },
  {
    code: 'GUMP328',
    slug: 'validator-without-verdict',
    severity: 'error',
    message: 'validator "{ref}" has no top-level type: validate step',
    hint: "a validator's verdict is the validate.json of its last top-level validate step",
    fixable: false,
    explain:
      'A workflow referenced through `validators/` must be validator-shaped: it needs a top-level `type: validate` step whose verdict decides the gate (§7.2). ' +
      'The check applies only when the workflow is used as a validator, never when it is checked on its own.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/style-notes
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
    files: {
      '.gump/validators/style-notes.yaml': `name: style-notes
steps:
  - name: notes
    type: artifact
    agent: claude-haiku
    prompt: "List the style rules that code for {spec} should follow"
`,
    },
  },
  {
    code: 'GUMP329',
    slug: 'validator-writes',
    severity: 'error',
    message: 'validator "{ref}" contains step "{name}" ({where}), which may write',
    hint: 'validators judge the diff under review; make their steps read-only',
    fixable: false,
    explain:
      'A workflow referenced through `validators/` contains a step whose effective `no_write` is false (§7.2, §13). ' +
      'A validator runs in the worktree under review, so any change it made would alter what it is judging.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/autofix-review
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
    files: {
      '.gump/validators/autofix-review.yaml': `name: autofix-review
steps:
  - name: fix
    type: code
    agent: claude-sonnet
    prompt: "Fix the style problems in this diff: {diff}"
    gate: [compile]
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review this diff against the spec. Spec: {spec} Diff: {diff}"
`,
    },
  },
  {
    code: 'GUMP330',
    slug: 'parallel-without-children',
    severity: 'error',
    message: 'parallel group "{name}" has no steps',
    hint: 'add the steps to run in parallel, or remove the group',
    fixable: false,
    explain: 'A `parallel: true` group has an empty `steps` list (§4.2, §6.4); there would be nothing to run.',
    wrong: `name: build-features
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: features
    parallel: true
    steps: []
`,
    right: `name: build-features
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: features
    parallel: true
    steps:
      - name: docs
        type: code
        agent: claude-haiku
        prompt: "Document the features described in {spec}"
      - name: examples
        type: code
        agent: claude-haiku
        prompt: "Add usage examples for the features described in {spec}"
`,
  },
  {
    code: 'GUMP331',
    slug: 'missing-agent',
    severity: 'error',
    message: '{kind} step "{name}" has no agent',
    hint: 'add agent: <provider>-<model> (and a prompt), or agent: pass for a code step that only runs gates',
    fixable: false,
    explain:
      'A typed step has neither `agent` nor `prompt` (§4.2); with a prompt the error is GUMP313 instead. ' +
      'Since such a step also lacks its prompt, GUMP314 is reported with it unless it is meant as a pass step (`agent: pass`).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
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
];
