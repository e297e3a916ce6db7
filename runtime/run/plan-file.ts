// Reads and validates a plan file: a clear one-line error for a missing, unreadable, non-JSON or
// wrong-version plan (the runtime never starts on an invalid plan).

import { readFileSync } from 'node:fs';
import { PLAN_VERSION, type Plan } from '../../protocol/plan.js';

export class PlanError extends Error {}

export function loadPlan(file: string): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PlanError(
      `cannot read plan ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PlanError(`plan ${file} is not valid JSON (${(e as Error).message}); run gump compile again`);
  }
  const p = data as Partial<Plan>;
  if (!p || typeof p !== 'object' || p.version !== PLAN_VERSION) {
    throw new PlanError(
      `plan ${file} has version ${JSON.stringify(p?.version)}, this runtime reads version ${PLAN_VERSION}; run gump compile again`,
    );
  }
  if (
    typeof p.root !== 'string' ||
    !p.workflows ||
    typeof p.workflows !== 'object' ||
    !p.workflows[p.root] ||
    !Array.isArray(p.workflows[p.root]!.steps)
  ) {
    throw new PlanError(`plan ${file} is malformed (no root workflow); run gump compile again`);
  }
  return p as Plan;
}
