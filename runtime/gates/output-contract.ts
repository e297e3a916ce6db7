// Output contracts (language.md §5): reads `.gump/out/{plan.json,validate.json,artifact.txt}` and
// checks them → the typed value or a one-line message (every problem found, joined with "; ").
// Used by the executor's collect/check phase and by the `schema` gates (§8.2).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type OutputType = 'code' | 'split' | 'validate' | 'artifact';

export interface PlanTask {
  name: string;
  description?: string;
  files?: string[];
}

export interface Verdict {
  pass: boolean;
  /** `comments`, or its alias `comment`; empty when absent. */
  comments: string;
}

export type OutputCheck<T> = { ok: true; value: T; text: string } | { ok: false; message: string };

export const OUTPUT_FILES: Readonly<Record<OutputType, string | null>> = {
  code: null,
  split: 'plan.json',
  validate: 'validate.json',
  artifact: 'artifact.txt',
};

const TASK_NAME = /^[A-Za-z0-9._-]+$/;
/** Problems listed in one message at most; the rest are counted. */
const MAX_PROBLEMS = 10;

export function validateOutput(type: 'split', outDir: string): OutputCheck<PlanTask[]>;
export function validateOutput(type: 'validate', outDir: string): OutputCheck<Verdict>;
export function validateOutput(type: 'code' | 'artifact', outDir: string): OutputCheck<string>;
export function validateOutput(type: OutputType, outDir: string): OutputCheck<PlanTask[] | Verdict | string>;
export function validateOutput(type: OutputType, outDir: string): OutputCheck<PlanTask[] | Verdict | string> {
  const file = OUTPUT_FILES[type];
  if (file === null) return { ok: true, value: '', text: '' };
  const read = readOutputFile(join(outDir, file), file);
  if (!read.ok) return read;
  if (type === 'split') return checkPlanText(read.text);
  if (type === 'validate') return checkVerdictText(read.text);
  return { ok: true, value: read.text, text: read.text };
}

function readOutputFile(path: string, file: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `${file} is missing` };
    return { ok: false, message: `${file} cannot be read: ${code ?? String(e)}` };
  }
}

function parseJson(text: string, file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return {
      ok: false,
      message: `${file} is not valid JSON: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
    };
  }
}

/** §5 split contract on the text of plan.json. Unknown task keys are ignored (and dropped). */
export function checkPlanText(text: string): OutputCheck<PlanTask[]> {
  const parsed = parseJson(text, 'plan.json');
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) return { ok: false, message: 'plan.json must be an array of task objects' };
  const problems: string[] = [];
  const tasks: PlanTask[] = [];
  const seen = new Set<string>();
  parsed.value.forEach((entry: unknown, i) => {
    const at = `task ${i + 1}`;
    if (!isObject(entry)) {
      problems.push(`${at}: must be an object, not ${describe(entry)}`);
      return;
    }
    const { name, description, files } = entry;
    const label = typeof name === 'string' ? `${at} (${JSON.stringify(name)})` : at;
    if (typeof name !== 'string')
      problems.push(`${at}: "name" must be a string${name === undefined ? ' (missing)' : `, not ${describe(name)}`}`);
    else if (name === '.' || name === '..') problems.push(`${at}: name "${name}" is not allowed`);
    else if (!TASK_NAME.test(name)) problems.push(`${at}: name ${JSON.stringify(name)} must match [A-Za-z0-9._-]+`);
    else if (seen.has(name)) problems.push(`duplicate task name "${name}"`);
    else seen.add(name);
    if (description !== undefined && typeof description !== 'string')
      problems.push(`${label}: "description" must be a string, not ${describe(description)}`);
    const filesOk =
      files === undefined || (Array.isArray(files) && files.every((f) => typeof f === 'string' && f !== ''));
    if (!filesOk) problems.push(`${label}: "files" must be an array of non-empty strings`);
    const task: PlanTask = { name: typeof name === 'string' ? name : '' };
    if (typeof description === 'string') task.description = description;
    if (filesOk && files !== undefined) task.files = files as string[];
    tasks.push(task);
  });
  if (problems.length > 0) return { ok: false, message: joinProblems(problems) };
  return { ok: true, value: tasks, text };
}

/** `schema: plan` (§8.2): the split contract, plus a non-empty description for every task. */
export function checkPlanSchema(text: string): OutputCheck<PlanTask[]> {
  const base = checkPlanText(text);
  if (!base.ok) return base;
  const problems = base.value
    .map((task, i) =>
      task.description === undefined || task.description.trim() === ''
        ? `task ${i + 1} ("${task.name}"): "description" must be a non-empty string`
        : '',
    )
    .filter((p) => p !== '');
  return problems.length > 0 ? { ok: false, message: joinProblems(problems) } : base;
}

/** §5 validate contract on the text of validate.json. */
export function checkVerdictText(text: string): OutputCheck<Verdict> {
  const parsed = parseJson(text, 'validate.json');
  if (!parsed.ok) return parsed;
  if (!isObject(parsed.value))
    return { ok: false, message: `validate.json must be a JSON object, not ${describe(parsed.value)}` };
  const { pass } = parsed.value;
  const key = 'comments' in parsed.value ? 'comments' : 'comment';
  const comments = parsed.value[key];
  const problems: string[] = [];
  if (typeof pass !== 'boolean')
    problems.push(
      `validate.json: "pass" must be true or false${pass === undefined ? ' (missing)' : `, not ${describe(pass)}`}`,
    );
  if (comments !== undefined && typeof comments !== 'string')
    problems.push(`validate.json: "${key}" must be a string, not ${describe(comments)}`);
  else if (pass === false && (comments === undefined || comments.trim() === ''))
    problems.push('validate.json: "comments" is required when pass is false');
  if (problems.length > 0) return { ok: false, message: joinProblems(problems) };
  return { ok: true, value: { pass: pass as boolean, comments: (comments as string | undefined) ?? '' }, text };
}

function joinProblems(problems: string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS).join('; ');
  return problems.length > MAX_PROBLEMS ? `${shown}; … and ${problems.length - MAX_PROBLEMS} more` : shown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}
