// `report` in the CI report job (docs/runtime.md): --out writes report.json and report.md (the
// gump-report artifact), --summary appends the Markdown summary to GITHUB_STEP_SUMMARY, GITHUB_OUTPUT
// gets `state`; for a passed, a fatal (gate output excerpt), a waiting (how to continue, with the
// CI run id) and a rejected run (GUMP_DECISION=reject aborts it first). Golden Markdown in
// fixtures/runtime-report/ with run id, base commit and durations masked; regenerate with
// GUMP_UPDATE_FIXTURES=1.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/harness.js';
import { FAST_GATES, projectFiles, ROOT, runLibrary } from '../e2e/library-run.js';
import { fatalRun, ledgerEvents, passedRun, runtime, waitingRun } from './runs.js';

const FIXTURES = join(ROOT, 'fixtures', 'runtime-report');
const UPDATE = process.env.GUMP_UPDATE_FIXTURES === '1';
const CI_RUN_ID = '987654321';

interface CiReport {
  code: number;
  stdout: string;
  stderr: string;
  json: { status: string; runId: string; steps: { step: string; status: string }[] };
  markdown: string;
  summary: string;
  outputs: string;
}

async function ciReport(r: ScenarioResult, env: Record<string, string> = {}): Promise<CiReport> {
  const dir = mkdtempSync(join(tmpdir(), 'gump-report-'));
  const summary = join(dir, 'step-summary.md');
  const outputs = join(dir, 'github-output');
  writeFileSync(summary, '# earlier step\n');
  const p = await runtime(r, ['report', '--out', join(dir, 'gump-report'), '--summary', '--format', 'json'], {
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    GITHUB_RUN_ID: CI_RUN_ID,
    ...env,
  });
  return {
    ...p,
    json: JSON.parse(readFileSync(join(dir, 'gump-report', 'report.json'), 'utf8')),
    markdown: readFileSync(join(dir, 'gump-report', 'report.md'), 'utf8'),
    summary: readFileSync(summary, 'utf8'),
    outputs: existsSync(outputs) ? readFileSync(outputs, 'utf8') : '',
  };
}

/** Run id, base commit and wall-clock durations replaced by placeholders. */
function mask(r: ScenarioResult, text: string): string {
  return text
    .split(r.runId)
    .join('<run-id>')
    .split(r.state.base.slice(0, 12))
    .join('<base>')
    .replace(/\b\d+\.\ds\b|\b\d+m \d\ds\b|\b\d+h \d\dm\b/g, '<t>');
}

function golden(name: string, actual: string): void {
  checkMarkdown(actual);
  const file = join(FIXTURES, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('report --out --summary (CI report job)', () => {
  it('passed: outcome first, a row per step with totals; state=pass', async () => {
    const r = await passedRun();
    const c = await ciReport(r);
    expect(c.code, c.stderr).toBe(0);
    expect(c.json).toMatchObject({ runId: r.runId, status: 'pass', steps: [{ step: 'impl', status: 'pass' }] });
    expect(JSON.parse(c.stdout)).toEqual(c.json);
    expect(c.summary).toBe(`# earlier step\n${c.markdown}`);
    expect(c.outputs).toBe('state=pass\n');
    expect(c.markdown.split('\n')[0]).toBe(`## gump run \`${r.runId}\` (greet): passed`);
    // Totals: steps, tasks, attempts, turns, tokens, cost (estimated: the stub reports none), time.
    expect(c.markdown).toMatch(/^\| 1 \| 0 \| 1 \| 1 \| 0 \/ 0 \| \$0\.00\* \| \d+\.\ds \|$/m);
    expect(c.markdown).toContain('\nCost in US dollars, estimated from token counts and the price table.\n');
    golden('pass.summary.md', mask(r, c.markdown));
  });

  it('fatal: failed at the step with its reason, the tail of the gate output (20 lines) in <details> and in report.json; state=fatal', async () => {
    const r = await fatalRun();
    expect(r.state.status).toBe('fatal');
    const c = await ciReport(r);
    expect(c.code, c.stderr).toBe(0);
    expect(c.outputs).toBe('state=fatal\n');
    expect(c.markdown).toContain('**❌ Failed at `impl`:** ');
    // What failed in the summary, then the tail of the gate's output (the last 20 of 31 lines).
    expect(c.markdown).toContain(
      '<details><summary>impl attempt 1: gate bash_0 failed (exit 1)</summary>\n\n… 11 earlier lines:\n```text\nproblem-11\n',
    );
    expect(c.markdown).toContain('\nproblem-30\n```\n');
    expect(c.markdown).not.toContain('problem-10\n');
    // report.json carries the same excerpt as the attempt's error.
    const attempt = (c.json as unknown as { steps: { attempts: { error?: string }[] }[] }).steps[0]!.attempts[0]!;
    expect(attempt.error?.split('\n')).toEqual([
      'gate bash_0 failed (exit 1)',
      '… 11 earlier lines',
      ...Array.from({ length: 20 }, (_, i) => `problem-${i + 11}`),
    ]);
    expect(c.markdown).toMatch(/^\| `impl` \| ❌ fatal \| 1 \| claude-sonnet \|/m);
    golden('fatal.summary.md', mask(r, c.markdown));
  });

  it('waiting: says where and exactly how to continue (environment review, or resume=<CI run id> decision=approve|reject); state=waiting', async () => {
    const r = await waitingRun();
    const c = await ciReport(r);
    expect(c.code, c.stderr).toBe(0);
    expect(c.outputs).toBe('state=waiting\n');
    expect(c.json.status).toBe('waiting');
    expect(c.markdown).toContain('**⏸️ Waiting for approval at `impl`** (before gate, attempt 1).');
    expect(c.markdown).toContain(
      '- approve the pending environment review of this workflow run (**Review deployments**), or',
    );
    expect(c.markdown).toContain(
      `- dispatch this workflow again with the inputs \`resume=${CI_RUN_ID}\` and \`decision=approve\` (or \`decision=reject\` to end the run).`,
    );
    expect(c.markdown).toMatch(/^\| `impl` \| ⏸️ waiting \| 1 \|/m);
    // What is being approved: the changes so far; the gates come after a before_gate approval.
    expect(c.markdown).toContain(
      '\nWhat is being approved: 1 file changed (+1 −0, listed under *Files changed*); the gates have not run yet (they run after approval).\n',
    );
    expect(c.markdown).toContain('\n| `hello.txt` | 1 | 0 |\n');
    golden('waiting.summary.md', mask(r, c.markdown));
  });

  it('waiting on GitLab: the manual approve and reject jobs of the pipeline, no dispatch', async () => {
    const r = await waitingRun();
    const url = 'https://gitlab.example.com/group/project/-/pipelines/812';
    const c = await ciReport(r, { GITHUB_RUN_ID: '', GITLAB_CI: 'true', CI_PIPELINE_URL: url });
    expect(c.code, c.stderr).toBe(0);
    const how = c.markdown.slice(c.markdown.indexOf('To continue, either:'), c.markdown.indexOf('\nSpec '));
    expect(how).toBe(
      [
        'To continue, either:',
        `- play the blocking manual job \`<job>-approve-<n>\` that follows the waiting job in [its pipeline](${url}), or`,
        '- play the manual job `<job>-reject-<n>` beside it to end the run.',
        '',
      ].join('\n'),
    );
  });

  it('rejected: GUMP_DECISION=reject aborts the waiting run first, then reports it aborted; state=aborted', async () => {
    const r = await waitingRun();
    const c = await ciReport(r, { GUMP_DECISION: 'reject', GUMP_ACTOR: 'octocat', GUMP_REASON: '' });
    expect(c.code, c.stderr).toBe(0);
    expect(c.outputs).toBe('state=aborted\n');
    expect(c.json.status).toBe('aborted');
    expect(c.markdown).toContain('**⛔ Aborted:** rejected at before gate of impl');
    expect(c.markdown).not.toContain('resume=');
    expect(ledgerEvents(r, 'approval.decided')).toEqual([
      expect.objectContaining({ decision: 'reject', by: 'octocat', step: 'impl' }),
    ]);
    expect(ledgerEvents(r, 'run.finished')).toEqual([expect.objectContaining({ status: 'aborted' })]);
    golden('aborted.summary.md', mask(r, c.markdown));
    expect(JSON.parse(readFileSync(join(r.worktree, '.gump', 'run', 'report.json'), 'utf8')).status).toBe('aborted');
    // A second report job sees an aborted run: nothing more is decided.
    const again = await ciReport(r, { GUMP_DECISION: 'reject' });
    expect(again.outputs).toBe('state=aborted\n');
    expect(ledgerEvents(r, 'approval.decided')).toHaveLength(1);
  });

  it("rejected in CI with GUMP_REASON: the reviewer's reason ends the run", async () => {
    const r = await waitingRun();
    const c = await ciReport(r, { GUMP_DECISION: 'reject', GUMP_ACTOR: 'octocat', GUMP_REASON: 'needs tests' });
    expect(c.code, c.stderr).toBe(0);
    expect(c.markdown).toContain('**⛔ Aborted:** rejected at before gate of impl: needs tests\n');
    expect(ledgerEvents(r, 'approval.decided')).toEqual([
      expect.objectContaining({ decision: 'reject', by: 'octocat', reason: 'needs tests' }),
    ]);
  });

  it('reject --reason: recorded in the ledger and shown as the reason the run ended', async () => {
    const r = await waitingRun();
    const p = await runtime(r, ['reject', '--reason', 'the greeting  must be localised']);
    expect(p.code, p.stderr).toBe(0);
    expect(ledgerEvents(r, 'approval.decided')).toEqual([
      expect.objectContaining({ decision: 'reject', step: 'impl', reason: 'the greeting must be localised' }),
    ]);
    const c = await ciReport(r);
    expect(c.json.status).toBe('aborted');
    expect((c.json as unknown as { message: string }).message).toBe(
      'rejected at before gate of impl: the greeting must be localised',
    );
    expect(c.markdown).toContain('**⛔ Aborted:** rejected at before gate of impl: the greeting must be localised\n');
    const body = await runtime(r, ['report', '--format', 'markdown']);
    expect(body.stdout).toContain('**⛔ Aborted:** rejected at before gate of impl: the greeting must be localised\n');
  });

  it('without --out or --summary, report only prints; GITHUB_STEP_SUMMARY is left alone', async () => {
    const r = await passedRun();
    const dir = mkdtempSync(join(tmpdir(), 'gump-report-'));
    const summary = join(dir, 'summary.md');
    const p = await runtime(r, ['report', '--format', 'text'], { GITHUB_STEP_SUMMARY: summary });
    expect(p.code).toBe(0);
    expect(p.stdout).toMatch(/^step\s+attempt\s+status/);
    expect(existsSync(summary)).toBe(false);
    const bad = await runtime(r, ['report', '--format', 'html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('gump-runtime: --format takes text, json, markdown, not "html"\n');
  });

  it('the pull request body: the same report without CI instructions (golden)', async () => {
    const r = await passedRun();
    const dir = mkdtempSync(join(tmpdir(), 'gump-body-'));
    const p = await runtime(r, ['publish', '--dry-run', '--body', join(dir, 'body.md')], { GITHUB_RUN_ID: CI_RUN_ID });
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/^would push [0-9a-f]{40}:refs\/heads\/gump\/run-/);
    golden('pass.pull-request.md', mask(r, readFileSync(join(dir, 'body.md'), 'utf8')));
  });

  it('a library run with a split, escalation and retries: one row per step, agents per step, reported costs, every failed attempt (golden)', async () => {
    const r = await runLibrary({ workflow: 'bugfix', files: projectFiles('bugfix', FAST_GATES) });
    expect(r.state.status).toBe('pass');
    const c = await ciReport(r);
    expect(c.code, c.stderr).toBe(0);
    golden('bugfix.summary.md', mask(r, c.markdown));
    // One section per task, its steps named inside it.
    expect(c.markdown).toContain(
      '\n### Task `fix-cart-total`: ✅ pass\n\n> Root cause: total() in src/cart.js starts at index 1.',
    );
    expect(c.markdown).toMatch(
      /^\| `reproduce` \| ✅ pass \| 2 \| claude-haiku, claude-sonnet \| 5 \| 0 \/ 0 \| \$0\.050\* \|/m,
    );
    expect(c.markdown).toContain('\n### Files changed\n\n2 files, +4 −1\n');
    expect(c.markdown).toContain(
      '\n### Escalations\n\n- `analyze/fix-cart-total/reproduce` attempt 2: claude-haiku → claude-sonnet\n',
    );
    // A one-line error stands alone; a gate's output goes under its headline in <details>.
    expect(c.markdown).toContain(
      '\n**analyze/fix-cart-total/reproduce attempt 1:** agent claude-haiku failed (exit 1): API Error: 429 rate_limit_error (too many requests)\n',
    );
    expect(c.markdown).toContain(
      '<details><summary>analyze/fix-cart-total/patch attempt 1: gate compile failed (exit 1)</summary>\n\n```text\nsrc/cart.js: Unexpected identifier',
    );
    expect(c.markdown).toMatch(/^\| `quality` \| ✅ pass \| 1 \| - \| 0 \|/m);
  });
});

/** What GitHub and GitLab both need to render the body as meant (GFM): checked line by line. */
function checkMarkdown(md: string): void {
  expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  expect(md).not.toMatch(/\n\n\n/);
  const lines = md.split('\n');
  // Tables: a header, a separator, rows — every line with as many cells (escaped pipes are text).
  const cells = (l: string): number => l.split(/(?<!\\)\|/).length - 2;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || (i > 0 && lines[i - 1]!.startsWith('|'))) continue;
    expect(lines[i - 1], `blank line before the table at line ${i + 1}`).toBe('');
    expect(lines[i + 1], `separator of the table at line ${i + 1}`).toMatch(/^\|(-{3}:?\|)+$/);
    for (let j = i; j < lines.length && lines[j]!.startsWith('|'); j++)
      expect(cells(lines[j]!), `cells of line ${j + 1}: ${lines[j]}`).toBe(cells(lines[i]!));
  }
  // HTML only as <details>/<summary>/<sub>, balanced; code fences closed.
  expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
  // (the golden placeholders <run-id>, <base>, <t> are not HTML either)
  expect(md.replace(/<\/?(details|summary|sub)>|<(run-id|base|t)>/g, '')).not.toMatch(/<[a-z/]/i);
  expect(lines.filter((l) => /^`{3,}/.test(l)).length % 2).toBe(0);
}

describe('report --format markdown: the pull/merge request body', () => {
  it('the structure check rejects a broken table, a stray tag, an open fence, a double blank line', () => {
    expect(() => checkMarkdown('x\n\n| a | b |\n|---|---|\n| 1 |\n')).toThrow();
    expect(() => checkMarkdown('x </div>\n')).toThrow();
    expect(() => checkMarkdown('```text\nx\n')).toThrow();
    expect(() => checkMarkdown('x\n\n\ny\n')).toThrow();
    expect(() => checkMarkdown('x\n\n| a | b |\n|---|---:|\n| 1 | `p\\|q` |\n')).not.toThrow();
  });

  it('outcome first, steps, a section per task, files changed, failures, escalations, totals with the cost source (structure and reviewed golden)', async () => {
    const r = await runLibrary({ workflow: 'bugfix', files: projectFiles('bugfix', FAST_GATES) });
    const p = await runtime(r, ['report', '--format', 'markdown']);
    expect(p.code, p.stderr).toBe(0);
    const md = p.stdout;
    checkMarkdown(md);
    const headings = md.split('\n').filter((l) => /^#{2,3} /.test(l));
    expect(headings).toEqual([
      `## gump run \`${r.runId}\` (bugfix): passed`,
      '### Steps',
      '### Task `fix-cart-total`: ✅ pass',
      '### Files changed',
      '### Failures',
      '### Escalations',
      '### Totals',
    ]);
    // The outcome is the first thing after the title.
    expect(md.split('\n')[2]).toMatch(
      /^\*\*✅ Passed\*\*: 4 steps \(1 task\), 6 attempts, 2 files changed, \$0\.160\*, /,
    );
    expect(md).not.toContain('gump approve');
    golden('bugfix.pull-request.md', mask(r, md));
  });
});
