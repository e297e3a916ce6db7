// Diagnostic catalogue, 4xx: nesting and CI target limits (language.md §19.5).
// Pure data; 404–407 only fire when compiling for the entry's `target`.

import type { CatalogueEntry } from './entry.js';

export const targetCodes: CatalogueEntry[] = [
  {
    code: 'GUMP401',
    slug: 'nested-split',
    severity: 'error',
    message: 'split "{name}" runs inside another split\'s task or a parallel branch',
    hint: 'flatten the plan: let a single split produce fine-grained tasks',
    fixable: false,
    explain:
      "A split runs inside another split's task or inside a parallel branch, directly or through a workflow call (§6.5). " +
      'Tasks are only known at run time, and CI targets cannot generate pipelines from inside a task of a generated pipeline.',
    wrong: `name: add-login
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} into features"
    gate: [schema]
    each:
      - name: subtasks
        type: split
        agent: claude-sonnet
        prompt: "Split {task.description} into small steps"
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
    agent: claude-opus
    prompt: "Split {spec} into small, independently testable tasks"
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
    code: 'GUMP402',
    slug: 'nested-parallel',
    severity: 'error',
    message: 'parallel {kind} "{name}" runs inside a parallel branch',
    hint: 'make the outer split sequential; parallel groups are allowed inside a sequential split',
    fixable: false,
    explain:
      'A parallel group or parallel split runs inside a branch of another parallel group or parallel split (§6.5). ' +
      'Each branch already has its own worktree and merge; nested fan-outs are not supported by the CI targets.',
    wrong: `name: add-login
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
      - name: reviews
        parallel: true
        steps:
          - name: arch
            type: validate
            agent: claude-opus
            prompt: "Review the architecture of {task.description}"
          - name: sec
            type: validate
            agent: claude-sonnet
            prompt: "Review the security of {task.description}"
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
      - name: reviews
        parallel: true
        steps:
          - name: arch
            type: validate
            agent: claude-opus
            prompt: "Review the architecture of {task.description}"
          - name: sec
            type: validate
            agent: claude-sonnet
            prompt: "Review the security of {task.description}"
`,
  },
  {
    code: 'GUMP403',
    slug: 'hitl-in-parallel-branch',
    severity: 'error',
    message: 'approval point of step "{name}" is inside a parallel branch',
    hint: 'approve after the group, e.g. with a pass step that has gates and hitl',
    fixable: false,
    explain:
      'A step with `hitl` runs inside a branch of a parallel group or parallel split (§12). ' +
      'An approval point pauses the run, which a concurrent branch cannot do; place the approval after the join.',
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
        hitl: true
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
        gate: [compile, test]
      - name: ui
        type: code
        agent: claude-sonnet
        prompt: "Implement the UI part of {spec}"
        gate: [compile, test]
  - name: approve
    type: code
    agent: pass
    gate: [compile, test]
    hitl: true
`,
  },
  {
    code: 'GUMP404',
    slug: 'job-id-collision',
    severity: 'error',
    message: 'steps {list} map to the same {target} job id "{id}"',
    hint: 'rename one of the steps',
    fixable: false,
    explain:
      'Two steps produce the same CI job identifier once their paths are sanitised for the target (§19.5). ' +
      'GitHub Actions compares job ids case-insensitively, so `docs` and `Docs` collide although gump names are case-sensitive.',
    wrong: `name: add-login
steps:
  - name: docs
    type: code
    agent: claude-haiku
    prompt: "Write the API reference for {spec}"
  - name: Docs
    type: code
    agent: claude-haiku
    prompt: "Write the user guide for {spec}"
`,
    right: `name: add-login
steps:
  - name: docs
    type: code
    agent: claude-haiku
    prompt: "Write the API reference for {spec}"
  - name: guide
    type: code
    agent: claude-haiku
    prompt: "Write the user guide for {spec}"
`,
    target: 'github',
  },
  {
    code: 'GUMP405',
    slug: 'too-many-inputs',
    severity: 'error',
    message:
      "the pipeline needs {count} inputs (the workflow's inputs, spec, and the stub, resume and decision inputs gump adds); {target} allows {limit}",
    hint: 'move settings into the spec file, or bind them with with: in a wrapping workflow',
    fixable: false,
    explain:
      'Every bare placeholder that is not reserved and not a step is a workflow input, exposed as a pipeline input (§14.6). ' +
      'GitHub `workflow_dispatch` accepts at most 25 inputs, `spec` and the three gump adds (`stub`, `resume`, `decision`) included, so a workflow with more cannot be started there.',
    wrong: `name: deploy-service
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec} for {app_name} in {region} ({environment}).
      Owner {owner}, team {team}, ticket {ticket}.
      Database {db_engine} {db_version}, cache {cache_backend}, queue {queue_backend}.
      Auth {auth_provider}, log level {log_level}, locale {locale}, currency {currency}, timezone {timezone}.
      API {api_version}, CDN {cdn}, bucket {bucket}, domain {domain}, port {port}.
      Replicas {replicas}, CPU {cpu_limit}, memory {memory_limit}, connections {max_connections}.
      Keep logs {retention_days} days and alert {alert_channel}.
    gate: [compile, test]
`,
    right: `name: deploy-service
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} using the deployment settings it lists"
    gate: [compile, test]
`,
    target: 'github',
  },
  {
    code: 'GUMP406',
    slug: 'step-path-too-long',
    severity: 'error',
    message: 'step path "{name}" is longer than {limit} characters, the {target} job name limit',
    hint: 'shorten the step names along the path',
    fixable: false,
    explain:
      "A static step path (names joined with `/`, §15.1) becomes a CI job name and exceeds the target's length limit (GitLab rejects job names over 255 characters). " +
      'Keep step names short; describe the work in the prompt instead.',
    wrong: `name: onboarding
steps:
  - name: implement_the_complete_customer_onboarding_flow_including_email_verification_password_reset_multi_factor_authentication_and_account_recovery_for_the_self_service_portal
    parallel: true
    steps:
      - name: write_end_to_end_tests_covering_every_onboarding_path_with_realistic_fixtures_for_each_identity_provider_and_locale_supported_by_the_portal
        type: code
        agent: claude-sonnet
        prompt: "Write end-to-end tests for the onboarding flow in {spec}"
        gate: [compile]
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement the onboarding flow in {spec}"
        gate: [compile]
`,
    right: `name: onboarding
steps:
  - name: onboarding
    parallel: true
    steps:
      - name: e2e_tests
        type: code
        agent: claude-sonnet
        prompt: "Write end-to-end tests for the onboarding flow in {spec}"
        gate: [compile]
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Implement the onboarding flow in {spec}"
        gate: [compile]
`,
    target: 'gitlab',
  },
  {
    code: 'GUMP407',
    slug: 'job-time-limit',
    severity: 'warning',
    message: 'step "{name}" may run for {value}, longer than the {target} job limit of {limit}',
    hint: 'lower max_time or exit, or split the work into smaller steps',
    fixable: false,
    explain:
      "All attempts of a step run inside one CI job, so `exit` × `max_time` bounds the job's duration (§9.1, §11). " +
      "When that exceeds the target's maximum job time (GitHub 6h, GitLab hosted runners 3h), the CI may kill the job before gump gives up. Only reported when compiling for a target.",
    wrong: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_time: 2h }
    gate: [compile, test]
    retry:
      - exit: 4
`,
    right: `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    guard: { max_time: 1h }
    gate: [compile, test]
    retry:
      - exit: 4
`,
    target: 'github',
  },
];
