// `gump init --target gitlab`: the include block of .gitlab-ci.yml — created, appended, merged into
// an existing include list, refreshed, refused with the lines to add — and `gump compile --target
// gitlab` writing the pipelines it includes.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withGitlabInclude } from '../../src/cli/gitlab-ci-include.js';
import { gump, project } from './run-cli.js';

const WF = (name: string) =>
  `name: ${name}\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Implement {spec}"\n    gate: [compile]\n`;

function text(e: ReturnType<typeof withGitlabInclude>): string {
  if (!('text' in e)) throw new Error(`manual: ${e.manual}`);
  return e.text;
}

describe('the .gitlab-ci.yml include block', () => {
  it('creates the file with one rule-guarded include per workflow', () => {
    const out = text(withGitlabInclude(undefined, ['a', 'b']));
    expect(parse(out)).toEqual({
      include: [
        { local: '.gitlab/gump/a.yml', rules: [{ if: '$GUMP_WORKFLOW == "a"' }] },
        { local: '.gitlab/gump/b.yml', rules: [{ if: '$GUMP_WORKFLOW == "b"' }] },
      ],
    });
  });
  it('keeps what is there, comments included, and refreshes only its block', () => {
    const mine = '# my pipeline\nstages: [build]\nbuild:\n  stage: build\n  script: make # fast\n';
    const once = text(withGitlabInclude(mine, ['a']));
    expect(once.startsWith(mine)).toBe(true);
    const twice = text(withGitlabInclude(once, ['a', 'b']));
    expect(twice.startsWith(mine)).toBe(true);
    expect((parse(twice) as { include: unknown[] }).include).toHaveLength(2);
    expect(text(withGitlabInclude(twice, ['a', 'b']))).toBe(twice);
  });
  it('puts its entries first in an existing include list, at its indentation', () => {
    const mine = 'include:\n    - local: ci/other.yml\njob:\n  script: x\n';
    const out = text(withGitlabInclude(mine, ['a']));
    const parsed = parse(out) as { include: Array<{ local: string }>; job: unknown };
    expect(parsed.include.map((i) => i.local)).toEqual(['.gitlab/gump/a.yml', 'ci/other.yml']);
    expect(parsed.job).toEqual({ script: 'x' });
    expect(parse(text(withGitlabInclude(out, ['a', 'b']))).include).toHaveLength(3);
  });
  it('refuses another include form, giving the lines to add', () => {
    const e = withGitlabInclude("include: 'ci/other.yml'\n", ['a']);
    expect('manual' in e && e.manual).toContain('- local: .gitlab/gump/a.yml');
  });
});

describe('gump init --target gitlab and gump compile --target gitlab', () => {
  it('writes the include and the pipelines it names', () => {
    const dir = project({ '.gump/workflows/a.yaml': WF('a'), '.gitlab-ci.yml': 'test:\n  script: npm test\n' });
    const init = gump(['init', '--target', 'gitlab'], dir);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('updated .gitlab-ci.yml: .gitlab/gump/a.yml');
    expect(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8').startsWith('test:\n  script: npm test\n')).toBe(true);
    expect(gump(['init', '--target', 'gitlab'], dir).stdout).toContain('up to date');
    const r = gump(['compile', '--target', 'gitlab'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote .gitlab/gump/a.yml');
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toContain('.gitlab/gump/** linguist-generated=true');
    expect(gump(['compile', '--target', 'gitlab', '--check'], dir).status).toBe(0);
    writeFileSync(join(dir, '.gitlab/gump/a.yml'), 'edited\n');
    expect(gump(['compile', '--target', 'gitlab', '--check'], dir).stdout).toContain(
      'stale: .gitlab/gump/a.yml (run: npx gump compile --target gitlab, then commit)',
    );
    expect(gump(['graph', 'a', '--target', 'gitlab'], dir).stdout).toContain('%% gump graph a --target gitlab');
  });
  it('needs a target, and says what to do without workflows', () => {
    expect(gump(['init'], project({})).status).toBe(2);
    expect(gump(['init', '--target', 'gitlab'], project({})).stderr).toContain('add .gump/workflows/<name>.yaml first');
  });
});
