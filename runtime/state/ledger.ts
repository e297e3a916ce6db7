// The run ledger (design.md): NDJSON, one event per lifecycle transition, appended as it happens
// so a crashed run keeps its history. Event names are a contract with users' tooling (README).

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LedgerEventName =
  | 'run.started'
  | 'run.resumed'
  | 'run.finished'
  | 'run.published'
  | 'run.pull_request'
  | 'step.started'
  | 'step.skipped'
  | 'step.finished'
  | 'attempt.started'
  | 'agent.finished'
  | 'guard.tripped'
  | 'check.failed'
  | 'gate.finished'
  | 'attempt.finished'
  | 'retry.decided'
  | 'approval.waiting'
  | 'approval.decided'
  | 'approval.commits'
  | 'split.planned'
  | 'task.started'
  | 'task.finished'
  | 'merge.finished'
  | 'warning';

export interface LedgerEvent {
  event: LedgerEventName;
  at: string;
  step?: string;
  attempt?: number;
  [field: string]: unknown;
}

export class Ledger {
  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  emit(event: LedgerEventName, fields: Record<string, unknown> = {}): LedgerEvent {
    const e: LedgerEvent = { event, at: this.now().toISOString(), ...fields };
    appendFileSync(this.file, `${JSON.stringify(e)}\n`);
    return e;
  }

  read(): LedgerEvent[] {
    return readLedger(this.file);
  }
}

/** Every complete event of a ledger file; a torn last line (crash mid-write) is skipped. */
export function readLedger(file: string): LedgerEvent[] {
  if (!existsSync(file)) return [];
  const out: LedgerEvent[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as LedgerEvent);
    } catch {
      // a partial line from a killed process
    }
  }
  return out;
}
