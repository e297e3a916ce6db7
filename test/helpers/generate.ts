// Document generators shared by the property test and the benchmark: random YAML-ish workflows
// (gump keys, template-laden values), mutations of real workflows, a realistic N-step workflow,
// and the property oracle (checking never throws; every diagnostic is catalogued and located).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { GET_KEYS, GUARD_KEYS, RETRY_KEYS, ROOT_KEYS, RUN_KEYS, STEP_KEYS } from '../../src/1-parse/schema.js';
import type { CheckOptions } from '../../src/2-check/rule.js';
import { checkFiles } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { catalogue, lookupCode } from '../../src/diagnostics/catalogue/index.js';
import { libraryRoot, readBuiltin } from '../../src/library/library.js';
import { MemoryHost } from '../../src/project/memory-host.js';

/** One property case: a project in memory whose `workflow.yaml` is checked. */
export interface Case {
  files: Record<string, string>;
  options: CheckOptions;
}

export const MAIN = 'workflow.yaml';

// ---------------------------------------------------------------- value pools

const STEP_NAMES = [
  'a',
  'b',
  'impl',
  'tests',
  'decompose',
  'review',
  'red',
  'green',
  'x-1',
  '_y',
  'spec',
  'task',
  '1bad',
  'bad name',
  '',
];
const FIELDS = [
  'output',
  'status',
  'diff',
  'files',
  'cost',
  'gate.compile',
  'gate.review.comments',
  'state.k',
  'session_id',
  'name',
  'x',
  '',
];
const REFS = [
  'sub',
  'tdd',
  'simple',
  'missing',
  'validators/v',
  'validators/arch-review',
  'workflows/sub',
  '',
  '../x',
  '/abs',
  'a\\b',
  'validators/',
];
const DEPRECATED_KEYS = [
  'inputs',
  'description',
  'review',
  'output',
  'on_failure',
  'strategy',
  'restart_from',
  'replan',
  'foreach',
  'recipe',
];
const TYPO_KEYS = ['promt', 'gates', 'step', 'agnet', 'max_turn', 'Name', '', 'with ', '1', 'true', 'null'];
const WORDS = [
  'yes',
  'on',
  'true',
  'new',
  'read-only',
  'read-write',
  'none',
  'reset',
  'keep',
  'before_gate',
  'after_gate',
  'pass',
  'stub',
  'claude-haiku',
  'claude-opus',
  'codex',
  'code',
  'split',
  'validate',
  'artifact',
  'search',
  'doc',
  'compile',
  'test',
  'lint',
  'tests_found',
  'schema',
  'coverage: 80',
  'coverage: 101',
  'bash: make smoke',
  'touched: *_test.*',
  'untouched: "*.md"',
  'validate: validators/arch-review',
  'validate:',
  'schema: plan',
  'scan: high',
  'gate.compile',
  'gate.',
  'plan',
  'review',
  '90s',
  '30m',
  '1h30m',
  '1.5h',
  '0s',
  '10',
  'ms',
  '1x',
  '-5m',
  '.5h',
  '1h 30m',
  '3.0',
  '2.5',
  '0',
  '-1',
  '1e3',
  '"3"',
];
export const ALL_KEYS = [
  ...new Set([...ROOT_KEYS, ...STEP_KEYS, ...GUARD_KEYS, ...RETRY_KEYS, ...GET_KEYS, ...RUN_KEYS, ...DEPRECATED_KEYS]),
];

const FIXED_PLACEHOLDERS = [
  '{spec}',
  '{attempt}',
  '{error}',
  '{diff}',
  '{output}',
  '{task.name}',
  '{task.description}',
  '{task.files}',
  '{task.x}',
  '{item.name}',
  '{prev.output}',
  '{prev.gate.compile}',
  '{gate.compile}',
  '{gate.review.pass}',
  '{x}',
  '{query}',
  '{ x }',
  '{}',
  '{3}',
  '{2,5}',
  '{{spec}}',
  '{{',
  '}}',
  '{',
  '}',
  '{"pass": true}',
  '{{"a": {"b": 1}}}',
  '{steps}',
  '{impl}',
];
const FRAGMENTS = [
  'Implement ',
  'the ',
  '\n',
  ' ',
  'x',
  'é',
  '"',
  "'",
  ': ',
  '# ',
  '- ',
  '\t',
  '  \n',
  'Ω',
  '😀',
  '\\',
  '|',
  '>',
  '&a ',
  '*a',
  '!!str ',
];

const stepName = fc.constantFrom(...STEP_NAMES);
const field = fc.constantFrom(...FIELDS);

export const placeholder: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FIXED_PLACEHOLDERS),
  fc.tuple(stepName, field).map(([s, f]) => `{${s}.${f}}`),
  fc.tuple(stepName, stepName, field).map(([a, b, f]) => `{${a}/${b}.${f}}`),
  fc.tuple(stepName, field).map(([s, f]) => `{steps.${s}.${f}}`),
);

export const template: fc.Arbitrary<string> = fc
  .array(fc.oneof(placeholder, fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 7 })
  .map((parts) => parts.join(''));

const number = fc.oneof(fc.integer({ min: -3, max: 300 }), fc.double(), fc.constantFrom(0, 1, 2, 3.0, 2.5, 1e21));

export const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: template },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: stepName },
  { weight: 1, arbitrary: fc.constantFrom(...REFS) },
  { weight: 1, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** Any value: usually a scalar, sometimes a small list or mapping of scalars. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...ALL_KEYS, ...TYPO_KEYS), scalar, { maxKeys: 3 }) },
);

/** A mapping with a random, shuffled subset of `spec`'s keys, plus now and then a stray key. */
function mapOf(spec: Record<string, fc.Arbitrary<unknown>>, maxKeys = 6): fc.Arbitrary<Record<string, unknown>> {
  const stray = fc.option(fc.tuple(fc.constantFrom(...ALL_KEYS, ...TYPO_KEYS), anyValue), { freq: 6 });
  return fc
    .tuple(fc.shuffledSubarray(Object.keys(spec), { maxLength: Math.min(maxKeys, Object.keys(spec).length) }), stray)
    .chain(([keys, extra]) =>
      fc.tuple(...keys.map((k) => spec[k]!)).map((values) => {
        const out: Record<string, unknown> = {};
        keys.forEach((k, i) => (out[k] = values[i]));
        if (extra && !(extra[0] in out)) out[extra[0]] = extra[1];
        return out;
      }),
    );
}

/** `value` most of the time, any value otherwise (wrong shapes are part of the input space). */
const mostly = (value: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: anyValue });

const inputs = fc.dictionary(
  fc.constantFrom('spec', 'agent', 'query', 'diff', 'x', 'bad name', 'prompt', 'workflow', 'name'),
  mostly(template),
  { maxKeys: 3 },
);
const guard = mapOf(Object.fromEntries(GUARD_KEYS.map((k) => [k, scalar])));
const session = fc.oneof(fc.constant('new'), fc.record({ from: stepName }), anyValue);
const prompt = fc.oneof(
  { weight: 4, arbitrary: template },
  { weight: 1, arbitrary: fc.record({ file: fc.constantFrom('p.md', 'missing.md', '') }) },
  { weight: 1, arbitrary: anyValue },
);
const context = fc.array(
  fc.oneof(fc.record({ file: template }), fc.record({ bash: fc.constantFrom('make', '') }), anyValue),
  { maxLength: 3 },
);
const gateMap = fc.oneof(
  fc.record({ validate: fc.constantFrom(...REFS), agent: scalar }, { requiredKeys: ['validate'] }),
  fc.dictionary(fc.constantFrom('touched', 'untouched', 'coverage', 'bash', 'schema', 'scan', 'validate'), scalar, {
    minKeys: 1,
    maxKeys: 2,
  }),
);
const gate = fc.array(fc.oneof(fc.constantFrom(...WORDS), gateMap, anyValue), { maxLength: 4 });
const retryEntry = mapOf(
  { ...Object.fromEntries(RETRY_KEYS.map((k) => [k, scalar])), prompt: template, with: inputs },
  3,
);
const retry = fc.array(mostly(retryEntry), { maxLength: 4 });
const getBlock = mapOf({
  prompt,
  context,
  worktree: scalar,
  session,
  workflow: fc.constantFrom(...REFS),
  query: template,
  agent: scalar,
});
const runBlock = mapOf({ agent: scalar, guard: mostly(guard), hitl: scalar });

function stepArb(depth: number): fc.Arbitrary<unknown> {
  const children = depth > 0 ? fc.array(stepArb(depth - 1), { minLength: 0, maxLength: 3 }) : fc.constant([]);
  const spec: Record<string, fc.Arbitrary<unknown>> = {
    type: mostly(fc.constantFrom('code', 'split', 'validate', 'artifact', 'search', 'plan')),
    prompt,
    context: mostly(context),
    worktree: scalar,
    session,
    agent: mostly(fc.constantFrom('claude-haiku', 'claude-opus', 'pass', 'stub', '{x.agent}', 'nobody')),
    guard: mostly(guard),
    hitl: scalar,
    get: mostly(getBlock),
    run: mostly(runBlock),
    gate: mostly(gate),
    retry: mostly(retry),
    each: mostly(children),
    parallel: scalar,
    steps: mostly(children),
    with: mostly(inputs),
    workflow: fc.constantFrom(...REFS),
  };
  return fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: stepName }, { weight: 1, arbitrary: anyValue }),
      fc.boolean(),
      mapOf(spec, 7),
    )
    .map(([name, named, rest]) => (named ? { name, ...rest } : rest));
}

const workflowObject = mapOf(
  {
    name: mostly(fc.constantFrom('wf', 'tdd', '', 'two\nlines')),
    steps: mostly(fc.array(stepArb(2), { minLength: 0, maxLength: 5 })),
    max_budget: scalar,
    max_tokens: scalar,
    max_timeout: scalar,
  },
  5,
).map((o) => ({ name: 'wf', steps: [], ...o }));

const stringifyOptions = fc.record({
  indent: fc.constantFrom(2, 4),
  collectionStyle: fc.constantFrom('any', 'any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  defaultStringType: fc.constantFrom(
    'PLAIN',
    'PLAIN',
    'QUOTE_DOUBLE',
    'QUOTE_SINGLE',
    'BLOCK_LITERAL',
    'BLOCK_FOLDED',
  ) as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'>,
  lineWidth: fc.constantFrom(80, 0, 24),
  indentSeq: fc.boolean(),
});

/** Serialise with `yaml`, falling back to the defaults if an option combination is refused. */
export function toYaml(value: unknown, options: Parameters<typeof stringify>[2] = {}): string {
  try {
    return stringify(value, options as never);
  } catch {
    return stringify(value);
  }
}

const tomlText = fc
  .array(
    fc.constantFrom(
      '[validation]',
      'test_cmd = "make test"',
      'timeout = "10m"',
      'timeout = 10',
      '[models]',
      'haiku = "claude-haiku-4"',
      '[prices.x]',
      'input = -1',
      'bogus',
      '= 1',
      'a = [',
      '[error_context]',
      'max_error_chars = 10',
    ),
    { maxLength: 5 },
  )
  .map((lines) => lines.join('\n'));

/** (a) Random YAML-ish projects: a generated `workflow.yaml`, sometimes a callee, a validator, a prompt file, a gump.toml. */
export const yamlishCase: fc.Arbitrary<Case> = fc
  .record({
    main: fc.oneof({ weight: 12, arbitrary: workflowObject }, { weight: 1, arbitrary: anyValue }),
    style: stringifyOptions,
    sub: fc.option(workflowObject, { freq: 4 }),
    validator: fc.option(workflowObject, { freq: 6 }),
    promptFile: template,
    toml: fc.option(tomlText, { freq: 6 }),
    target: fc.constantFrom(undefined, undefined, 'github', 'gitlab') as fc.Arbitrary<CheckOptions['target']>,
    empty: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  })
  .map((r) => {
    const files: Record<string, string> = { [MAIN]: r.empty ? '' : toYaml(r.main, r.style), 'p.md': r.promptFile };
    if (r.sub) files['.gump/workflows/sub.yaml'] = toYaml(r.sub);
    if (r.validator) files['.gump/validators/v.yaml'] = toYaml(r.validator);
    if (r.toml !== null) files['gump.toml'] = r.toml;
    return { files, options: r.target ? { target: r.target } : {} };
  });

// ---------------------------------------------------------------- mutations of real workflows

export interface Base {
  /** Display name: `library/workflows/tdd.yaml`, `seeds/x.yaml`, `catalogue/GUMP104/wrong`. */
  name: string;
  text: string;
  validator: boolean;
  /** Project files the workflow needs beside it (catalogue examples). */
  files?: Record<string, string>;
  options?: CheckOptions;
}

/** The catalogue's `wrong` and `right` examples: minimal workflows around every code. */
export function catalogueBases(): Base[] {
  return catalogue.flatMap((e) =>
    (['wrong', 'right'] as const)
      .filter((side) => typeof e[side] === 'string' && e[side].trim() !== '')
      .map((side) => ({
        name: `catalogue/${e.code}/${side}`,
        text: e[side],
        validator: false,
        files: e.files ?? {},
        options: e.target ? { target: e.target } : {},
      })),
  );
}

/** The built-in library's workflows and arch-review validator, plus every YAML file under shared/seeds. */
export function loadBases(): Base[] {
  const root = libraryRoot();
  const bases: Base[] = [];
  const workflows = join(root, 'workflows');
  for (const f of readdirSync(workflows)
    .filter((x) => x.endsWith('.yaml'))
    .sort())
    bases.push({ name: `library/workflows/${f}`, text: readFileSync(join(workflows, f), 'utf8'), validator: false });
  bases.push({
    name: 'library/validators/arch-review.yaml',
    text: readFileSync(join(root, 'validators', 'arch-review.yaml'), 'utf8'),
    validator: true,
  });
  const seeds = join(root, '..', '..', 'shared', 'seeds');
  for (const path of yamlFilesUnder(seeds))
    bases.push({
      name: `seeds/${relative(seeds, path)}`,
      text: readFileSync(path, 'utf8'),
      validator: path.includes('validators'),
    });
  return bases;
}

function yamlFilesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const path = join(dir, n);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(n) ? [path] : [];
  });
}

export type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'indent'; line: number; delta: number; tab: boolean }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'token'; line: number; token: number; text: string };

const INSERTS = [
  '\n---\n',
  '\n...\n',
  'session: from: x',
  '{x.agent}',
  ':',
  '-',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '\t',
  '#',
  '\n',
  '&a',
  '*a',
  '!!str',
  '|',
  '>',
  '? ',
  '%',
  '@',
  '`',
  '\r',
  '\u00a0',
  '\ufeff',
  ': x',
  '- y',
  '{x.output}',
  '{{',
  '}}',
  '\n  - name: z\n',
  ': [',
  '\\',
];
const TOKEN_TEXTS = [...ALL_KEYS, ...WORDS, ...STEP_NAMES, ...FIXED_PLACEHOLDERS, '{x.output}', '{task.name}'];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate') as fc.Arbitrary<'delete' | 'duplicate'>, line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('indent' as const),
    line: fc.nat(),
    delta: fc.integer({ min: -4, max: 4 }),
    tab: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('token' as const),
    line: fc.nat(),
    token: fc.nat(),
    text: fc.constantFrom(...TOKEN_TEXTS),
  }),
);

/** Apply one mutation; indexes are taken modulo the text's size so every mutation applies. */
export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(m.line % n, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(m.line % n, 0, lines[m.line % n]!);
      return lines.join('\n');
    case 'swap': {
      const [i, j] = [m.line % n, m.other % n];
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = m.line % n;
      const line = lines[i]!;
      const body = line.trimStart();
      const width = Math.max(0, line.length - body.length + m.delta);
      lines[i] = (m.tab ? '\t' : ' '.repeat(width)) + body;
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'token': {
      const i = m.line % n;
      const tokens = [...lines[i]!.matchAll(/[A-Za-z_][A-Za-z0-9_./-]*|\d+(\.\d+)?/g)];
      if (tokens.length === 0) return text;
      const t = tokens[m.token % tokens.length]!;
      lines[i] = lines[i]!.slice(0, t.index) + m.text + lines[i]!.slice(t.index + t[0].length);
      return lines.join('\n');
    }
  }
}

const CALLER = 'name: caller\nsteps:\n  - name: call\n    workflow: m\n    with:\n      spec: "{spec}"\n';
const GATE_CALLER =
  'name: caller\nsteps:\n  - name: impl\n    type: code\n    agent: claude-haiku\n    prompt: "Do {spec}"\n    gate:\n      - validate: validators/m\n        agent: claude-opus\n';

/**
 * (b) Mutations of valid workflows (the library and seeds, half of the cases) and of the catalogue's
 * examples (the other half), checked directly or, for library files, as a callee.
 */
export function mutationCase(bases: Base[], examples: Base[] = catalogueBases()): fc.Arbitrary<Case> {
  const pick = (list: Base[]) => fc.nat({ max: list.length - 1 }).map((i) => list[i]!);
  return fc
    .record({
      base: examples.length ? fc.oneof(pick(bases), pick(examples)) : pick(bases),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      asCallee: fc.constantFrom(false, false, false, true),
      target: fc.constantFrom(undefined, undefined, undefined, 'github', 'gitlab') as fc.Arbitrary<
        CheckOptions['target']
      >,
    })
    .map(({ base: b, mutations, asCallee, target }) => {
      const text = mutations.reduce(applyMutation, b.text);
      const options: CheckOptions = target ? { target } : (b.options ?? {});
      if (!asCallee || b.files) return { files: { ...b.files, [MAIN]: text }, options };
      const path = b.validator ? '.gump/validators/m.yaml' : '.gump/workflows/m.yaml';
      return { files: { [MAIN]: b.validator ? GATE_CALLER : CALLER, [path]: text }, options };
    });
}

// ---------------------------------------------------------------- the property oracle

/**
 * Check a case and list every violated invariant (empty = the property holds): checking never
 * throws; each diagnostic has a catalogued code with its slug and severity, a message, and a
 * span inside the file it names (nested diagnostics inside their own file).
 */
export function checkCase(c: Case): string[] {
  return checkCaseDetailed(c).problems;
}

/** `checkCase`, also returning the diagnostics (for code statistics). */
export function checkCaseDetailed(c: Case): { problems: string[]; diagnostics: Diagnostic[] } {
  let diags: Diagnostic[];
  try {
    const host = new MemoryHost(c.files);
    const { results, configDiagnostics } = checkFiles(host, [host.source(MAIN)], c.options);
    diags = [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)];
  } catch (e) {
    return { problems: [`checker threw: ${(e as Error)?.stack ?? String(e)}`], diagnostics: [] };
  }
  const problems: string[] = [];
  const visit = (d: Diagnostic, path: string) => {
    problems.push(...diagnosticProblems(d, c.files).map((p) => `${path}: ${p}`));
    d.nested?.forEach((n, i) => visit(n, `${path} > nested[${i}] ${n.code}`));
  };
  diags.forEach((d, i) => visit(d, `diagnostic[${i}] ${d.code} ${d.file}:${d.span?.line}:${d.span?.col}`));
  return { problems, diagnostics: diags };
}

/** Text of a diagnostic's file: a project file, or a built-in (`builtin:x.yaml`, `builtin:validators/x.yaml`). */
function fileText(file: string, files: Record<string, string>): string | undefined {
  if (files[file] !== undefined) return files[file];
  const m = /^builtin:(validators\/)?(.+)\.yaml$/.exec(file);
  return m ? readBuiltin(m[2]!, m[1] ? 'validator' : 'workflow') : undefined;
}

export function diagnosticProblems(d: Diagnostic, files: Record<string, string>): string[] {
  const problems: string[] = [];
  const entry = lookupCode(d.code);
  if (!entry) problems.push(`code ${d.code} is not in the catalogue`);
  else {
    if (d.slug !== entry.slug) problems.push(`slug ${d.slug} differs from the catalogue's ${entry.slug}`);
    if (d.severity !== entry.severity)
      problems.push(`severity ${d.severity} differs from the catalogue's ${entry.severity}`);
    // An unfilled `{param}` is a bug, unless the input itself contains that text (it may be quoted).
    for (const p of [
      ...(entry.message.match(/\{[A-Za-z_]+\}/g) ?? []),
      ...(entry.hint?.match(/\{[A-Za-z_]+\}/g) ?? []),
    ])
      if ((d.message.includes(p) || d.hint?.includes(p)) && !Object.values(files).some((t) => t.includes(p)))
        problems.push(`message or hint keeps the unfilled placeholder ${p}`);
  }
  if (!['error', 'warning', 'note'].includes(d.severity)) problems.push(`severity ${String(d.severity)}`);
  if (typeof d.message !== 'string' || d.message.trim() === '') problems.push('empty message');
  const text = fileText(d.file, files);
  if (text === undefined) return [...problems, `file ${d.file} is not a file of the project or the library`];
  const s = d.span;
  if (!s) return [...problems, 'no span'];
  const lines = text.split('\n');
  const where = `${s.line}:${s.col}-${s.endLine}:${s.endCol} @${s.offset}-${s.endOffset}`;
  if (!(Number.isInteger(s.line) && s.line >= 1 && s.line <= lines.length))
    problems.push(`line out of range (${where}, ${lines.length} lines)`);
  else if (!(Number.isInteger(s.col) && s.col >= 1 && s.col <= lines[s.line - 1]!.length + 1))
    problems.push(`column out of range (${where}, line length ${lines[s.line - 1]!.length})`);
  if (!(s.endLine > s.line || (s.endLine === s.line && s.endCol >= s.col)))
    problems.push(`span ends before it starts (${where})`);
  if (!(s.offset >= 0 && s.offset <= s.endOffset && s.endOffset <= text.length))
    problems.push(`offsets out of range (${where}, length ${text.length})`);
  else {
    // `gump fix` edits by offset and the renderer points by line:column: both must name the same place.
    const at = (o: number) => {
      const before = text.slice(0, o);
      const line = before.split('\n').length;
      return `${line}:${o - before.lastIndexOf('\n')}`;
    };
    if (at(s.offset) !== `${s.line}:${s.col}`)
      problems.push(`start ${s.line}:${s.col} is not at offset ${s.offset} (${at(s.offset)})`);
    if (at(s.endOffset) !== `${s.endLine}:${s.endCol}`)
      problems.push(`end ${s.endLine}:${s.endCol} is not at offset ${s.endOffset} (${at(s.endOffset)})`);
  }
  for (const e of d.fix?.edits ?? [])
    if (!(e.offset >= 0 && e.offset <= e.endOffset && e.endOffset <= text.length))
      problems.push(`fix edit ${e.offset}-${e.endOffset} outside the file (length ${text.length})`);
  return problems;
}

// ---------------------------------------------------------------- a realistic large workflow

/** Deterministic pseudo-random numbers (mulberry32) for the workflow generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A clean workflow of about `count` steps (children of splits and groups counted): code steps whose
 * prompts reference earlier steps, gate-only steps, retries, splits with `each:`, parallel groups.
 */
export function generateWorkflow(count: number, seed = 1): string {
  const rand = prng(seed);
  const earlier: string[] = [];
  const pick = () => earlier[Math.floor(rand() * earlier.length)];
  const refs = () =>
    earlier.length ? `Build on {${earlier[earlier.length - 1]}.output} and {${pick()}.output}.` : 'Start.';
  const out: string[] = [`name: generated-${count}`, 'max_budget: 500', 'max_timeout: 48h', '', 'steps:'];
  let made = 0;
  for (let i = 0; made < count; i++) {
    const name = `s${i}`;
    const shape = i % 8;
    if (shape === 3) {
      out.push(`  - name: ${name}`, '    gate: [compile, lint]');
      made += 1;
      continue; // a gate-only step has no output to reference
    } else if (shape === 5 && count - made >= 4) {
      out.push(
        `  - name: ${name}`,
        '    type: split',
        '    agent: claude-opus',
        '    prompt: |',
        `      Plan the next part of {spec}. ${refs()}`,
        '    gate: [schema]',
        '    each:',
        `      - name: ${name}-impl`,
        '        type: code',
        '        agent: claude-haiku',
        '        prompt: |',
        '          Task {task.name}: {task.description}',
        `          Files: {task.files}. Plan: {${name}.output}`,
        '        gate: [compile, test, { touched: "src/**" }]',
        '        retry:',
        '          - attempt: 2',
        '            prompt: "Fix {error} in {task.name}"',
        '          - exit: 3',
        `      - name: ${name}-check`,
        '        type: code',
        '        agent: claude-haiku',
        `        session: { from: ${name}-impl }`,
        `        prompt: "Review {${name}-impl.output} for {task.name}"`,
        '        gate: [test]',
        `      - name: ${name}-gate`,
        '        gate: [lint]',
      );
      made += 4;
    } else if (shape === 7 && count - made >= 3) {
      out.push(
        `  - name: ${name}`,
        '    parallel: true',
        '    steps:',
        `      - { name: arch, type: validate, agent: claude-opus, prompt: "Review the architecture of {spec}. ${refs()}" }`,
        '      - { name: sec, type: validate, agent: claude-sonnet, prompt: "Review the security of {spec}" }',
      );
      made += 3;
      earlier.push(`${name}/arch`);
      continue;
    } else {
      const agent = rand() < 0.5 ? 'claude-haiku' : 'claude-sonnet';
      out.push(
        `  - name: ${name}`,
        '    type: code',
        `    agent: ${agent}`,
        '    prompt: |',
        `      Implement step ${i} of {spec}.`,
        `      ${refs()}`,
        '    guard: { max_turns: 40, max_time: 30m }',
        '    gate: [compile, test]',
        '    retry:',
        '      - attempt: 2',
        '        agent: claude-opus',
        '        session: new',
        '      - exit: 3',
      );
      made += 1;
    }
    earlier.push(name);
  }
  return `${out.join('\n')}\n`;
}
