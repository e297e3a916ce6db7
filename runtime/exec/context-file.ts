// The provider context file (language.md §16) and the prompt markers (§5): what the agent is told
// about its task, output, git rules, conventions, context entries and the previous failure (§9.3).
// The user's own file at that path is set aside while the agent runs and restored afterwards.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RetrySection {
  attempt: number;
  of: number;
  diff: string;
  error: string;
  comments: string;
  /** Set when the attempt's agent is not the one the step declares. */
  escalatedTo?: string;
}

export interface ContextInput {
  type: 'code' | 'split' | 'validate' | 'artifact';
  stepName: string;
  prompt: string;
  taskFiles?: string[];
  conventions?: string;
  spec?: string;
  entries: { title: string; text: string }[];
  retry?: RetrySection;
  resumed: boolean;
}

const SYSTEM: Record<ContextInput['type'], string> = {
  code: 'You are a coding agent working in a git worktree. Make the changes the task asks for, directly in the files.',
  split: 'You are a planner. Do not change any file of the project: only write the plan file described below.',
  validate: 'You are a reviewer. Do not change any file of the project: only write the verdict file described below.',
  artifact:
    'You produce a text artifact. Do not change any file of the project: only write the artifact file described below.',
};

const OUTPUT: Record<ContextInput['type'], string> = {
  code: 'No output file is needed: your changes to the worktree are the result.',
  split:
    'Write `.gump/out/plan.json`: a JSON array of task objects, each with `name` (unique; letters, digits, `.`, `_`, `-`), `description` (what to do), and `files` (an array of repository-relative paths or globs the task may change).',
  validate:
    'Write `.gump/out/validate.json`: a JSON object `{"pass": true}` or `{"pass": false, "comments": "what must change"}`; `comments` is required when `pass` is false.',
  artifact: 'Write the artifact as plain text to `.gump/out/artifact.txt`.',
};

export function renderContextFile(c: ContextInput): string {
  const out: string[] = [];
  if (c.resumed)
    out.push(
      'You are continuing an earlier session. The instructions below replace any earlier task; earlier context is background only.',
      '',
    );
  out.push(
    `# gump step: ${c.stepName}`,
    '',
    SYSTEM[c.type],
    '',
    '## Your task',
    '',
    c.prompt.trim() === '' && c.type === 'split'
      ? 'Decompose the specification below into independent tasks.'
      : c.prompt.trim(),
    '',
  );
  if (c.type === 'code' && c.taskFiles && c.taskFiles.length > 0) {
    out.push(
      '## Files you may change',
      '',
      'Change only files matching these globs; changes elsewhere fail the attempt:',
      '',
      ...c.taskFiles.map((f) => `- \`${f}\``),
      '',
    );
  }
  out.push('## Output', '', OUTPUT[c.type], '');
  out.push(
    '## Git',
    '',
    'Do not run git commit, git branch, git checkout, git reset or git push: gump records your changes itself.',
    '',
  );
  if (c.type === 'code' && c.conventions) out.push('## Project conventions', '', c.conventions.trim(), '');
  if (c.type === 'split' && c.spec !== undefined) out.push('## Specification', '', c.spec.trim(), '');
  for (const e of c.entries) out.push(`## Context: ${e.title}`, '', e.text.trimEnd(), '');
  if (c.retry) out.push(...retrySection(c.retry));
  return `${out.join('\n').trimEnd()}\n`;
}

function retrySection(r: RetrySection): string[] {
  const out = [`## Previous attempt failed (attempt ${r.attempt} of ${r.of})`, ''];
  if (r.error.trim() !== '') out.push('### What failed', '', '```', r.error.trim(), '```', '');
  if (r.comments.trim() !== '') out.push('### Reviewer comments', '', r.comments.trim(), '');
  if (r.diff.trim() !== '') out.push("### The previous attempt's changes", '', '```diff', r.diff.trimEnd(), '```', '');
  const left = r.of - r.attempt + 1;
  out.push(`Attempts left, this one included: ${left}.`);
  if (r.escalatedTo)
    out.push(
      `This attempt runs on ${r.escalatedTo}, a different agent than the step's own, because earlier attempts failed.`,
    );
  out.push('Do not repeat the approach that failed: find the cause and take a different path.', '');
  return out;
}

/** Marker lines appended to the prompt passed to the agent (§5, compat). */
export function promptMarkers(type: ContextInput['type'], stepName: string, hasTimeout: boolean): string {
  const marks: string[] = [];
  if (type === 'split') marks.push('[GUMP:plan]');
  if (type === 'validate') marks.push('[GUMP:validate]');
  if (type === 'artifact') marks.push('[GUMP:artifact]');
  marks.push(`[GUMP:step:${stepName}]`);
  if (hasTimeout) marks.push('[GUMP:timeout]');
  return marks.join('\n');
}

/** Write the context file, moving a pre-existing one aside; returns the restore function. */
export function placeContextFile(cwd: string, relPath: string, text: string): () => void {
  const path = join(cwd, relPath);
  const aside = `${path}.gump-aside`;
  const had = existsSync(path);
  if (had) renameSync(path, aside);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return () => {
    rmSync(path, { force: true });
    if (had) renameSync(aside, path);
  };
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
