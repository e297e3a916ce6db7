// GitLab target: the shell lines of every job (GitLab docs, "`script`"). Each line calls the
// runtime with names from protocol/runtime-cli.ts; values from variables reach it only as quoted
// environment references, never interpolated at compile time. The only shell logic besides the
// calls: reading the run status a restore wrote (`outputs.json`) to decide whether there is
// anything to share, approve, reject or publish, since GitLab rules cannot see job outputs.

import { AGENT_PACKAGES } from '../../protocol/agent-packages.js';
import { CLI_PROVIDERS, type CliProvider } from '../../protocol/models.js';
import { COMMANDS, ENV, EXIT, OUTPUTS, RUNTIME_PATH } from '../../protocol/runtime-cli.js';
import { ALL_AGENT_SECRETS, secretsFor } from '../ci/agent-secrets.js';
import type { CiOptions } from '../ci/options.js';

/** Where every job's state artifact is extracted (one folder per job) and saved. */
export const STATE_DIR = '.gump-ci';
/** The agent CLIs' install prefix, cached between pipelines (inside the project: GitLab caches only there). */
export const AGENTS_DIR = '.gump-agents';
/** The report artifact's folder. */
export const REPORT_DIR = 'gump-report';

const RUNTIME = `node ${RUNTIME_PATH}`;
/**
 * A restore into a fresh scratch folder outside the checkout (its outputs.json says the run status);
 * fresh because jobs of one stage run at once on a shell runner's machine.
 */
const CHECK_DIR = '"$(mktemp -d)"';
const RESTORE = `${RUNTIME} ${COMMANDS.ci} --plan "$GUMP_PLAN" --boundaries ${STATE_DIR}`;

/** Folder name of a boundary (`{i}`: the parallel leg's index, from CI_NODE_INDEX). */
export function stateSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9{}]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Every job's set-up (`before_script`, the same shell as `script`): the state, agent and report
 * folders are invisible to git (the checkout is the run's worktree), and two shell functions:
 * `gump_install <cli>...` installs agent CLIs at their pins (`GUMP_PIN_<CLI>`) unless cached or in
 * stub mode, never with an agent secret in its environment; `gump_status <dir>` restores the run
 * into a scratch folder and prints its status (`pass`, `waiting`, `fatal`, `aborted`).
 */
export function setupLines(): string[] {
  const hide = ALL_AGENT_SECRETS.map((s) => `-u ${s}`).join(' ');
  return [
    `printf '%s\\n' /${STATE_DIR}/ /${AGENTS_DIR}/ /${REPORT_DIR}/ >> .git/info/exclude`,
    [
      'gump_install() {',
      `  if [ "$${ENV.stub}" = true ] || [ "$${ENV.stub}" = 1 ]; then return 0; fi`,
      '  for agent in "$@"; do',
      `    if [ "$agent" = cursor ]; then command -v cursor-agent >/dev/null || curl -fsS https://cursor.com/install | env ${hide} bash; continue; fi`,
      '    pin="GUMP_PIN_$(echo "$agent" | tr a-z A-Z)"',
      `    env ${hide} npm install --prefix ${AGENTS_DIR} --no-audit --no-fund --no-save "$(printenv "$pin")"`,
      '  done',
      `  export PATH="$PWD/${AGENTS_DIR}/node_modules/.bin:$HOME/.local/bin:$PATH"`,
      '}',
    ].join('\n'),
    [
      'gump_status() {',
      `  ${ENV.decision}= ${RESTORE} --out "$1" >&2 && node -p "require(process.argv[1]).${OUTPUTS.state}" "$1/outputs.json"`,
      '}',
    ].join('\n'),
  ];
}

/** Secrets and the push token are project variables every job sees: unset all a job does not need. */
export function unsetLines(keep: readonly string[]): string[] {
  const drop = [...ALL_AGENT_SECRETS, ENV.pushToken].filter((s) => !keep.includes(s));
  return drop.length > 0 ? [`unset ${drop.join(' ')}`] : [];
}

/** Pinned npm packages (`GUMP_PIN_<CLI>`), overridable in gump.toml `[ci.pins]`. */
export function pinVariables(o: CiOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of CLI_PROVIDERS) {
    const pkg = AGENT_PACKAGES[p];
    if (pkg.npm !== null) out[`GUMP_PIN_${p.toUpperCase()}`] = `${pkg.npm}@${o.pins[p] ?? pkg.version}`;
  }
  return out;
}

/** Part of the cache key: new pins, new cache. */
export function pinKey(agents: readonly CliProvider[], o: CiOptions): string {
  return agents.map((p) => `${p}-${o.pins[p] ?? AGENT_PACKAGES[p].version ?? 'latest'}`).join('-');
}

/** Install the job's agent CLIs (`gump_install`, set up in `before_script`). */
export function installLines(agents: readonly CliProvider[]): string[] {
  return agents.length === 0 ? [] : [`gump_install ${agents.join(' ')}`];
}

/** The agent secrets a job keeps for its runtime call. */
export function keptSecrets(agents: readonly CliProvider[]): string[] {
  return secretsFor(agents);
}

/** Run one unit and save its boundary, also when it failed (a retried job resumes from it). */
export function unitLine(decision: '' | 'approve' | 'reject' | 'review'): string {
  const value = decision === 'review' ? '"${GUMP_REVIEW:-approve}"' : decision;
  return `${ENV.decision}=${value} ${RESTORE} --unit "$GUMP_UNIT" --name "$GUMP_SAVE" --out "${STATE_DIR}/$GUMP_SAVE_DIR"`;
}

/** Reject: the run ends `aborted` (the runtime's exit ${EXIT.aborted}), which is what the reviewer asked for: the job passes. */
export function rejectLine(): string {
  return `${unitLine('reject')} || [ $? -eq ${EXIT.aborted} ]`;
}

/** Restore into a scratch folder and read the run status (`pass`, `waiting`, `fatal`, `aborted`). */
export function statusLines(): string[] {
  return [`status=$(gump_status ${CHECK_DIR})`];
}

/** Stop the job (exit `code`) unless the run status is one of `wanted`. */
export function unlessStatus(wanted: readonly string[], what: string, code: 0 | 1): string {
  const test = wanted.map((w) => `[ "$status" != ${w} ]`).join(' && ');
  return `if ${test}; then echo "gump: the run is $status: ${what}"; exit ${code}; fi`;
}

/** A parallel leg past the end of the plan does nothing; the count comes from the restored run. */
export function legLines(split: string): string[] {
  return [
    'i=$((CI_NODE_INDEX - 1))',
    `${ENV.decision}= ${RESTORE}`,
    `count=$(${RUNTIME} ${COMMANDS.tasks} --split "${split}" | node -p "JSON.parse(require('fs').readFileSync(0, 'utf8')).length" || echo 0)`,
    'if [ "$i" -ge "$count" ]; then echo "gump: no task $CI_NODE_INDEX in this plan ($count tasks)"; exit 0; fi',
    'export GUMP_UNIT="${GUMP_UNIT%-}-$i" GUMP_SAVE="${GUMP_SAVE%-}-$i" GUMP_SAVE_DIR="${GUMP_SAVE_DIR%-}-$i"',
  ];
}

/** A task job of a child pipeline: its unit and boundary are the template's prefixes plus the task's index (`GUMP_TASK`). */
export function taskLine(): string {
  return 'export GUMP_UNIT="${GUMP_UNIT%-}-$GUMP_TASK" GUMP_SAVE="${GUMP_SAVE%-}-$GUMP_TASK" GUMP_SAVE_DIR="${GUMP_SAVE_DIR%-}-$GUMP_TASK"';
}

/** Restore the run, then write the child pipeline of `split`: the compiled `config` plus a job per planned task. */
export function childLines(split: string, config: string, template: string, out: string): string[] {
  return [
    `${ENV.decision}= ${RESTORE}`,
    `${RUNTIME} ${COMMANDS.gitlabChild} --split "${split}" --config "${config}" --extends "${template}" --out "${out}"`,
  ];
}

export const PUBLISH_LINES = {
  share: `${RUNTIME} ${COMMANDS.publish} --waiting`,
  publish: `${RUNTIME} ${COMMANDS.publish} --open-pr gitlab`,
  report: [`${ENV.decision}= ${RESTORE}`, `${RUNTIME} ${COMMANDS.report} --out ${REPORT_DIR} --summary`],
};
