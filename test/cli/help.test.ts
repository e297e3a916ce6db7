// Global CLI behaviour: --help, <command> --help, help <command>, --version, unknown commands.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { VERSION } from '../../src/version.js';
import { gump, ROOT } from './run-cli.js';

describe('gump CLI', () => {
  it('--help lists every command and exits 0; no arguments prints it and exits 2', () => {
    const r = gump(['--help']);
    expect(r.status).toBe(0);
    for (const name of ['check', 'fix', 'explain', 'list', 'show', 'schema']) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(gump(['-h']).stdout).toBe(r.stdout);
    const none = gump([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe(r.stdout);
  });

  it("the command table's help lines are the commands' own summaries (modules load lazily)", async () => {
    for (const [name, entry] of Object.entries(commands)) {
      const command = await entry.load();
      expect(command.summary, name).toBe(entry.summary);
      expect(typeof command.run, name).toBe('function');
    }
  });

  it('<command> --help, -h and help <command> print the command usage', () => {
    for (const name of Object.keys(commands)) {
      const r = gump([name, '--help']);
      expect(r.status, name).toBe(0);
      expect(r.stdout.startsWith(`usage: gump ${name}`), name).toBe(true);
      expect(gump([name, '-h']).stdout).toBe(r.stdout);
      expect(gump(['help', name]).stdout).toBe(r.stdout);
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const r = gump(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`gump ${pkg.version}\n`);
  });

  it('an unknown command exits 2 with a did-you-mean', () => {
    const r = gump(['chek', 'x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('gump: unknown command "chek"; did you mean "check"?');
    expect(gump(['toString']).status).toBe(2);
  });
});
