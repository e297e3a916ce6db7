// CLI: the JSON Schema (draft 2020-12) of a workflow file, derived from the parse phase's zod
// shapes (src/1-parse/schema.ts, zod 4's toJSONSchema) so editors (yaml-language-server) and the compiler agree on keys.
// Input side of every transform: a quoted number is accepted where the compiler accepts one.

import { workflowShape } from '../1-parse/schema.js';
import { VERSION } from '../version.js';

export const SCHEMA_ID = 'https://gump.build/schema/workflow.json';

type Json = Record<string, unknown>;

export function workflowJsonSchema(): Json {
  // The schema's own method, so zod stays a dependency of the parse phase only (architecture test).
  const raw = workflowShape.toJSONSchema({ target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as Json;
  const { $schema, ...body } = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('~'))) as Json;
  const renamed = renameDefs(body);
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'gump workflow',
    description: `A gump workflow (gump ${VERSION}): a name, optional run limits and a list of steps. Shapes only; \`gump check\` is the authority. Save with \`gump schema > gump-workflow.schema.json\` and add \`# yaml-language-server: $schema=./gump-workflow.schema.json\` to a workflow.`,
    ...renamed,
  };
}

/** zod names recursive definitions `__schema0`; give the step definition a readable name. */
function renameDefs(schema: Json): Json {
  const defs = schema.$defs as Record<string, Json> | undefined;
  if (!defs) return schema;
  const names = new Map<string, string>();
  for (const [key, def] of Object.entries(defs)) {
    const props = def.properties as Json | undefined;
    if (key.startsWith('__schema') && props && 'name' in props && 'gate' in props && 'each' in props)
      names.set(key, 'step');
  }
  if (names.size === 0) return schema;
  const text = JSON.stringify(schema, (k, v: unknown) => {
    if (k === '$defs' && v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Json).map(([n, d]) => [names.get(n) ?? n, d]));
    }
    return v;
  });
  let out = text;
  for (const [from, to] of names) out = out.split(`"#/$defs/${from}"`).join(`"#/$defs/${to}"`);
  return JSON.parse(out) as Json;
}
