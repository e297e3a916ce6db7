// `gump schema`: a draft 2020-12 JSON Schema derived from the zod shapes, with $schema, $id and
// title; structurally it admits the keys the built-in library uses.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STEP_KEYS } from '../../src/1-parse/schema.js';
import { workflowJsonSchema } from '../../src/cli/workflow-json-schema.js';
import { listBuiltins } from '../../src/library/library.js';
import { gump, ROOT } from './run-cli.js';

// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema walked loosely by the assertions below
type Json = Record<string, any>;

describe('gump schema', () => {
  it('prints valid JSON with $schema, $id, title and the root shape', () => {
    const r = gump(['schema']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as Json;
    expect(Object.keys(s).slice(0, 3)).toEqual(['$schema', '$id', 'title']);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toMatch(/^https:\/\//);
    expect(s.type).toBe('object');
    expect(s.required).toEqual(['name', 'steps']);
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toEqual(['name', 'steps', 'max_budget', 'max_tokens', 'max_timeout']);
    expect(s).toEqual(workflowJsonSchema());
  });

  it('has a recursive step definition with every step key', () => {
    const s = workflowJsonSchema() as Json;
    expect(s.properties.steps.items).toEqual({ $ref: '#/$defs/step' });
    const step = s.$defs.step as Json;
    expect(Object.keys(step.properties)).toEqual([...STEP_KEYS]);
    expect(step.required).toEqual(['name']);
    expect(step.properties.each.items).toEqual({ $ref: '#/$defs/step' });
    expect(step.properties.steps.items).toEqual({ $ref: '#/$defs/step' });
    expect(step.properties.type.enum).toEqual(['code', 'split', 'validate', 'artifact']);
    expect(JSON.stringify(s)).not.toContain('__schema');
  });

  it('admits every key the built-in library files use', () => {
    const s = workflowJsonSchema() as Json;
    const step = s.$defs.step as Json;
    const walk = (steps: Json[]): void => {
      for (const st of steps) {
        for (const k of Object.keys(st)) expect(Object.keys(step.properties)).toContain(k);
        if (st.run)
          for (const k of Object.keys(st.run)) expect(Object.keys(step.properties.run.properties)).toContain(k);
        for (const r of st.retry ?? [])
          for (const k of Object.keys(r)) expect(Object.keys(step.properties.retry.items.properties)).toContain(k);
        walk(st.each ?? []);
        walk(st.steps ?? []);
      }
    };
    const files = [
      ...listBuiltins('workflow').map((n) => join(ROOT, 'library', 'workflows', `${n}.yaml`)),
      ...listBuiltins('validator').map((n) => join(ROOT, 'library', 'validators', `${n}.yaml`)),
    ];
    for (const f of files) {
      const data = parse(readFileSync(f, 'utf8')) as Json;
      for (const k of Object.keys(data)) expect(Object.keys(s.properties)).toContain(k);
      for (const k of s.required as string[]) expect(data).toHaveProperty(k);
      walk(data.steps);
    }
  });
});
