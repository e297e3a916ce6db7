// CI targets, shared: the options a project sets for its generated pipelines (gump.toml `[ci]`),
// with their defaults. The compile pipeline reads gump.toml and hands these to the emitters.

import type { CliProvider } from '../../protocol/models.js';

export interface CiOptions {
  /** Compile-time task slots of a sequential split; the last slot runs any surplus tasks in order. */
  taskSlots: number;
  /** Concurrent legs of a parallel split's matrix; undefined: the platform's default. */
  maxParallel?: number;
  /** How an approval point is decided: a job bound to a protected environment, or a new dispatch. */
  approval: 'environment' | 'dispatch';
  /** The environment with required reviewers (approval = environment). */
  environment: string;
  nodeVersion: string;
  runsOn: string;
  /** Days the state artifacts are kept (GitHub 1–90). */
  retentionDays: number;
  /** Agent CLI versions overriding the pins of protocol/agent-packages.ts. */
  pins: Partial<Record<CliProvider, string>>;
  /** Minutes for a step whose guards give no wall-clock limit, per attempt. */
  attemptMinutes: number;
  /** Minutes a shell gate may take ([validation] timeout). */
  gateMinutes: number;
}

export const DEFAULT_CI_OPTIONS: CiOptions = {
  taskSlots: 16,
  approval: 'environment',
  environment: 'gump-approval',
  // Claude Code needs Node ≥ 22 (agents.md §1).
  nodeVersion: '22',
  runsOn: 'ubuntu-latest',
  retentionDays: 7,
  pins: {},
  attemptMinutes: 30,
  gateMinutes: 10,
};
