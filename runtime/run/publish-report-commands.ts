// The runtime commands of the publish and report jobs (docs/runtime.md), parsed here so
// commands.ts only dispatches: `publish` and `report`. Exit codes: 0 done, 1 refused or failed,
// 2 usage or missing configuration.

import { resolve } from 'node:path';
import type { Services } from '../exec/services.js';
import { PLATFORMS, type PlatformName } from '../platform/pull-request.js';
import { ciReport } from './ci-report.js';
import { publish } from './publish.js';
import { renderPullRequest } from './render-summary.js';
import { renderReport } from './report.js';
import { viewOfRun } from './summary-view.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function usage(message: string): number {
  process.stderr.write(`gump-runtime: ${message}\n`);
  return 2;
}

export async function publishCommand(open: () => Services, argv: string[]): Promise<number> {
  const openPr = flag(argv, 'open-pr');
  if (argv.includes('--open-pr') && !PLATFORMS.includes(openPr as PlatformName))
    return usage(`--open-pr takes ${PLATFORMS.join(' or ')}, not ${JSON.stringify(openPr ?? '')}`);
  const body = flag(argv, 'body');
  const base = flag(argv, 'base');
  const result = await publish(open(), {
    remote: flag(argv, 'remote') ?? 'origin',
    ...(body ? { bodyFile: resolve(body) } : {}),
    ...(openPr ? { openPr: openPr as PlatformName } : {}),
    ...(base ? { base } : {}),
    waiting: argv.includes('--waiting'),
    dryRun: argv.includes('--dry-run'),
  });
  (result.ok ? process.stdout : process.stderr).write(`${result.ok ? '' : 'gump-runtime: '}${result.message}\n`);
  return result.code;
}

export function reportCommand(open: () => Services, argv: string[]): number {
  const format = flag(argv, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    return usage(`--format takes ${FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  const out = flag(argv, 'out');
  const svc = open();
  const { report, problem } = ciReport(svc, {
    ...(out ? { outDir: resolve(out) } : {}),
    summary: argv.includes('--summary'),
  });
  if (problem) return usage(problem);
  // Markdown is the pull/merge request body: the report for people (render-summary.ts).
  process.stdout.write(
    format === 'markdown' ? renderPullRequest(viewOfRun(svc)) : renderReport(report, format as 'json' | 'text'),
  );
  return 0;
}
