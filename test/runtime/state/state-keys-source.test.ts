// The runtime names every step state key through protocol/state-keys.ts (`stateKey`, `gateStateKey`):
// no source file under runtime/ spells `<path>.<field>` of a §15.2 field as a template string, so
// the set of keys the runtime writes is the catalogue's (step-fields.test.ts compares the two).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_FIELDS, GATE_RESULT_FIELDS, VALIDATE_FIELDS } from '../../../protocol/state-keys.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIELDS = [...new Set([...VALIDATE_FIELDS, ...CALL_FIELDS, 'gate'])].join('|');
/** `${…}.<field>` closing a template string, or followed by `.` (`${path}.gate.${name}`). */
const HAND_BUILT = new RegExp(`\\$\\{[^}]+\\}\\.(${FIELDS})(\`|\\.)`);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function handBuiltKeys(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (HAND_BUILT.test(line) ? [i + 1] : []));
}

describe('state keys are named in one place', () => {
  it('the pattern finds a hand-built key of every form it forbids, and not a named one', () => {
    expect(handBuiltKeys('v[`${path}.status`] = s;')).toEqual([1]);
    expect(handBuiltKeys('ok\n[`${prefix}/${s.path}.output`]: x')).toEqual([2]);
    expect(handBuiltKeys(`k = \`\${p}.gate.\${g}.${GATE_RESULT_FIELDS[0]}\``)).toEqual([1]);
    expect(handBuiltKeys("v[stateKey(path, 'status')] = s; const f = `${name}.yaml`;")).toEqual([]);
  });

  it('no runtime source builds a step state key from a template string', () => {
    const found = sources(join(ROOT, 'runtime')).flatMap((file) =>
      handBuiltKeys(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}:${line}`),
    );
    expect(found).toEqual([]);
  });
});
