// workflow_dispatch inputs: the given values (strings, as from the CLI or API) checked against the
// workflow's `on.workflow_dispatch.inputs` — unknown names, missing required ones, choice options —
// defaults applied, booleans typed (the `inputs` context has true/false; github.event.inputs strings).

import type { WorkflowTemplate } from '@actions/workflow-parser';
import type { Json } from './expressions.js';

export function dispatchInputs(template: WorkflowTemplate, given: Record<string, string>): Record<string, Json> {
  const dispatch = template.events.workflow_dispatch;
  if (dispatch === undefined) throw new Error("workflow has no 'workflow_dispatch' trigger");
  const defs = dispatch.inputs ?? {};
  const unknown = Object.keys(given).filter((k) => !(k in defs));
  if (unknown.length > 0) throw new Error(`Unexpected inputs provided: ${JSON.stringify(unknown)}`);
  const out: Record<string, Json> = {};
  for (const [name, def] of Object.entries(defs)) {
    const raw = name in given ? given[name]! : def.default === undefined ? undefined : String(def.default);
    if (raw === undefined || raw === '') {
      if (def.required) throw new Error(`Required input '${name}' not provided`);
    }
    const value = raw ?? '';
    if (def.type === 'boolean') {
      if (value !== '' && value !== 'true' && value !== 'false')
        throw new Error(`Provided value for input '${name}' is not a boolean: ${value}`);
      out[name] = value === 'true';
    } else if ((def.type as string) === 'number') {
      if (value !== '' && Number.isNaN(Number(value)))
        throw new Error(`Provided value for input '${name}' is not a number: ${value}`);
      out[name] = value === '' ? '' : Number(value);
    } else if (def.type === 'choice' && value !== '' && !(def.options ?? []).includes(value)) {
      throw new Error(`Provided value '${value}' for input '${name}' not in the list of allowed values`);
    } else {
      out[name] = value;
    }
  }
  return out;
}
