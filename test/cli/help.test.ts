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
    for (const name of ['check', 'fix', 'explain', 'list', 'show', 'schema', 'run', 'report', 'help'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
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
  }, 180_000); // three CLI starts per command: generous for a loaded 2-core machine

  it('every command in the command table has full help: usage, a description, options and exit codes', () => {
    for (const name of Object.keys(commands)) {
      const text = gump([name, '--help']).stdout;
      const [usage, description, options, exit] = text
        .trimEnd()
        .split(/\n\n(?=Options:|Exit status:)|(?<=^usage: [^\n]*(?:\n {7}[^\n]*)*)\n\n/);
      expect(usage, name).toMatch(new RegExp(`^usage: gump ${name}\\b`));
      expect(description?.trim().length ?? 0, `${name}: a description of at least a sentence`).toBeGreaterThan(40);
      expect(options?.split('\n')[0], name).toBe('Options:');
      expect(options, name).toMatch(/^ {2}-h, --help {2,}print this help$/m);
      expect(exit?.split('\n')[0], name).toBe('Exit status:');
      const codes = exit!.split('\n').slice(1);
      expect(codes.length, `${name}: exit codes`).toBeGreaterThan(0);
      for (const line of codes) expect(line, name).toMatch(/^ {2}[0-4] {2}\S/);
    }
  }, 180_000);

  it('help: with no command the list, with one its help, with an unknown one a did-you-mean (exit 2)', () => {
    expect(gump(['help']).stdout).toBe(gump(['--help']).stdout);
    expect(gump(['help']).status).toBe(0);
    expect(gump(['help', 'help']).stdout).toBe(gump(['help', '--help']).stdout);
    const bad = gump(['help', 'chek']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('gump help: unknown command "chek"; did you mean "check"?\n');
    // After `--`, --help is an argument, not the option.
    expect(gump(['explain', '--', '--help']).stdout).not.toContain('usage:');
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
