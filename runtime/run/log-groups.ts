// CI log grouping (design.md "the runtime groups its log output per step/attempt"): the trace's
// lines of each step attempt inside a collapsible group — `::group::` on GitHub Actions, section
// markers on GitLab CI — and plain lines anywhere else. A line of another step closes the group.

import type { Trace } from '../exec/services.js';
import { createTrace } from './trace.js';

export type LogPlatform = 'github' | 'gitlab' | 'plain';

export function logPlatform(env: Record<string, string | undefined>): LogPlatform {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI === 'true') return 'gitlab';
  return 'plain';
}

export interface GroupedTrace extends Trace {
  /** Closes the open group (at the end of the job). */
  close(): void;
}

export function createGroupedTrace(
  write: (s: string) => void,
  platform: LogPlatform,
  now: () => number = Date.now,
): GroupedTrace {
  const plain = createTrace(write, { now });
  let open: { step: string; id: string } | undefined;
  let count = 0;
  const close = (): void => {
    if (!open) return;
    write(platform === 'github' ? '::endgroup::\n' : `\x1b[0Ksection_end:${seconds(now)}:${open.id}\r\x1b[0K\n`);
    open = undefined;
  };
  return {
    line(step, what, detail) {
      if (open && open.step !== step) close();
      plain.line(step, what, detail);
    },
    warn: (message) => plain.warn(message),
    agent: (step, p) => plain.agent(step, p),
    gate: (step, name, result) => plain.gate(step, name, result),
    attempt(step, attempt) {
      if (platform === 'plain') return;
      close();
      const title = `${step} attempt ${attempt}`;
      const id = `gump_${++count}_${step.replace(/[^A-Za-z0-9_]/g, '_')}_${attempt}`;
      write(
        platform === 'github'
          ? `::group::${title}\n`
          : `\x1b[0Ksection_start:${seconds(now)}:${id}[collapsed=true]\r\x1b[0K${title}\n`,
      );
      open = { step, id };
    },
    close() {
      plain.close();
      close();
    },
  };
}

function seconds(now: () => number): number {
  return Math.floor(now() / 1000);
}
