// Test helper: GitLab's CI JSON schema as gitlab-ci-local 4.72.0 embeds it, and a validator.
// The package ships one bundle (dist/index.js) holding GitLab's `ci.json` as an object literal
// (`$id: "https://gitlab.com/.gitlab-ci.yml"`); it loosens a few patterns only at run time, so the
// literal cut out of the bundle is GitLab's schema unchanged. Parsed as data in an empty context.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Ajv, type ErrorObject } from 'ajv';

const MARK = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';

/** The object literal starting at `start`: braces counted outside string literals. */
function literalAt(text: string, start: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error('unterminated schema literal');
}

let cached: object | undefined;

export function gitlabCiSchema(): object {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(
    join(dirname(require.resolve('gitlab-ci-local/package.json')), 'dist', 'index.js'),
    'utf8',
  );
  const at = bundle.indexOf(MARK);
  if (at < 0) throw new Error('GitLab CI schema not found in gitlab-ci-local/dist/index.js');
  cached = runInNewContext(`(${literalAt(bundle, at)})`, Object.create(null), { timeout: 5000 }) as object;
  return cached;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Schema errors of one parsed pipeline file, as `path message` lines (empty: valid). */
export function gitlabSchemaErrors(config: unknown): string[] {
  if (!validator) {
    // GitLab's schema uses formats (uri) and keywords (markdownDescription) ajv does not know.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    validator = ajv.compile(gitlabCiSchema());
  }
  if (validator(config)) return [];
  return (validator.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
