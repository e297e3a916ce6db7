// Executor: the `context:` entries of a step (language.md §16): files (template paths, relative to
// the run worktree root, inlined; missing → warning) and bash commands (sh -c, 30 s, stdout
// inlined; failure or timeout → the entry is dropped with a warning).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentStep } from '../../protocol/plan.js';
import { childEnv } from '../agents/auth-env.js';
import { runShell } from '../gates/shell.js';
import { render } from '../render.js';
import { renderScope, type Frame } from './frame.js';
import type { Services } from './services.js';

const BASH_TIMEOUT_MS = 30_000;
const LARGE_FILE_CHARS = 400_000;

export async function buildContext(
  svc: Services,
  frame: Frame,
  step: AgentStep,
  path: string,
  k: number,
): Promise<{ title: string; text: string }[]> {
  const out: { title: string; text: string }[] = [];
  const scope = renderScope(svc.state, frame, { path, attempt: k, error: '', diff: '' });
  for (const entry of step.context) {
    if (entry.kind === 'file') {
      const rel = render(entry.path, scope).trim();
      let text: string;
      try {
        text = readFileSync(join(frame.cwd, rel), 'utf8');
      } catch {
        warn(svc, path, `context file ${rel} not found; entry skipped`);
        continue;
      }
      if (text.length > LARGE_FILE_CHARS) warn(svc, path, `context file ${rel} is ${text.length} characters long`);
      out.push({ title: rel, text });
    } else {
      const r = await runShell(entry.command, {
        cwd: frame.cwd,
        env: childEnv(svc.env, {}),
        timeoutMs: BASH_TIMEOUT_MS,
      });
      if (r.timedOut || r.code !== 0) {
        warn(
          svc,
          path,
          `context command "${entry.command}" ${r.timedOut ? 'timed out' : `failed (exit ${r.code})`}; entry dropped`,
        );
        continue;
      }
      out.push({ title: `$ ${entry.command}`, text: r.stdout });
    }
  }
  return out;
}

function warn(svc: Services, path: string, message: string): void {
  svc.trace.warn(`${path}: ${message}`);
  svc.ledger.emit('warning', { step: path, message });
}

export function stringEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
