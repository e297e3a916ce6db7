// `gump fix`: the documented examples become clean, fixes preserve everything else (comments,
// line endings), a second run changes nothing, --dry-run writes nothing, I/O errors exit 2.

import { lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN, gump, jsonCodesAt, project, ROOT } from './run-cli.js';

const seed = (name: string): string => readFileSync(join(ROOT, 'fixtures', 'seeds', name), 'utf8');
const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');

describe('gump fix: the implement-spec page example (MUST SHOW)', () => {
  it('fails with GUMP006 and GUMP005 as typed, and checks clean after gump fix', () => {
    const dir = project({ 'implement-spec.yaml': seed('implement-spec.yaml') });
    const before = gump(['check', 'implement-spec.yaml', '--format', 'json'], dir);
    expect(before.status).toBe(1);
    expect(jsonCodesAt(before.stdout)).toEqual(['GUMP006@31:15', 'GUMP005@51:11']);

    const fix = gump(['fix', 'implement-spec.yaml'], dir);
    expect(fix.stdout).toContain('fixed implement-spec.yaml:31:15 GUMP006 validator-inputs-overindented:');
    expect(fix.stdout).toContain(
      'fixed implement-spec.yaml:51:11 GUMP005 inline-session-from: write session: { from: converge }',
    );
    expect(fix.stdout).toContain('GUMP510 unquoted-template: quote the template: agent: "{converge.agent}"');

    const fixed = read(dir, 'implement-spec.yaml');
    expect(fixed.split('\n').slice(29, 33)).toEqual([
      '          - validate: validators/arch-review',
      '            diff: "{diff}"',
      '            spec: "{spec}"',
      '            agent: claude-opus',
    ]);
    expect(fixed.split('\n')[50]).toBe('          session: { from: converge }');
    expect(fixed.split('\n')[52]).toBe('          agent: "{converge.agent}"');

    const after = gump(['check', 'implement-spec.yaml', '--format', 'json'], dir);
    expect(jsonCodesAt(after.stdout)).toEqual([]); // checks clean: no error, no warning
    expect(after.status).toBe(0);
    expect(fix.status).toBe(0);
  });

  it('is idempotent: a second run reports nothing to fix and leaves the bytes alone', () => {
    const dir = project({ 'implement-spec.yaml': seed('implement-spec.yaml') });
    gump(['fix', 'implement-spec.yaml'], dir);
    const once = read(dir, 'implement-spec.yaml');
    const again = gump(['fix', 'implement-spec.yaml'], dir);
    expect(again.stdout).toMatch(/^implement-spec\.yaml: nothing to fix\n/);
    expect(read(dir, 'implement-spec.yaml')).toBe(once);
  });
});

describe('gump fix: the split-each-parallel page example', () => {
  it('fixes GUMP005 and GUMP510; the missing workflow name remains (not fixable)', () => {
    const dir = project({ 'split-each.yaml': seed('split-each.yaml') });
    expect(jsonCodesAt(gump(['check', 'split-each.yaml', '--format', 'json'], dir).stdout)).toEqual(['GUMP005@26:11']);
    const fix = gump(['fix', 'split-each.yaml'], dir);
    expect(fix.status).toBe(1);
    expect(fix.stdout).toContain('split-each.yaml: 2 fixes applied');
    expect(fix.stdout).toContain('split-each.yaml:1:1: error GUMP010 missing-workflow-name:');
    expect(read(dir, 'split-each.yaml').split('\n').slice(25, 28)).toEqual([
      '          session: { from: impl }',
      '        run:',
      '          agent: "{impl.agent}"',
    ]);
    expect(jsonCodesAt(gump(['check', 'split-each.yaml', '--format', 'json'], dir).stdout)).toEqual(['GUMP010@1:1']);
  });
});

const LEGACY = `# legacy workflow (v0.0.3 spellings)
name: legacy
description: |
  An old workflow.
inputs:
  - spec
steps:
  - name: plan   # the planner
    output: plan
    agent: claude-opus
    prompt: "Plan {spec}"
    gate: [schema]
    each:
      - name: impl
        output: diff
        agent: claude-sonnet
        prompt: "Do {item.description} after {steps.plan.output}"
        gate: [compile]
  - name: setup
    recipe: simple
`;

describe('gump fix: deprecated v0.0.3 spellings', () => {
  it('rewrites GUMP501, 502, 504, 507, 508 and 509 and keeps the comments', () => {
    const dir = project({ 'legacy.yaml': LEGACY });
    const fix = gump(['fix', 'legacy.yaml'], dir);
    const fixedCodes = [...fix.stdout.matchAll(/^fixed legacy\.yaml:\d+:\d+ (GUMP\d{3}) /gm)].map((m) => m[1]);
    expect([...new Set(fixedCodes)].sort()).toEqual(['GUMP501', 'GUMP502', 'GUMP504', 'GUMP507', 'GUMP508', 'GUMP509']);
    const text = read(dir, 'legacy.yaml');
    expect(text).toContain('# legacy workflow (v0.0.3 spellings)\n');
    expect(text).toContain('# An old workflow.\n');
    expect(text).toContain('  - name: plan   # the planner\n    type: split\n');
    expect(text).toContain('        type: code\n');
    expect(text).toContain('    workflow: simple\n');
    expect(text).toContain('"Do {task.description} after {plan.output}"');
    expect(text).not.toMatch(/^inputs:/m);
    expect(jsonCodesAt(gump(['check', 'legacy.yaml', '--format', 'json'], dir).stdout)).toEqual([]);
  });
});

describe('gump fix: preserving user content', () => {
  it('keeps CRLF line endings, including in re-indented blocks', () => {
    const crlf = seed('implement-spec.yaml').replace(/\n/g, '\r\n');
    const dir = project({ 'w.yaml': crlf, 'lf.yaml': seed('implement-spec.yaml') });
    gump(['fix', 'w.yaml', 'lf.yaml'], dir);
    const fixed = read(dir, 'w.yaml');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(fixed).toBe(read(dir, 'lf.yaml').replace(/\n/g, '\r\n'));
  });

  it('keeps a missing final newline, a BOM and comments elsewhere', () => {
    const text = `\uFEFF# top\nname: x # trailing\nsteps:\n  - name: a\n    type: code\n    agent: {x.agent}\n    prompt: "Implement {spec}"   # keep me\n    gate: [compile]`;
    const dir = project({ 'w.yaml': text });
    gump(['fix', 'w.yaml'], dir);
    expect(read(dir, 'w.yaml')).toBe(text.replace('agent: {x.agent}', 'agent: "{x.agent}"'));
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const dir = project({ 'w.yaml': seed('implement-spec.yaml') });
    const r = gump(['fix', '--dry-run', 'w.yaml'], dir);
    expect(read(dir, 'w.yaml')).toBe(seed('implement-spec.yaml'));
    expect(r.stdout.startsWith('--- a/w.yaml\n+++ b/w.yaml\n@@ -28,9 +28,9 @@\n')).toBe(true);
    expect(r.stdout).toContain('\n-          session: from: converge\n+          session: { from: converge }\n');
    expect(r.stderr).toContain('would fix w.yaml:51:11 GUMP005');
    expect(r.stdout).not.toContain('would fix');
  });

  it('writes atomically (no temp file left) through a symlink, keeping the link', () => {
    const dir = project({ 'real.yaml': `${CLEAN}    agent: {x.agent}\n`.replace('    agent: claude-sonnet\n', '') });
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    gump(['fix', 'link.yaml'], dir);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'real.yaml')).toContain('agent: "{x.agent}"');
    expect(readdirSync(dir).sort()).toEqual(['.gump', 'link.yaml', 'real.yaml']);
  });

  it('does not rewrite a file that is not valid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${CLEAN.replace('    agent: claude-sonnet\n', '')}    agent: {x.agent}\n# caf`),
      Buffer.from([0xe9, 0x0a]),
    ]);
    const dir = project({ 'w.yaml': bytes });
    const r = gump(['fix', 'w.yaml'], dir);
    expect(readFileSync(join(dir, 'w.yaml')).equals(bytes)).toBe(true);
    expect(r.stdout).toContain('w.yaml: not valid UTF-8 text; left unchanged');
  });
});

describe('gump fix: exit statuses', () => {
  it('exits 0 when nothing is wrong, 1 when errors remain (printed), 2 on I/O errors', () => {
    const dir = project({ 'ok.yaml': CLEAN, 'bad.yaml': CLEAN.replace('type: code', 'type: coed') });
    const ok = gump(['fix', 'ok.yaml'], dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('ok.yaml: nothing to fix\nchecked clean\n');
    const bad = gump(['fix', 'bad.yaml'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.yaml:4:5: error GUMP201 /m);
    const missing = gump(['fix', 'ok.yaml', 'nope.yaml'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('gump fix: cannot read nope.yaml: no such file\n');
    expect(gump(['fix'], dir).status).toBe(2);
  });
});
