// Every parse-phase diagnostic fills its catalogue template: no `{param}` left in the message or
// hint, for the catalogue's own wrong examples and the owned fixture workflows.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/diagnostics/catalogue/index.js';
import { parse, unfilled } from './parse-helpers.js';

const OWNED = /^GUMP(0(0[1-9]|1[0-9]|21)|10[23]|2(0[0-9]|1[0-9]|2[02-7])|50[1-7]|510)$/;
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'diagnostics');

describe('parse-phase messages carry their parameters', () => {
  for (const entry of catalogue.filter((e) => OWNED.test(e.code))) {
    it(`${entry.code}: catalogue example and fixture`, () => {
      const texts = [entry.wrong];
      const dir = existsSync(FIXTURES) ? readdirSync(FIXTURES).find((d) => d.startsWith(`${entry.code}-`)) : undefined;
      if (dir) texts.push(readFileSync(join(FIXTURES, dir, 'workflow.yaml'), 'utf8'));
      for (const text of texts) {
        const { diags } = parse(text);
        expect(diags.map((d) => d.code)).toContain(entry.code);
        expect(unfilled(diags)).toEqual([]);
      }
    });
  }
});
