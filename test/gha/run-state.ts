// The executor's state between invocations (`--state <dir>`): run records per attempt (so
// `--rerun-failed` can resume), artifacts per run attempt, and caches. Plain files, JSON records.
//   runs/<runId>/run.json                         RunRecord
//   runs/<runId>/attempt-<n>/artifacts/<name>/    the uploaded files; <name>.json its metadata
//   caches/<hash of key>/                         key.txt and one folder per cached path

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from './expressions.js';

export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped' | 'waiting';

/** What a later attempt needs to know about a job of an earlier one. */
export interface JobOutcome {
  result: JobResult;
  outputs: Record<string, string>;
  /** Job id or leg key → conclusion, as jobs.json shows them. */
  conclusions: Record<string, string>;
  /** Leg key → its conclusion and outputs, so a re-run of failed jobs can keep the legs that succeeded. */
  legs: Record<string, { conclusion: JobResult; outputs: Record<string, string> }>;
}

export interface AttemptRecord {
  attempt: number;
  conclusion: 'success' | 'failure' | 'waiting';
  jobs: Record<string, JobOutcome>;
}

export interface RunRecord {
  runId: number;
  workflow: string;
  inputs: Record<string, Json>;
  sha: string;
  ref: string;
  attempts: AttemptRecord[];
}

export interface ArtifactMeta {
  id: number;
  name: string;
  runId: number;
  attempt: number;
  retentionDays: number;
  files: string[];
}

export class RunState {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'runs'), { recursive: true });
    mkdirSync(join(dir, 'caches'), { recursive: true });
  }

  newRunId(): number {
    const ids = readdirSync(join(this.dir, 'runs')).map(Number).filter(Number.isInteger);
    return Math.max(1000, ...ids) + 1;
  }

  private runFile(runId: number): string {
    return join(this.dir, 'runs', String(runId), 'run.json');
  }

  readRun(runId: number): RunRecord {
    const file = this.runFile(runId);
    if (!existsSync(file)) throw new Error(`run ${runId} not found in state ${this.dir}`);
    return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
  }

  writeRun(record: RunRecord): void {
    mkdirSync(join(this.dir, 'runs', String(record.runId)), { recursive: true });
    writeFileSync(this.runFile(record.runId), `${JSON.stringify(record, null, 2)}\n`);
  }

  private artifactsDir(runId: number, attempt: number): string {
    return join(this.dir, 'runs', String(runId), `attempt-${attempt}`, 'artifacts');
  }

  private nextArtifactId(): number {
    const file = join(this.dir, 'artifact-seq');
    const next = (existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0) + 1;
    writeFileSync(file, String(next));
    return next;
  }

  /** Artifacts of one attempt, or of every attempt of the run when attempt is undefined. */
  listArtifacts(runId: number, attempt?: number): ArtifactMeta[] {
    const runDir = join(this.dir, 'runs', String(runId));
    if (!existsSync(runDir)) return [];
    const attempts = readdirSync(runDir)
      .filter((d) => d.startsWith('attempt-'))
      .map((d) => Number(d.slice('attempt-'.length)))
      .filter((n) => attempt === undefined || n === attempt);
    return attempts.flatMap((n) => {
      const dir = this.artifactsDir(runId, n);
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ArtifactMeta);
    });
  }

  artifactFiles(meta: ArtifactMeta): string {
    return join(this.artifactsDir(meta.runId, meta.attempt), meta.name);
  }

  /** Stores files (absolute paths) under their path relative to root. Replaces a same-named one. */
  saveArtifact(meta: Omit<ArtifactMeta, 'id' | 'files'>, root: string, files: string[]): ArtifactMeta {
    const full: ArtifactMeta = {
      ...meta,
      id: this.nextArtifactId(),
      files: files.map((f) => relativeTo(root, f)).sort(),
    };
    const target = this.artifactFiles(full);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const f of files) cpSync(f, join(target, relativeTo(root, f)), { dereference: true });
    writeFileSync(`${target}.json`, `${JSON.stringify(full, null, 2)}\n`);
    return full;
  }

  cacheDir(key: string): string {
    return join(this.dir, 'caches', Buffer.from(key).toString('base64url'));
  }

  cacheKeys(): string[] {
    return readdirSync(join(this.dir, 'caches')).map((d) => Buffer.from(d, 'base64url').toString());
  }
}

function relativeTo(root: string, file: string): string {
  const r = file.slice(root.length).replace(/^\/+/, '');
  return r === '' ? file.split('/').pop()! : r;
}
