// The command line (`npm run gha`, i.e. scripts/gha.mjs bundling test/gha/cli.ts): flags, the exit
// code 3 when stopped waiting for a decision, the output folder; parser errors as file:line:col;
// GitHub size limits reported like parser errors.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './cli-args.js';
import { WorkflowParseError } from './parse-workflow.js';
import { FIXTURES, fixture, makeStandInRepo } from './stand-in.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run gha', () => {
  it('runs a workflow and exits 3 when stopped waiting for a decision', () => {
    const repo = makeStandInRepo();
    const out = mkdtempSync(join(tmpdir(), 'gha-cli-'));
    const args = [
      '--repo',
      repo,
      '--workflow',
      join(FIXTURES, 'workflows', 'environments.yml'),
      '--decision',
      'approve',
      '--out',
      out,
    ];
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gha.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('waiting   production');
    expect(JSON.parse(readFileSync(join(out, 'jobs.json'), 'utf8'))).toEqual({
      build: 'success',
      staging: 'success',
      production: 'waiting',
    });
  });

  it('parses repeatable flags in order and refuses bad ones', () => {
    const options = parseArgs([
      '--repo',
      'r',
      '--workflow',
      'w.yml',
      '--out',
      'o',
      '--input',
      'a=1=2',
      '--decision',
      'approve',
      '--decision',
      'reject',
      '--secret',
      'K=v',
      '--var',
      'C=x',
      '--rerun-failed',
      '1001',
    ]);
    expect(options).toEqual({
      repo: 'r',
      workflow: 'w.yml',
      out: 'o',
      inputs: { a: '1=2' },
      decisions: ['approve', 'reject'],
      secrets: { K: 'v' },
      vars: { C: 'x' },
      rerunFailed: 1001,
    });
    expect(() => parseArgs(['--repo', 'r', '--decision', 'maybe'])).toThrow(
      "--decision expects approve or reject, got 'maybe'",
    );
    expect(() => parseArgs(['--repo', 'r', '--workflow', 'w'])).toThrow('--out is required');
  });

  it('rejects an invalid workflow with the parser errors, line and column', async () => {
    const f = fixture();
    const error = await f.run('invalid.yml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowParseError);
    expect((error as WorkflowParseError).diagnostics).toEqual([
      "invalid.yml:6:5: Unexpected value 'stepz'",
      "invalid.yml:11:19: Unexpected end of expression: '=='",
    ]);
  });
});

describe('GitHub size limits', () => {
  it('refuses a run: script whose format() expression exceeds 21,000 characters', async () => {
    const f = fixture();
    const error = await f.run('oversized-script.yml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowParseError);
    expect((error as WorkflowParseError).diagnostics).toHaveLength(1);
    expect((error as WorkflowParseError).diagnostics[0]).toMatch(
      /^oversized-script\.yml:8:14: Exceeded max expression length 21000 \(\d+\)$/,
    );
  });
});
