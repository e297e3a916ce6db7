// normaliseRef (language.md §7.4): the accepted reference forms and every GUMP120/GUMP119 case.

import { describe, expect, it } from 'vitest';
import { fileLabel, normaliseRef, refKind } from '../../src/2-check/resolve-ref.js';

describe('normaliseRef', () => {
  it('reads call and GET references as workflows unless they say validators/', () => {
    expect(normaliseRef('setup-env', 'call')).toEqual({ ok: true, name: 'setup-env', as: 'workflow' });
    expect(normaliseRef('workflows/setup-env', 'call')).toEqual({ ok: true, name: 'setup-env', as: 'workflow' });
    expect(normaliseRef('validators/check', 'call')).toEqual({ ok: true, name: 'check', as: 'validator' });
    expect(normaliseRef('tools/lint/setup', 'call')).toEqual({ ok: true, name: 'tools/lint/setup', as: 'workflow' });
  });

  it('drops a .yaml/.yml extension and "." segments', () => {
    expect(normaliseRef('workflows/setup.yaml', 'call')).toEqual({ ok: true, name: 'setup', as: 'workflow' });
    expect(normaliseRef('validators/./check.yml', 'validator')).toEqual({ ok: true, name: 'check', as: 'validator' });
  });

  it('requires validators/ in gates and retry entries (GUMP119)', () => {
    expect(normaliseRef('validators/arch-review', 'validator')).toEqual({
      ok: true,
      name: 'arch-review',
      as: 'validator',
    });
    expect(normaliseRef('arch-review', 'validator')).toMatchObject({ ok: false, code: 'GUMP119' });
    expect(normaliseRef('workflows/arch-review', 'validator')).toMatchObject({ ok: false, code: 'GUMP119' });
  });

  it.each([
    ['', 'call'],
    ['   ', 'validator'],
    ['workflows/', 'call'],
    ['validators/', 'validator'],
    ['validators/', 'call'],
    ['/etc/setup', 'call'],
    ['C:/setup', 'call'],
    ['../shared/setup', 'call'],
    ['validators/../x', 'validator'],
    ['a/../../b', 'call'],
    ['tools\\setup', 'call'],
    ['..', 'validator'],
  ] as const)('%j (%s) is GUMP120', (ref, use) => {
    expect(normaliseRef(ref, use)).toMatchObject({ ok: false, code: 'GUMP120' });
  });

  it('accepts names that merely contain dots', () => {
    expect(normaliseRef('v1.2/setup', 'call')).toEqual({ ok: true, name: 'v1.2/setup', as: 'workflow' });
    expect(normaliseRef('..hidden', 'call')).toEqual({ ok: true, name: '..hidden', as: 'workflow' });
  });
});

describe('refKind and fileLabel', () => {
  it('derives the kind a reference names', () => {
    expect(refKind('validators/x', 'call')).toBe('validator');
    expect(refKind('x', 'call')).toBe('workflow');
    expect(refKind('x', 'validator')).toBe('validator');
  });

  it('labels checked files by name', () => {
    expect(fileLabel('.gump/workflows/release.yaml')).toBe('release');
    expect(fileLabel('../.gump/workflows/sub/release.yml')).toBe('sub/release');
    expect(fileLabel('/abs/repo/.gump/validators/check.yaml')).toBe('validators/check');
    expect(fileLabel('builtin:tdd.yaml')).toBe('tdd');
    expect(fileLabel('builtin:validators/arch-review.yaml')).toBe('validators/arch-review');
    expect(fileLabel('workflow.yaml')).toBe('workflow.yaml');
  });
});
