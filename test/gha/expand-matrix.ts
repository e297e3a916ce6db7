// strategy.matrix → the job's legs, as GitHub expands it: the cartesian product of the vectors,
// minus `exclude` (partial matches), then each `include` entry extends every leg whose original
// values it matches, or becomes a leg of its own. An empty vector or an empty matrix is an error,
// as is more than 256 legs.

import { asString, type Json } from './expressions.js';

export type Leg = Record<string, Json>;

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function expandMatrix(matrix: Json): Leg[] {
  if (matrix === null || matrix === undefined) return [{}];
  if (typeof matrix !== 'object' || Array.isArray(matrix))
    throw new Error(`Unexpected value '${asString(matrix)}': a matrix must be a mapping`);
  const { include = [], exclude = [], ...vectors } = matrix as Record<string, Json>;
  if (!Array.isArray(include) || !Array.isArray(exclude))
    throw new Error('Matrix include and exclude must be sequences');
  const keys = Object.keys(vectors);
  let legs: Leg[] = [];
  if (keys.length > 0) {
    legs = [{}];
    for (const key of keys) {
      const values = vectors[key];
      if (!Array.isArray(values)) throw new Error(`Matrix vector '${key}' must be a sequence`);
      if (values.length === 0) throw new Error(`Matrix vector '${key}' does not contain any values`);
      legs = legs.flatMap((leg) => values.map((v) => ({ ...leg, [key]: v })));
    }
    legs = legs.filter(
      (leg) => !exclude.some((x) => isObject(x) && Object.entries(x).every(([k, v]) => same(leg[k], v))),
    );
  }
  const original = legs.length;
  for (const entry of include) {
    if (!isObject(entry)) throw new Error('Matrix include entries must be mappings');
    let matched = false;
    for (const leg of legs.slice(0, original)) {
      if (Object.entries(entry).every(([k, v]) => !keys.includes(k) || same(leg[k], v))) {
        for (const [k, v] of Object.entries(entry)) if (!keys.includes(k)) leg[k] = v;
        matched = true;
      }
    }
    if (!matched) legs.push({ ...entry });
  }
  if (legs.length === 0) throw new Error('Matrix must define at least one vector');
  if (legs.length > 256)
    throw new Error(
      `Strategy produced more than 256 jobs (${legs.length}): a matrix can't generate more than 256 jobs`,
    );
  return legs;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `id (v1, v2)`: how GitHub names a matrix leg; the key in jobs.json. */
export function legKey(jobId: string, leg: Leg, matrixJob: boolean): string {
  if (!matrixJob) return jobId;
  const values = Object.values(leg).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : asString(v)));
  return `${jobId} (${values.join(', ')})`;
}
