// Diagnostic catalogue, 5xx: deprecations, no-effect settings and cost warnings (language.md §19.6).
// Pure data read by the check phase (code → slug, severity, message), `gump fix` and `gump explain`.

import type { CatalogueEntry } from './entry.js';

export const deprecationCodes: CatalogueEntry[] = [
  {
    code: 'GUMP501',
    slug: 'deprecated-root-inputs',
    severity: 'warning',
    message: 'root "inputs" is deprecated and ignored',
    hint: 'delete it; inputs are deduced from the templates',
    fixable: true,
    explain:
      'Inputs are no longer declared: every bare placeholder that is neither reserved nor a step is an input (§14.6). ' +
      'The root `inputs` key is ignored with a warning, and `gump fix` deletes it (§2).',
    wrong: `name: add-login
inputs:
  - name: spec
    required: true
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
  },
  {
    code: 'GUMP502',
    slug: 'deprecated-root-description',
    severity: 'warning',
    message: 'root "description" is deprecated and ignored',
    hint: 'turn it into a YAML comment',
    fixable: true,
    explain:
      'The root `description` key is ignored with a warning (§2); `gump fix` turns it into a comment at the top of the file.',
    wrong: `name: add-login
description: Implements the login feature test-first
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`,
    right: `# Implements the login feature test-first
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
    code: 'GUMP503',
    slug: 'deprecated-root-review',
    severity: 'warning',
    message: 'root "review" is deprecated and ignored',
    hint: 'use a type: validate step or a validator gate',
    fixable: false,
    explain:
      'The root `review` key is ignored with a warning (§2). Reviews are now explicit: a `type: validate` step, or a validator gate such as `validators/arch-review` on the step to review (§7.2).',
    wrong: `name: add-login
review:
  agent: claude-opus
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
    gate:
      - compile
      - test
      - validate: validators/arch-review
        agent: claude-opus
`,
  },
  {
    code: 'GUMP504',
    slug: 'deprecated-step-output',
    severity: 'warning',
    message: 'step "output" is deprecated and ignored',
    hint: 'use type: (diff → code, plan → split, review → validate, artifact → artifact)',
    fixable: true,
    explain:
      'The step key `output` is ignored with a warning and plays no part in classification (§3, §4.4). ' +
      'The step type says what the agent produces; `gump fix` maps `diff` to `code`, `plan` to `split`, `review` to `validate` and `artifact` to `artifact`.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    output: diff
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
    code: 'GUMP505',
    slug: 'deprecated-failure-keyword',
    severity: 'warning',
    message: '"{key}" is deprecated and ignored',
    hint: 'describe failures with a retry: list',
    fixable: false,
    explain:
      '`on_failure`, `strategy`, `restart_from` and `replan` are ignored with a warning (§4.4). Failure handling is expressed with `retry:` (§9); ' +
      'there is no automatic rewrite because the old semantics do not map one to one.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    on_failure: retry
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - exit: 3
`,
  },
  {
    code: 'GUMP506',
    slug: 'deprecated-foreach',
    severity: 'warning',
    message: '"foreach" is deprecated and ignored',
    hint: 'use type: split with each:',
    fixable: false,
    explain:
      '`foreach` is ignored with a warning (§4.4). Iteration over tasks is written as a `type: split` step whose `each:` lists the per-task steps (§6).',
    wrong: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into small tasks"
    gate: [schema]
    foreach: tasks
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
    code: 'GUMP507',
    slug: 'deprecated-recipe',
    severity: 'warning',
    message: '"recipe" is deprecated and ignored',
    hint: 'rename it to workflow:',
    fixable: true,
    explain:
      '`recipe` is ignored with a warning (§4.4); `gump fix` renames it to `workflow:`. Being ignored, it never makes a step a call: ' +
      'in the example the step is a gate-only step until the key is renamed (and a call then needs its gate on a separate step).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: release
    recipe: release-notes
    gate: [compile]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: release
    workflow: release-notes
  - name: quality
    gate: [compile]
`,
    files: {
      '.gump/workflows/release-notes.yaml': `name: release-notes
steps:
  - name: notes
    type: code
    agent: claude-haiku
    prompt: "Add an entry for {spec} to CHANGELOG.md"
`,
    },
  },
  {
    code: 'GUMP508',
    slug: 'legacy-steps-reference',
    severity: 'warning',
    message: '"{ref}" uses the legacy steps. prefix',
    hint: 'write {<step>.<field>}, or the qualified path when the name is not visible from here',
    fixable: true,
    explain:
      'A `{steps.<x>.<field>}` placeholder keeps its global lookup for compatibility and reads as the path of the one step named `<x>` (§14.2). ' +
      '`gump fix` rewrites it to `{<x>.<field>}` when that binds to the same step, else to the qualified path.',
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
    prompt: "Make the tests in {steps.tests.files} pass"
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
    code: 'GUMP509',
    slug: 'legacy-item-reference',
    severity: 'warning',
    message: '"{ref}" uses the legacy item. prefix',
    hint: 'write task.<field>: name, description or files',
    fixable: true,
    explain: 'The old spelling `{item.<f>}` is read as `{task.<f>}` (§14.2); `gump fix` rewrites it.',
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
        prompt: "Implement {item.description}"
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
    code: 'GUMP510',
    slug: 'unquoted-template',
    severity: 'warning',
    message: 'unquoted {value} in "{key}" is a YAML mapping; it is read as the template "{value}"',
    hint: 'quote it: {key}: "{value}"',
    fixable: true,
    explain:
      'An unquoted `agent: {x.agent}` (or an input value such as `target: {x.output}`) is a YAML flow mapping with one key and a null value. ' +
      'For `agent` and input values it is accepted as the template `"{x.agent}"` with this warning, and `gump fix` adds the quotes (§4.3); a mapping-valued `prompt` is GUMP220.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: smoke
    type: code
    agent: {impl.agent}
    prompt: "Run the smoke tests and fix what fails"
    session: { from: impl }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
  - name: smoke
    type: code
    agent: "{impl.agent}"
    prompt: "Run the smoke tests and fix what fails"
    session: { from: impl }
    gate: [compile, test]
`,
  },
  {
    code: 'GUMP511',
    slug: 'retry-variable-without-retry',
    severity: 'warning',
    message: '"{ref}" describes a previous attempt, but the step has no retry loop',
    hint: 'add retry: with an exit entry above 1, or remove the placeholder',
    fixable: false,
    explain:
      "`{error}`, `{diff}`, `{output}`, `{attempt}`, `{prev.*}` and `{gate.*}` describe the previous attempt (§14.2). In a step's own prompt, agent or context path " +
      'they are always empty (or always 1) when the step has no retry loop (no retry, or `exit: 1`) (§14.5). Values bound to another workflow are never concerned.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {error}
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {error}
    gate: [compile, test]
    retry:
      - exit: 3
`,
  },
  {
    code: 'GUMP512',
    slug: 'no-effect-on-pass',
    severity: 'warning',
    message: '"{key}" has no effect on a pass step',
    hint: 'remove it; a pass step runs no agent',
    fixable: false,
    explain:
      'A pass step (`type: code`, `agent: pass`) skips the agent and only runs its gates (§3). Its `prompt`, `context`, `session`, `worktree` and `guard` are accepted but do nothing (§4.2, §11).',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    type: code
    agent: pass
    guard: { max_turns: 10 }
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
    code: 'GUMP513',
    slug: 'pass-without-gates',
    severity: 'warning',
    message: 'pass step "{name}" has no gates and does nothing',
    hint: 'add gates, e.g. gate: [compile, test]',
    fixable: false,
    explain:
      'A pass step runs no agent; its only effect is its gates and their retry policy (§3, §4.2). Without gates it always passes and does nothing.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: quality
    type: code
    agent: pass
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
`,
  },
  {
    code: 'GUMP514',
    slug: 'retry-entry-after-exit',
    severity: 'warning',
    message: 'retry entry placed after the exit entry',
    hint: 'put the exit entry last',
    fixable: false,
    explain:
      'The `exit` entry bounds the attempts and is conventionally last (§9.1). An entry after it still applies, but the list no longer reads as the escalation ladder it is.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - exit: 3
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
    code: 'GUMP515',
    slug: 'unreachable-retry-entry',
    severity: 'warning',
    message: 'attempt {value} is never reached with exit {limit}',
    hint: 'raise exit or lower the attempt number',
    fixable: false,
    explain:
      '`exit: N` is the total number of attempts (§9.1), so an `attempt: M` condition with M > N can never fire and its overrides never apply.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 4
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
      - attempt: 4
        agent: claude-opus
      - exit: 4
`,
  },
  {
    code: 'GUMP516',
    slug: 'single-attempt-retry',
    severity: 'warning',
    message: 'exit: 1 disables retries',
    hint: 'raise exit to allow retries, or remove the retry list',
    fixable: false,
    explain:
      '`exit` counts every attempt, the first included (§9.1), so `exit: 1` allows no retry at all and every other entry of the list is dead.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - exit: 1
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - exit: 3
`,
  },
  {
    code: 'GUMP517',
    slug: 'session-provider-mismatch',
    severity: 'warning',
    message: 'session from "{name}" crosses providers ({provider}); a fresh session will be used',
    hint: 'use an agent of the same provider, or drop session:',
    fixable: false,
    explain:
      'Sessions can only be resumed within one provider (§10, §18.1). When both agents are literal and their providers differ, the runtime will start a fresh session, so `session.from` has no effect.',
    wrong: `name: add-login
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write failing tests for {spec}"
    gate: [compile]
  - name: impl
    type: code
    agent: codex-gpt54
    prompt: "Make the new tests pass"
    session: { from: tests }
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
    code: 'GUMP518',
    slug: 'hitl-without-gates',
    severity: 'warning',
    message: 'hitl has no effect on a step without gates',
    hint: 'add gates, or use hitl: after_gate',
    fixable: false,
    explain:
      '`hitl: true` (or `before_gate`) places an approval point before the gates, and only when the step has gates (§12). Without gates no approval point is created.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    hitl: true
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
    code: 'GUMP519',
    slug: 'estimated-cost',
    severity: 'note',
    message: '{provider} does not report cost; budgets use an estimate from token counts',
    fixable: false,
    explain:
      'A budget applies to an agent whose provider does not report cost, so spend is estimated from streamed tokens and the price table (§17.2). ' +
      "The estimate can differ from the provider's bill; reports mark it as estimated.",
    wrong: `name: add-login
max_budget: 5
steps:
  - name: impl
    type: code
    agent: codex-gpt54
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
    code: 'GUMP520',
    slug: 'unknown-model-price',
    severity: 'warning',
    message: 'no price known for agent "{value}"; budgets cannot see its cost',
    hint: 'add its model under [prices."<model>"] in gump.toml',
    fixable: false,
    explain:
      "The price table has no entry for this literal agent's model, so its cost is recorded as 0 with source `unknown` and budget limits cannot see it (§17.2). " +
      'The built-in table covers every alias of §18.2; other models need a `[prices]` entry in `gump.toml`.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: codex-gpt60
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
    code: 'GUMP521',
    slug: 'reset-keeps-session',
    severity: 'warning',
    message: 'worktree: reset without session: new resumes a session that remembers the discarded work',
    hint: 'add session: new to the same entry',
    fixable: false,
    explain:
      'A retry entry resets the worktree but keeps the agent session (§9.1). The resumed agent still believes its discarded changes exist, ' +
      'so the reset is usually meant to come with a fresh session.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 3
        worktree: reset
      - exit: 4
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
    retry:
      - attempt: 3
        worktree: reset
        session: new
      - exit: 4
`,
  },
  {
    code: 'GUMP522',
    slug: 'empty-input-value',
    severity: 'warning',
    message: 'input "{key}" is bound to an empty value',
    hint: "pass a value, or leave the input unbound to take the caller's value",
    fixable: false,
    explain:
      "A callee input is bound to an empty literal (§14.6). An empty binding is almost always a placeholder left unfinished; an unbound input takes the caller's value of the same name instead (§7.1).",
    wrong: `name: add-login
steps:
  - name: setup
    workflow: setup-env
    with: { environment: "" }
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
    code: 'GUMP523',
    slug: 'unknown-config-key',
    severity: 'warning',
    message: 'unknown key "{key}" in {where}',
    fixable: false,
    explain:
      '`gump.toml` holds a key the compiler does not know (§22). It is ignored with a warning, so a misspelt setting (here `test_command` for `test_cmd`) is noticed; the hint suggests the closest known key.',
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
      'gump.toml': `[validation]
test_command = "npm test"
`,
    },
    rightFiles: {
      'gump.toml': `[validation]
test_cmd = "npm test"
`,
    },
  },
  {
    code: 'GUMP524',
    slug: 'turns-counted',
    severity: 'note',
    message: '{provider} has no turn-limit flag; max_turns is counted from the event stream',
    fixable: false,
    explain:
      "Only some CLIs (claude, qwen) accept a turn limit (§18.1). For the others the runtime counts turn events in the agent's stream and trips the guard when the count exceeds the limit (§11), " +
      'so the limit applies a little later than a native flag would.',
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: codex-gpt54
    prompt: "Implement {spec}"
    guard: { max_turns: 40 }
    gate: [compile, test]
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: codex-gpt54
    prompt: "Implement {spec}"
    guard: { max_time: 20m }
    gate: [compile, test]
`,
  },
];
