// `gump list` and `gump show`: built-ins with one-line descriptions, project overrides marked,
// built-in YAML printed verbatim, unknown names exit 2 with a did-you-mean.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFile } from '../../src/cli/library-index.js';
import { parseReference } from '../../src/cli/show-command.js';
import { listBuiltins } from '../../src/library/library.js';
import { CLEAN, gump, project, ROOT } from './run-cli.js';

const WORKFLOWS = ['bugfix', 'cheap2sota', 'freeform', 'implement-spec', 'parallel-tasks', 'refactor', 'simple', 'tdd'];

describe('library index (in process)', () => {
  it('takes the first comment line without its name prefix', () => {
    expect(describeFile('# tdd: test-driven development.\n#\n# more\nname: tdd\n', 'tdd')).toBe(
      'test-driven development.',
    );
    expect(describeFile('# validators/arch-review: review a diff.\n', 'arch-review')).toBe('review a diff.');
    expect(describeFile('name: x\n# late comment\n', 'x')).toBe('late comment');
    expect(describeFile('name: x\n', 'x')).toBe('');
  });

  it('parses references like §7.4', () => {
    expect(parseReference('validators/arch-review')).toEqual({ kind: 'validator', name: 'arch-review' });
    expect(parseReference('workflows/tdd')).toEqual({ kind: 'workflow', name: 'tdd' });
    expect(parseReference('tdd.yaml')).toEqual({ kind: 'workflow', name: 'tdd' });
  });
});

describe('gump list', () => {
  it('lists the eight built-in workflows and the validator with descriptions', () => {
    expect(listBuiltins('workflow')).toEqual(WORKFLOWS);
    const dir = project();
    const r = gump(['list'], dir);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n');
    for (const w of WORKFLOWS) expect(rows.some((l) => new RegExp(`^  ${w} +\\S`).test(l))).toBe(true);
    expect(r.stdout).toContain('  tdd             test-driven development, cheap agents first.\n');
    expect(r.stdout).toMatch(
      /validators \(use as validators\/<name>\):\n {2}arch-review +adversarial review of a diff against the spec\.\n/,
    );
  });

  it('marks project overrides and lists project-only files', () => {
    const dir = project({
      '.gump/workflows/tdd.yaml': `# tdd: our own tdd\n${CLEAN}`,
      '.gump/workflows/team/deploy.yml': `# deploy: ship it\n${CLEAN}`,
      '.gump/validators/arch-review.yml': `# stricter review\n${CLEAN}`,
    });
    const r = gump(['list'], join(dir, '.gump'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '  tdd             test-driven development, cheap agents first.  [overridden by .gump/workflows/tdd.yaml]\n',
    );
    expect(r.stdout).toContain('  team/deploy     ship it  [project: .gump/workflows/team/deploy.yml]\n');
    expect(r.stdout).toContain('[overridden by .gump/validators/arch-review.yml]');
  });
});

describe('gump show', () => {
  it('prints a built-in workflow or validator verbatim', () => {
    const tdd = gump(['show', 'tdd'], project());
    expect(tdd.status).toBe(0);
    expect(tdd.stdout).toBe(readFileSync(join(ROOT, 'library', 'workflows', 'tdd.yaml'), 'utf8'));
    const v = gump(['show', 'validators/arch-review'], project());
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(readFileSync(join(ROOT, 'library', 'validators', 'arch-review.yaml'), 'utf8'));
  });

  it('notes a project override on stderr', () => {
    const dir = project({ '.gump/workflows/simple.yaml': CLEAN });
    const r = gump(['show', 'simple'], dir);
    expect(r.stderr).toBe('note: this project overrides it with .gump/workflows/simple.yaml\n');
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'library', 'workflows', 'simple.yaml'), 'utf8'));
  });

  it('prints a project-only workflow or validator that gump list shows', () => {
    const dir = project({ '.gump/workflows/mine.yaml': CLEAN, '.gump/validators/strict.yaml': CLEAN });
    expect(gump(['list'], dir).stdout).toMatch(/^ {2}mine .*\[project: \.gump\/workflows\/mine\.yaml\]$/m);
    const r = gump(['show', 'mine'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(CLEAN);
    expect(gump(['show', 'validators/strict'], dir).stdout).toBe(CLEAN);
  });

  it('exits 2 with a did-you-mean for an unknown name', () => {
    const typo = gump(['show', 'tdt'], project());
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('no built-in workflow "tdt"; did you mean "tdd"?');
    const bare = gump(['show', 'arch-review'], project());
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('did you mean "validators/arch-review"?');
    expect(gump(['show'], project()).status).toBe(2);
    expect(gump(['show', '../package'], project()).status).toBe(2);
  });
});
