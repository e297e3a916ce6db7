// End-to-end helpers for the GitLab target on gitlab-ci-local 4.72.0 (shell executor,
// `--shell-isolation`): a scratch repository holding a project compiled with `gump compile
// --target gitlab` and wired with `gump init --target gitlab`, whose `origin` is a bare repository
// standing in for the GitLab project; a fake GitLab REST API on 127.0.0.1 for the merge request;
// one pipeline run; what it left (jobs' artifacts, the newest state, the report, the pushes).
// Harness bridges (platforms.md): `--force-shell-executor` (the pipeline names a Docker image; no
// Docker here); CI_API_V4_URL/CI_PROJECT_ID/CI_DEFAULT_BRANCH set to the fake API; manual jobs run
// only when named (`--manual`), and a blocking manual job left unplayed does not hold later stages
// there (it does on GitLab), so tests name the manual jobs a reviewer would play; a `when: always`
// job after a failed job and a skipped later job never starts there (it waits for the skipped
// job to finish), so the harness runs the report job on its own when the pipeline left it
// unstarted, as GitLab would have run it. A re-run of failed jobs (`jobs`) runs the named jobs
// and the later jobs GitLab would then run, with the artifacts the first pipeline left. Dynamic
// child pipelines: a bridged copy of gitlab-ci-local (BRIDGES: `needs:pipeline` artifacts,
// `trigger:forward:pipeline_variables`, the artifact of a generating job named with a space), and
// a child's failure reported on its trigger job and the pipeline, as GitLab's `strategy: depend`.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { makeRepo, type ScenarioResult } from '../../runtime/scenario/harness.js';
import { byStep, gump, outcomeOf } from '../../runtime/e2e/library-run.js';
import { outcomeLines } from '../github/harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const GCL_BUNDLE = join(ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');
const hasRsync = spawnSync('rsync', ['--version']).status === 0;
/** Why the GitLab end-to-end tests cannot run here, or undefined. */
export const missing = !existsSync(GCL_BUNDLE)
  ? 'gitlab-ci-local is not installed (npm install)'
  : !hasRsync
    ? 'rsync is not installed (gitlab-ci-local --shell-isolation needs it)'
    : undefined;
if (missing) console.warn(`skipping the GitLab end-to-end tests: ${missing}`);

const made: string[] = [];

/**
 * Bridges for what gitlab-ci-local 4.72.0 does not do of GitLab's dynamic child pipelines
 * (platforms.md), each a literal edit of its bundle, applied to a copy the tests run: exactly
 * once each, or the tests stop here. Job isolation is untouched; nothing else changes.
 */
const BRIDGES: ReadonlyArray<{ why: string; from: string; to: string }> = [
  // `needs: [{pipeline: $PARENT_PIPELINE_ID, job}]` is ignored ("pipeline key not supported"): the
  // child's first job would get no state. Parent and child share one state folder there, so the
  // parent job's artifacts are copied in like any producer's.
  {
    why: 'needs:pipeline artifacts (1/3)',
    from: 'static init(D,u,F){let $=new Set;',
    to: 'static init(D,u,F){let $=new Set,gumpParentJobs=[];',
  },
  {
    why: 'needs:pipeline artifacts (2/3)',
    from: 'if(z.pipeline)return;',
    to: 'if(z.pipeline){gumpParentJobs.push(z.job);return}',
  },
  {
    why: 'needs:pipeline artifacts (3/3)',
    from: 'return Z.map((z)=>{return{name:z.name,dotenv:z?.artifacts?.reports?.dotenv??null}})}}',
    to: 'return[...Z.map((z)=>{return{name:z.name,dotenv:z?.artifacts?.reports?.dotenv??null}}),...gumpParentJobs.map((j)=>({name:j,dotenv:null}))]}}',
  },
  // `trigger: forward: pipeline_variables: true` is ignored: the child would see none of the
  // variables the pipeline was started with (GUMP_STUB, …), only the YAML ones.
  {
    why: 'trigger:forward:pipeline_variables',
    from: 'let D=Object.entries({...this.globalVariables,...this.jobData.variables}).map(([F,$])=>`${F}=${$}`)',
    to: 'let D=Object.entries({...this.globalVariables,...this.jobData.variables,...(this.jobData.trigger?.forward?.pipeline_variables?Object.fromEntries(Object.entries(this.argv.variable).filter(([F])=>F!=="GCL_TRIGGERER"&&F!=="CI_PIPELINE_SOURCE")):{})}).map(([F,$])=>`${F}=${$}`)',
  },
  // `trigger: include: artifact` looks for the artifact under the job's raw name, while artifacts
  // are stored under its escaped name: a generating job whose name has a space is never found.
  {
    why: 'trigger:include:artifact of a job named with a space',
    from: 'artifacts/${Z.job}/${Z.artifact}',
    to: 'artifacts/${T.safeDockerString(Z.job)}/${Z.artifact}',
  },
];

/** The bridged copy of gitlab-ci-local, run with this Node. */
const GCL = ((): string => {
  if (missing) return '';
  let text = readFileSync(GCL_BUNDLE, 'utf8');
  for (const b of BRIDGES) {
    const n = text.split(b.from).length - 1;
    if (n !== 1)
      throw new Error(
        `gitlab-ci-local bridge "${b.why}" does not apply (${n} matches): is gitlab-ci-local still 4.72.0?`,
      );
    text = text.replace(b.from, () => b.to);
  }
  const dir = mkdtempSync(join(tmpdir(), 'gump-gcl-'));
  made.push(dir);
  writeFileSync(join(dir, 'gitlab-ci-local.mjs'), text);
  return join(dir, 'gitlab-ci-local.mjs');
})();
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** gitlab-ci-local's state (a copy of the project per job, artifacts, caches) of this test's projects: large, so removed after each test, not in one go at the end. */
const states: string[] = [];
afterEach(() => {
  for (const dir of states.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 120_000);

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

export interface GitlabProject {
  repo: string;
  origin: string;
}

/** A scratch repository with `files`, `workflow` compiled for GitLab and included, pushed to a bare origin. */
export async function gitlabProject(workflow: string, files: Record<string, string>): Promise<GitlabProject> {
  const repo = makeRepo(files);
  states.push(join(repo, '.gitlab-ci-local'));
  const compiled = await gump(repo, 'compile', workflow, '--target', 'gitlab');
  expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
  const init = await gump(repo, 'init', '--target', 'gitlab');
  expect(init.code, init.stdout + init.stderr).toBe(0);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'gump: compile');
  const origin = mkdtempSync(join(tmpdir(), 'gump-gl-origin-'));
  made.push(origin);
  git(origin, 'init', '-q', '--bare');
  git(repo, 'remote', 'add', 'origin', origin);
  git(repo, 'push', '-q', 'origin', 'HEAD:main');
  return { repo, origin };
}

interface ApiRequest {
  method: string;
  path: string;
  token: string | undefined;
  body: Record<string, unknown>;
}

/** `POST /api/v4/projects/:id/merge_requests` → 201 with iid 1; anything else 404. */
async function fakeGitlab(): Promise<{ url: string; requests: ApiRequest[]; close(): Promise<void> }> {
  const requests: ApiRequest[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        token: req.headers['private-token'] as string | undefined,
        body,
      });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && /^\/api\/v4\/projects\/[^/]+\/merge_requests$/.test(req.url ?? '')) {
        res.statusCode = 201;
        res.end(JSON.stringify({ iid: 1, web_url: 'http://127.0.0.1/stand-in/-/merge_requests/1' }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ message: '404 Not Found' }));
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/api/v4`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export interface GitlabRun {
  status: number | null;
  log: string;
  /** Every job that started, by name, with the status gitlab-ci-local reported (`PASS`, `FAIL`, `WARN`). */
  jobs: Record<string, string>;
  /** The jobs of each child pipeline, by the trigger job that started it. */
  children: Record<string, string[]>;
  /** The log lines of one job, job-name prefix removed. */
  jobLog(name: string): string;
  /** `report.json` of the `gump-report` artifact. */
  report?: { status: string };
  /** The run state and ledger of the newest state artifact. */
  state?: { status: string; branch: string; steps: Record<string, { status: string }> };
  ledger: Array<Record<string, unknown>>;
  /** Merge requests opened through the fake API. */
  mergeRequests: ApiRequest[];
  /** Branches of the stand-in origin. */
  branches: string[];
}

export interface PipelineOptions {
  /** Manual jobs a reviewer plays. */
  manual?: string[];
  /** Run only these jobs (a re-run of failed jobs and what follows them), with the artifacts left by earlier pipelines. */
  jobs?: string[];
  /** Pipeline variables replacing the defaults (GUMP_SPEC=spec.md, GUMP_STUB=true, …); undefined leaves one out. */
  variables?: Record<string, string | undefined>;
}

/** One pipeline of `workflow` in stub mode with spec.md, playing the manual jobs named. */
export async function runPipeline(
  p: GitlabProject,
  workflow: string,
  o: PipelineOptions | string[] = {},
): Promise<GitlabRun> {
  const opts: PipelineOptions = Array.isArray(o) ? { manual: o } : o;
  const api = await fakeGitlab();
  try {
    const chosen: Record<string, string | undefined> = {
      GUMP_WORKFLOW: workflow,
      GUMP_SPEC: 'spec.md',
      GUMP_STUB: 'true',
      GUMP_PUSH_TOKEN: 'test-token',
      CI_API_V4_URL: api.url,
      CI_PROJECT_ID: '1',
      CI_DEFAULT_BRANCH: 'main',
      ...opts.variables,
    };
    const variables = Object.entries(chosen).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
    const args = [
      '--force-shell-executor',
      '--shell-isolation',
      '--no-artifacts-to-source',
      '--ignore-predefined-vars',
      'CI_API_V4_URL,CI_PROJECT_ID,CI_DEFAULT_BRANCH',
      ...variables.flatMap((v) => ['--variable', v]),
      ...(opts.manual ?? []).flatMap((m) => ['--manual', m]),
    ];
    // `--cwd` takes relative paths only: run from the repository root; asynchronously, since the
    // fake API answers from this process.
    const first = await run(GCL, [...args, ...(opts.jobs ?? [])], p.repo);
    let log = `${first.stdout}${first.stderr}`;
    const ran = summary(first.stdout);
    let jobs = ran.jobs;
    const children = ran.children;
    let status = first.status;
    // Bridge: GitLab runs a `when: always` report job in every outcome; gitlab-ci-local does not
    // start it after a failure (it waits for the skipped jobs before it). Run it alone — in this
    // pipeline and in each child pipeline that ran (from the configuration gitlab-ci-local kept).
    for (const { file, report } of reportJobs(p.repo, workflow, jobs)) {
      const alone = await run(GCL, [...args, ...(file ? ['--file', file] : []), report], p.repo);
      log += `${alone.stdout}${alone.stderr}`;
      jobs = { ...jobs, ...summary(alone.stdout).jobs };
      if (alone.status !== 0) status = alone.status;
    }
    // Bridge: GitLab fails a `strategy: depend` trigger job whose child pipeline failed, and with it
    // the pipeline; gitlab-ci-local passes both. The child's own job statuses say what GitLab would.
    for (const [trigger, names] of Object.entries(children)) {
      if (names.some((n) => jobs[n] === 'FAIL')) {
        jobs[trigger] = 'FAIL';
        if (status === 0) status = 1;
      }
    }
    const artifacts = join(p.repo, '.gitlab-ci-local', 'artifacts');
    const reportFile = newestReport(artifacts);
    const newest = newestBoundary(artifacts);
    const names = Object.keys(jobs).sort((a, b) => b.length - a.length);
    return {
      status,
      log,
      jobs,
      children,
      jobLog: (name) => jobLines(log, name, names),
      ...(reportFile ? { report: JSON.parse(readFileSync(reportFile, 'utf8')) } : {}),
      ...(newest ? { state: JSON.parse(readFileSync(join(newest, 'run', 'state.json'), 'utf8')) } : {}),
      ledger: newest
        ? readFileSync(join(newest, 'run', 'ledger.ndjson'), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Record<string, unknown>)
        : [],
      mergeRequests: api.requests.filter((q) => q.method === 'POST'),
      branches: git(p.origin, 'for-each-ref', '--format=%(refname:short)').split('\n').filter(Boolean).sort(),
    };
  } finally {
    await api.close();
  }
}

/** The report jobs (`gump-report…`) of the pipelines that ran and that gitlab-ci-local left unstarted; `file`: a child's configuration. */
function reportJobs(
  repo: string,
  workflow: string,
  started: Record<string, string>,
): { file?: string; report: string }[] {
  // The pipeline file's last YAML document (the first is its `spec:` header).
  const reportsOf = (text: string): string[] =>
    Object.keys(parseAllDocuments(text).pop()!.toJS() as Record<string, unknown>).filter((k) =>
      k.startsWith('gump-report'),
    );
  const out: { file?: string; report: string }[] = reportsOf(
    readFileSync(join(repo, '.gitlab', 'gump', `${workflow}.yml`), 'utf8'),
  ).map((report) => ({ report }));
  const triggers = join('.gitlab-ci-local', 'includes', 'triggers');
  for (const name of existsSync(join(repo, triggers)) ? readdirSync(join(repo, triggers)).sort() : []) {
    // A child that ran in this invocation: its trigger job (the file's name) started.
    if (!(name.replace(/\.yml$/, '') in started)) continue;
    out.push(
      ...reportsOf(readFileSync(join(repo, triggers, name), 'utf8')).map((report) => ({
        file: join(triggers, name),
        report,
      })),
    );
  }
  return out.filter((r) => !(r.report in started));
}

/** The newest `report.json` of any `gump-report` folder among the jobs' artifacts. */
function newestReport(artifacts: string): string | undefined {
  const found = (existsSync(artifacts) ? readdirSync(artifacts) : [])
    .map((job) => join(artifacts, job, 'gump-report', 'report.json'))
    .filter((f) => existsSync(f));
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * gitlab-ci-local's closing summary of each pipeline, a block of ` PASS  <job>`, ` FAIL  <job>`,
 * ` WARN  <job>  pre_script` lines (the name padded with two spaces or more); a child pipeline's
 * block comes first and names its passed jobs `[<trigger>] -> <job>` (its failed ones plainly).
 * Jobs by name, and child jobs by trigger job.
 */
function summary(stdout: string): { jobs: Record<string, string>; children: Record<string, string[]> } {
  const jobs: Record<string, string> = {};
  const children: Record<string, string[]> = {};
  let block: { name: string; trigger?: string }[] = [];
  const close = (): void => {
    const trigger = block.find((j) => j.trigger)?.trigger;
    if (trigger) children[trigger] = [...(children[trigger] ?? []), ...block.map((j) => j.name)];
    block = [];
  };
  for (const line of stdout.split('\n')) {
    const m = /^ (PASS|FAIL|WARN) +(?:\[([^\]]+)\] -> )?(.+?)( {2,}pre_script)?\s*$/.exec(line);
    if (!m || (m[1] === 'WARN' && !m[4])) {
      if (line.trim() !== '') close();
      continue;
    }
    jobs[m[3]!] = m[1]!;
    block.push({ name: m[3]!, ...(m[2] ? { trigger: m[2].split(' -> ').pop()! } : {}) });
  }
  close();
  return { jobs, children };
}

/** The lines a job wrote (its name, padded, starts them; a child job's after `[<trigger>] -> `), the longest matching name winning. */
function jobLines(log: string, name: string, names: string[]): string {
  const out: string[] = [];
  for (const raw of log.split('\n')) {
    const line = raw.replace(/^\t*(?:\[[^\]]+\] -> )?/, '');
    const owner = names.find((n) => line.startsWith(`${n} `));
    if (owner === name) out.push(line.slice(name.length).trim());
  }
  return out.join('\n');
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [cmd, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 280_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => ok({ status, stdout, stderr }));
  });
}

/** The state folder (holding boundary.json) with the highest `seq` among the jobs' artifacts. */
function newestBoundary(dir: string): string | undefined {
  let best: { dir: string; seq: number } | undefined;
  const walk = (d: string): void => {
    if (existsSync(join(d, 'boundary.json'))) {
      const seq = Number((JSON.parse(readFileSync(join(d, 'boundary.json'), 'utf8')) as { seq?: number }).seq ?? 0);
      if (!best || seq > best.seq) best = { dir: d, seq };
      return;
    }
    for (const n of readdirSync(d)) if (statSync(join(d, n)).isDirectory()) walk(join(d, n));
  };
  if (existsSync(dir)) walk(dir);
  return best?.dir;
}

/** The pipeline ended exactly as the local run: status, step statuses, ledger outcome, report, and the pushed run branch's tree. */
export function expectSameAsLocal(
  p: GitlabProject,
  run: GitlabRun,
  local: ScenarioResult,
  o: { parallel?: boolean } = {},
): void {
  const want = outcomeOf(local);
  expect(run.state?.status, run.log).toBe(want.status);
  expect(run.report?.status).toBe(want.status);
  const steps = Object.fromEntries(
    Object.entries(run.state?.steps ?? {})
      .map(([k, v]) => [k, v.status])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
  expect(steps).toEqual(want.steps);
  const lines = outcomeLines(run.ledger);
  if (o.parallel) expect(byStep(lines)).toEqual(byStep(want.ledger));
  else expect(lines).toEqual(want.ledger);
  if (want.status === 'pass') expect(git(p.origin, 'ls-tree', '-r', run.state!.branch)).toBe(want.tree);
  else expect(run.branches).toEqual(['main']);
}
