// `gump check`: exit statuses, output formats, and files that are not workflows (empty, binary,
// huge, not YAML) reported as diagnostics; unreadable files are I/O errors (exit 2).

import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN, gump, jsonCodesAt, project, ROOT } from './run-cli.js';

const SEED = readFileSync(join(ROOT, 'fixtures', 'seeds', 'implement-spec.yaml'), 'utf8');

describe('gump check', () => {
  it('exits 0 and says "checked clean" for a clean workflow', () => {
    const dir = project({ 'w.yaml': CLEAN });
    const r = gump(['check', 'w.yaml'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('checked clean\n');
  });

  it('exits 0 with warnings only', () => {
    const dir = project({ 'w.yaml': `${CLEAN}description: old\n` });
    const r = gump(['check', 'w.yaml', '--format', 'json'], dir);
    expect(jsonCodesAt(r.stdout)).toEqual(['GUMP502@8:1']);
    expect(r.status).toBe(0);
  });

  it('exits 1 on an error and prints the location, excerpt and hint', () => {
    const dir = project({ 'w.yaml': SEED });
    const r = gump(['check', 'w.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('w.yaml:51:11: error GUMP005 inline-session-from:');
    expect(r.stdout).toContain('  51 |           session: from: converge\n');
    expect(r.stdout).toMatch(/2 errors, 0 warnings\n$/);
  });

  it('prints JSON with 1-based positions and the documented keys', () => {
    const dir = project({ 'w.yaml': SEED });
    const r = gump(['check', 'w.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(jsonCodesAt(r.stdout)).toEqual(['GUMP006@31:15', 'GUMP005@51:11']);
    const d = diagnostics[1]!;
    expect(Object.keys(d)).toEqual([
      'code',
      'slug',
      'severity',
      'message',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'hint',
      'fix',
    ]);
    expect(d).toMatchObject({
      code: 'GUMP005',
      slug: 'inline-session-from',
      severity: 'error',
      file: 'w.yaml',
      line: 51,
      column: 11,
      endLine: 51,
    });
    expect(d.endColumn).toBeGreaterThan(11);
  });

  it('prints GitHub workflow commands', () => {
    const dir = project({ 'w.yaml': SEED });
    const r = gump(['check', 'w.yaml', '--format', 'github'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(
      /^::error file=w\.yaml,line=51,col=11,endLine=51,endColumn=\d+,title=GUMP005::GUMP005 inline-session-from: /,
    );
  });

  it('reports an empty file and a comments-only file as GUMP002', () => {
    const dir = project({ 'empty.yaml': '', 'comments.yaml': '# nothing yet\n' });
    const r = gump(['check', 'empty.yaml', 'comments.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(jsonCodesAt(r.stdout)).toEqual(['GUMP002@1:1', 'GUMP002@1:1']);
  });

  it('reports a file that is not YAML as GUMP001', () => {
    const dir = project({ 'notes.yaml': 'name: x\nsteps: [a, b\n  - what: {\n' });
    const r = gump(['check', 'notes.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(jsonCodesAt(r.stdout).map((c) => c.slice(0, 7))).toEqual(['GUMP001']);
  });

  it('reports a binary file as GUMP001, not a crash', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00, 0x01]);
    const dir = project({ 'logo.yaml': bytes });
    const r = gump(['check', 'logo.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(jsonCodesAt(r.stdout)).toEqual(['GUMP001@1:1']);
    expect(r.stderr).toBe('');
  });

  it('reports a huge (10 MB) file as GUMP001, not a crash', () => {
    const line = 'key: value value value value value value value value\n';
    const dir = project({ 'huge.yaml': line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)) });
    const r = gump(['check', 'huge.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(jsonCodesAt(r.stdout)).toEqual(['GUMP001@1:1']);
    expect(r.stderr).toBe('');
  });

  it('does not even read a file beyond the read limit (sparse 80 MB file)', () => {
    const dir = project({ 'big.yaml': '' });
    truncateSync(join(dir, 'big.yaml'), 80 * 1024 * 1024);
    const r = gump(['check', 'big.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(jsonCodesAt(r.stdout)).toEqual(['GUMP001@1:1']);
    expect(gump(['fix', 'big.yaml'], dir).status).toBe(1);
  });

  it('exits 2 with a clear message for a missing file, still reporting the others (text and JSON)', () => {
    const dir = project({ 'w.yaml': CLEAN, 'bad.yaml': 'name: bad\nsteps: 3\n' });
    const r = gump(['check', 'w.yaml', 'missing.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gump check: cannot read missing.yaml: no such file\n');
    expect(r.stdout).toBe('checked clean\n');
    const json = gump(['check', 'bad.yaml', 'missing.yaml', '--format', 'json'], dir);
    expect(json.status).toBe(2);
    expect(json.stderr).toBe('gump check: cannot read missing.yaml: no such file\n');
    expect(jsonCodesAt(json.stdout).length).toBeGreaterThan(0);
  });

  it('checks a workflow named as gump run and compile take it (built-in or project)', () => {
    const dir = project({ '.gump/workflows/mine.yaml': CLEAN });
    const builtin = gump(['check', 'implement-spec'], dir);
    expect(builtin.status, builtin.stderr).toBe(0);
    expect(builtin.stdout).toBe('checked clean\n');
    const own = gump(['check', 'mine', 'workflows/tdd'], dir);
    expect(own.status, own.stderr).toBe(0);
    expect(own.stdout).toBe('2 files checked clean\n');
    const none = gump(['check', 'no-such-flow'], dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('gump check: cannot read no-such-flow: no such file\n');
  });

  it('refuses a --root that is not a folder', () => {
    const dir = project({ 'w.yaml': CLEAN });
    for (const cmd of [['check', 'w.yaml'], ['list'], ['show', 'tdd'], ['graph', 'tdd']]) {
      const r = gump([...cmd, '--root', join(dir, 'nonexistent')], dir);
      expect(r.status, cmd.join(' ')).toBe(2);
      expect(r.stderr).toBe(`gump ${cmd[0]}: --root ${join(dir, 'nonexistent')}: no such folder\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 for a directory', () => {
    const dir = project({ 'flows/w.yaml': CLEAN });
    const r = gump(['check', 'flows'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('flows is a directory');
  });

  it('exits 2 on usage errors', () => {
    const dir = project({ 'w.yaml': CLEAN });
    expect(gump(['check'], dir).status).toBe(2);
    const bad = gump(['check', 'w.yaml', '--format', 'xml'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('gump check: --format must be one of text, json, github\n');
    expect(gump(['check', 'w.yaml', '--frmat', 'json'], dir).status).toBe(2);
    expect(gump(['check', 'w.yaml', '-x'], dir).status).toBe(2);
  });
});
