// Parse phase: the language's shapes as zod schemas (language.md §2, §4, §8, §9, §11). The
// shape builder validates every value with these; `gump schema` derives the JSON Schema from them.

import * as z from 'zod';
import { DURATION_PATTERN, durationMs } from '../../protocol/duration.js';

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A number, or a quoted numeric string (compat, §2.1). */
const numberLike = z
  .union([z.number(), z.string().regex(NUMERIC)])
  .transform((v) => (typeof v === 'number' ? v : Number(v)));

export const positiveNumber = numberLike.pipe(z.number().gt(0)).describe('number > 0 (USD)');

/** An integer ≥ min; `3.0` is accepted, `2.5` is not (§2.1). */
export const integerAtLeast = (min: number) => numberLike.pipe(z.number().int().min(min));

/** A positive integer (`max_turns`, `max_tokens`, `exit`), built once: zod schemas are costly to create. */
export const positiveInteger = integerAtLeast(1);

export const duration = z
  .string()
  .regex(DURATION_PATTERN, 'duration such as 90s, 30m, 1h30m')
  .transform((s) => durationMs(s) ?? 0)
  .pipe(z.number().gt(0))
  .describe('duration: 90s, 30m, 1h30m, 1.5h');

export const stepName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/);
export const RESERVED_STEP_NAMES = [
  'spec',
  'attempt',
  'error',
  'diff',
  'output',
  'task',
  'prev',
  'gate',
  'steps',
  'item',
] as const;

export const STEP_TYPES = ['code', 'split', 'validate', 'artifact'] as const;
export const RESERVED_STEP_TYPES = ['search', 'scrape', 'surf', 'use', 'doc'] as const;
export const stepType = z.enum(STEP_TYPES);

export const worktree = z.enum(['read-write', 'read-only', 'none']);
export const hitl = z.union([z.boolean(), z.enum(['before_gate', 'after_gate'])]);
export const boolean = z.boolean();
export const retrySession = z.literal('new');
export const retryWorktree = z.enum(['reset', 'keep']);
export const schemaArgument = z.enum(['plan', 'review']);
export const coverageThreshold = numberLike.pipe(z.number().min(0).max(100));
export const nonEmptyString = z.string().min(1);

// ---- Composite shapes: the JSON Schema of `gump schema` and the key sets of the shape builder.

const template = z.string().describe('template string (language.md §14)');
const inputs = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('input name → template');
const promptValue = z.union([template, z.strictObject({ file: z.string() })]);
const contextEntry = z.union([z.strictObject({ file: z.string() }), z.strictObject({ bash: z.string() })]);
const session = z.union([z.literal('new'), z.strictObject({ from: stepName })]);

export const guardShape = z.strictObject({
  max_turns: integerAtLeast(1).optional(),
  max_tokens: integerAtLeast(1).optional(),
  max_time: duration.optional(),
  timeout: duration.optional(),
  max_budget: positiveNumber.optional(),
  no_write: z.boolean().optional(),
});

const gateString = z.string().describe('compile | test | lint | tests_found | schema | "<type>: <arg>"');
const gateMap = z.union([
  z.strictObject({ touched: z.string() }),
  z.strictObject({ untouched: z.string() }),
  z.strictObject({ coverage: coverageThreshold }),
  z.strictObject({ bash: z.string() }),
  z.strictObject({ schema: schemaArgument }),
  z.object({ validate: z.string() }).catchall(z.union([z.string(), z.number(), z.boolean()])),
]);

export const getBlockShape = z
  .object({
    prompt: promptValue.optional(),
    context: z.array(contextEntry).optional(),
    worktree: worktree.optional(),
    session: session.optional(),
    workflow: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean()]));

export const runBlockShape = z.strictObject({
  agent: z.string().optional(),
  guard: guardShape.optional(),
  hitl: hitl.optional(),
});

export const retryEntryShape = z.strictObject({
  attempt: integerAtLeast(2).optional(),
  not: z
    .string()
    .regex(/^gate\./)
    .optional(),
  validate: z.string().optional(),
  exit: integerAtLeast(1).optional(),
  agent: z.string().optional(),
  session: retrySession.optional(),
  worktree: retryWorktree.optional(),
  prompt: template.optional(),
  with: inputs.optional(),
});

type StepShape = z.ZodType;
export const stepShape: StepShape = z.lazy(() =>
  z.strictObject({
    name: stepName,
    type: stepType.optional(),
    prompt: promptValue.optional(),
    context: z.array(contextEntry).optional(),
    worktree: worktree.optional(),
    session: session.optional(),
    agent: z.string().optional(),
    guard: guardShape.optional(),
    hitl: hitl.optional(),
    get: getBlockShape.optional(),
    run: runBlockShape.optional(),
    gate: z.array(z.union([gateString, gateMap])).optional(),
    retry: z.array(retryEntryShape).optional(),
    each: z.array(stepShape).optional(),
    parallel: z.boolean().optional(),
    steps: z.array(stepShape).optional(),
    with: inputs.optional(),
    workflow: z.string().optional(),
  }),
);

export const workflowShape = z.strictObject({
  name: z.string().min(1),
  steps: z.array(stepShape).min(1),
  max_budget: positiveNumber.optional(),
  max_tokens: integerAtLeast(1).optional(),
  max_timeout: duration.optional(),
});

/** Keys of a zod object schema, for unknown-key checks. */
export function keysOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}

export const ROOT_KEYS = keysOf(workflowShape);
export const GUARD_KEYS = keysOf(guardShape);
export const RETRY_KEYS = keysOf(retryEntryShape);
export const RUN_KEYS = keysOf(runBlockShape);
export const GET_KEYS = keysOf(getBlockShape);
/** Step-level keys that are never inputs of a GET workflow (§7.3). */
export const STEP_ONLY_KEYS = ['name', 'type', 'gate', 'retry', 'each', 'parallel', 'steps', 'with'] as const;
export const STEP_KEYS = [
  'name',
  'type',
  'prompt',
  'context',
  'worktree',
  'session',
  'agent',
  'guard',
  'hitl',
  'get',
  'run',
  'gate',
  'retry',
  'each',
  'parallel',
  'steps',
  'with',
  'workflow',
] as const;
