// CI-chain helpers: a pipeline is an origin repository holding the workflow, its compiled plan and
// stub script; each `ci` job runs the runtime bundle in its OWN fresh clone, "downloads" every
// boundary saved so far (an artifact store folder) and "uploads" the one it saves. Boundaries are
// the only thing jobs share, as on GitHub Actions or GitLab CI.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowerPlan, serialisePlan } from '../../../src/3-lower/lower.js';
import { checkFiles } from '../../../src/compile.js';
import { NodeHost } from '../../../src/project/node-host.js';
import { inspect, makeRepo, type ScenarioResult } from '../scenario/harness.js';
import { node, RUNTIME_BUNDLE } from '../e2e/library-run.js';

export interface Pipeline {
  origin: string;
  planPath: string;
  /** Every file of the origin's pipeline commit (for an in-process run of the same project). */
  files: Record<string, string>;
  /** The artifact store: one folder per uploaded boundary. */
  artifacts: string;
}

export interface Job {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** outputs.json of the saved boundary, when one was saved. */
  outputsJson?: Record<string, string>;
  clone: string;
}

/** An origin repository with `files`, the workflow `name` compiled to `.gump/compiled/<name>.plan.json`. */
export function pipeline(name: string, files: Record<string, string>): Pipeline {
  const scratch = makeRepo(files);
  const host = new NodeHost(scratch, scratch);
  const source = host.resolve(name, 'workflow');
  if (!source) throw new Error(`no workflow ${name}`);
  const { results } = checkFiles(host, [source]);
  if (!results[0]!.workflow) throw new Error(`workflow ${name} does not check`);
  const planPath = `.gump/compiled/${name}.plan.json`;
  const all = { ...files, [planPath]: serialisePlan(lowerPlan(results[0]!.workflow, source.file)) };
  const origin = makeRepo(all);
  return { origin, planPath, files: all, artifacts: mkdtempSync(join(tmpdir(), 'gump-artifacts-')) };
}

/** One `ci` job: fresh clone, every boundary so far, the runtime; its boundary is uploaded as `name`. */
export async function ciJob(
  p: Pipeline,
  unit: string | undefined,
  o: { name?: string; env?: Record<string, string>; only?: string[] } = {},
): Promise<Job> {
  const top = mkdtempSync(join(tmpdir(), 'gump-ci-job-'));
  const clone = join(top, 'checkout');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${p.origin}`, clone]);
  const download = join(top, 'download');
  mkdirSync(download);
  for (const entry of o.only ?? listDirs(p.artifacts))
    cpSync(join(p.artifacts, entry), join(download, 'artifact', entry), { recursive: true });
  const name = o.name ?? unit;
  const out = join(top, 'out');
  const githubOutput = join(top, 'github-output');
  writeFileSync(githubOutput, '');
  const args = [
    'ci',
    '--plan',
    p.planPath,
    '--boundaries',
    download,
    '--worktree',
    clone,
    ...(unit ? ['--unit', unit, '--out', out] : []),
    ...(name ? ['--name', name] : []),
  ];
  const env = {
    GUMP_STUB: '1',
    GUMP_SPEC: 'spec.md',
    GITHUB_OUTPUT: githubOutput,
    GUMP_DECISION: '',
    GITHUB_ACTIONS: '',
    GITLAB_CI: '',
    ...(o.env ?? {}),
  };
  const r = await node(clone, RUNTIME_BUNDLE, args, env);
  const outputs = Object.fromEntries(
    readFileSync(githubOutput, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  let outputsJson: Record<string, string> | undefined;
  if (unit && existsSync(join(out, 'boundary.json'))) {
    outputsJson = JSON.parse(readFileSync(join(out, 'outputs.json'), 'utf8')) as Record<string, string>;
    rmSync(join(p.artifacts, name!), { recursive: true, force: true });
    cpSync(out, join(p.artifacts, name!), { recursive: true });
  }
  return { ...r, outputs, ...(outputsJson ? { outputsJson } : {}), clone };
}

/** Units in order; stops at the first job whose state is not `pass`. */
export async function chain(p: Pipeline, units: string[], env: Record<string, string> = {}): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const u of units) {
    const j = await ciJob(p, u, { env });
    jobs.push(j);
    if (j.outputs.state !== 'pass') break;
  }
  return jobs;
}

/** A report job (restore only) in a fresh clone, read as a scenario result. */
export async function finalState(p: Pipeline): Promise<ScenarioResult> {
  const j = await ciJob(p, undefined);
  if (j.code === 2) throw new Error(`restore failed: ${j.stderr}`);
  return inspect(p.origin, j.clone, j.outputs.run_id ?? '', j.code, j.stdout);
}

function listDirs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
