// Expression functions and contexts as the executor evaluates them: the library's built-ins,
// GitHub's status functions and hashFiles, the implicit success(), string coercion.

import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asString, evaluateExpression, interpolate, withImplicitSuccess, type ExpressionScope } from './expressions.js';

const scope: ExpressionScope = {
  contexts: {
    needs: { plan: { result: 'success', outputs: { list: '["a","b"]' } } },
    matrix: { shard: 'b' },
    env: { NAME: 'x' },
  },
};

describe('expressions', () => {
  it('evaluates the built-in functions against contexts', () => {
    expect(evaluateExpression('fromJSON(needs.plan.outputs.list)', scope)).toEqual(['a', 'b']);
    expect(evaluateExpression('contains(fromJSON(needs.plan.outputs.list), matrix.shard)', scope)).toBe(true);
    expect(evaluateExpression("format('{0}-{1}', env.NAME, join(fromJSON(needs.plan.outputs.list), '+'))", scope)).toBe(
      'x-a+b',
    );
    expect(evaluateExpression("startsWith('Hello', 'he') && endsWith('Hello', 'LO')", scope)).toBe(true);
    expect(evaluateExpression('toJSON(matrix)', scope)).toBe('{\n  "shard": "b"\n}');
    expect(evaluateExpression('needs.missing.result', scope)).toBe(null);
  });

  it('answers status functions from the scope and adds an implicit success()', () => {
    const failed: ExpressionScope = {
      contexts: {},
      status: { success: () => false, failure: () => true, cancelled: () => false },
    };
    expect(evaluateExpression('failure() && !success()', failed)).toBe(true);
    expect(evaluateExpression('always()', failed)).toBe(true);
    expect(withImplicitSuccess("github.ref == 'x'")).toBe("success() && (github.ref == 'x')");
    expect(withImplicitSuccess('!failure()')).toBe('!failure()');
    expect(withImplicitSuccess('')).toBe('success()');
  });

  it('hashes files like the runner and returns empty when none match', () => {
    const ws = mkdtempSync(join(tmpdir(), 'gha-hash-'));
    mkdirSync(join(ws, 'a'));
    writeFileSync(join(ws, 'a', 'one.lock'), '1');
    writeFileSync(join(ws, 'two.lock'), '2');
    const digest = (s: string) => createHash('sha256').update(s).digest();
    const expected = createHash('sha256').update(digest('1')).update(digest('2')).digest('hex');
    expect(evaluateExpression("hashFiles('**/*.lock')", { contexts: {}, workspace: ws })).toBe(expected);
    expect(evaluateExpression("hashFiles('*.none')", { contexts: {}, workspace: ws })).toBe('');
  });

  it('reads values as strings the way the runner does and interpolates templates', () => {
    expect([asString(null), asString(3), asString(true), asString([1]), asString({ a: 1 })]).toEqual([
      '',
      '3',
      'true',
      'Array',
      'Object',
    ]);
    expect(interpolate("a ${{ env.NAME }} b ${{ '}}' }} c", scope)).toBe('a x b }} c');
  });
});
