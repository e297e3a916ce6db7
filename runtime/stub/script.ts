// Stub scripts (language.md §21): read `.gump/stub.yaml` (YAML 1.2 core schema) and validate it
// strictly into a StubScript. A malformed script is fatal before the first step: StubScriptError
// carries one line naming the file, the YAML line, the rule index and the problem.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { closest } from '../../protocol/did-you-mean.js';
import { durationMs as parseDuration } from '../../protocol/duration.js';
import { globProblem } from './match.js';
import type { FileText, StubReplace, StubResponse, StubRule, StubScript, StubTokens } from './types.js';
import { defaultResponse, StubScriptError } from './types.js';
import { relPathProblem } from './rel-path.js';

export { StubScriptError } from './types.js';
export { relPathProblem } from './rel-path.js';

const ROOT_KEYS = ['version', 'rules'];
const RULE_KEYS = ['match', 'agent', 'attempts'];
export const RESPONSE_KEYS = [
  'write',
  'append',
  'replace',
  'delete',
  'plan',
  'validate',
  'artifact',
  'out',
  'exit_code',
  'stdout',
  'stderr',
  'turns',
  'tokens',
  'cost',
  'delay',
] as const;
const TOKEN_KEYS = ['in', 'out', 'cache_read', 'cache_write'];
const REPLACE_KEYS = ['file', 'find', 'with'];
const VALIDATE_KEYS = ['pass', 'comments'];

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

export function loadStubScript(path: string): StubScript {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StubScriptError(
      `${path}: cannot read the stub script (${code === 'ENOENT' ? 'file not found' : (code ?? (e as Error).message)})`,
    );
  }
  return parseStubScript(text, path);
}

export function parseStubScript(text: string, file: string): StubScript {
  const lc = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true, lineCounter: lc });
  const err = doc.errors[0];
  if (err) {
    const line = lc.linePos(err.pos[0]).line;
    const why =
      err.code === 'MULTIPLE_DOCS' ? 'a stub script holds exactly one YAML document' : err.message.split('\n')[0];
    throw new StubScriptError(`${file}:${line}: invalid YAML: ${why}`);
  }
  const c: Checker = new Checker(file, doc, lc);
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    c.fail([], `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObj(root)) c.fail([], `expected a mapping with "version: 1" and "rules", got ${kind(root)}`);
  c.keys(root, ROOT_KEYS, []);
  if (!('version' in root)) c.fail([], 'missing "version: 1"');
  if (root.version !== 1) c.fail(['version'], `unsupported version ${JSON.stringify(root.version)} (expected 1)`);
  if (!('rules' in root)) c.fail([], 'missing "rules" (a list of rules)');
  const rules = c.list(root.rules, ['rules']);
  return { file, rules: rules.map((r, i) => parseRule(c, r, i)) };
}

function parseRule(c: Checker, v: unknown, index: number): StubRule {
  const path: Path = ['rules', index];
  const r = c.map(v, path);
  c.keys(r, [...RULE_KEYS, ...RESPONSE_KEYS], path);
  if (!('match' in r)) c.fail(path, 'missing "match" (a step-path glob)');
  const match = c.str(r.match, [...path, 'match']);
  const problem = globProblem(match);
  if (problem) c.fail([...path, 'match'], problem);
  const rule: StubRule = { index, match, attempts: [] };
  if ('agent' in r) {
    const agent = c.str(r.agent, [...path, 'agent']);
    if (agent === '' || /\s/.test(agent)) c.fail([...path, 'agent'], `invalid agent name ${JSON.stringify(agent)}`);
    rule.agent = agent;
  }
  const direct = Object.keys(r).filter((k) => !RULE_KEYS.includes(k));
  if ('attempts' in r) {
    if (direct.length > 0)
      c.fail(path, `"${direct[0]}" cannot sit beside "attempts": put response keys inside the attempts entries`);
    const list = c.list(r.attempts, [...path, 'attempts']);
    if (list.length === 0) c.fail([...path, 'attempts'], 'must list at least one response');
    rule.attempts = list.map((a, i) => parseResponse(c, c.map(a, [...path, 'attempts', i]), [...path, 'attempts', i]));
  } else {
    rule.attempts = [parseResponse(c, r, path)];
  }
  return rule;
}

function parseResponse(c: Checker, r: Obj, path: Path): StubResponse {
  const at = (k: string): Path => [...path, k];
  if (path[path.length - 2] === 'attempts') c.keys(r, RESPONSE_KEYS, path);
  const res = defaultResponse();
  if ('write' in r) res.write = c.fileTexts(r.write, at('write'));
  if ('append' in r) res.append = c.fileTexts(r.append, at('append'));
  if ('replace' in r)
    res.replace = c.list(r.replace, at('replace')).map((e, i) => parseReplace(c, e, [...at('replace'), i]));
  if ('delete' in r) res.delete = c.list(r.delete, at('delete')).map((p, i) => c.relPath(p, [...at('delete'), i]));
  if ('plan' in r) {
    const plan = c.list(r.plan, at('plan'));
    plan.forEach(
      (t, i) =>
        isObj(t) ||
        c.fail([...at('plan'), i], `must be a task mapping, got ${kind(t)} (use "out" for malformed plans)`),
    );
    res.plan = plan;
  }
  if ('validate' in r) {
    const v = c.map(r.validate, at('validate'));
    c.keys(v, VALIDATE_KEYS, at('validate'));
    if (typeof v.pass !== 'boolean') c.fail(at('validate'), `"pass" must be true or false, got ${kind(v.pass)}`);
    res.validate = { pass: v.pass };
    if ('comments' in v) res.validate.comments = c.str(v.comments, [...at('validate'), 'comments']);
  }
  if ('artifact' in r) res.artifact = c.str(r.artifact, at('artifact'));
  if ('out' in r) res.out = c.fileTexts(r.out, at('out'));
  if ('exit_code' in r) res.exitCode = c.int(r.exit_code, at('exit_code'), 0, 255);
  if ('stdout' in r) res.stdout = c.str(r.stdout, at('stdout'));
  if ('stderr' in r) res.stderr = c.str(r.stderr, at('stderr'));
  if ('turns' in r) res.turns = c.int(r.turns, at('turns'), 1, 100_000);
  if ('tokens' in r) res.tokens = parseTokens(c, r.tokens, at('tokens'));
  if ('cost' in r) {
    if (typeof r.cost !== 'number' || !Number.isFinite(r.cost) || r.cost < 0)
      c.fail(at('cost'), `must be a number ≥ 0 (USD), got ${kind(r.cost)}`);
    res.cost = r.cost;
  }
  if ('delay' in r) res.delayMs = c.duration(r.delay, at('delay'));
  return res;
}

function parseReplace(c: Checker, v: unknown, path: Path): StubReplace {
  const e = c.map(v, path);
  c.keys(e, REPLACE_KEYS, path);
  for (const k of REPLACE_KEYS)
    if (!(k in e)) c.fail(path, `missing "${k}" (a replace entry needs file, find and with)`);
  const find = c.str(e.find, [...path, 'find']);
  if (find === '') c.fail([...path, 'find'], 'must not be empty');
  return { file: c.relPath(e.file, [...path, 'file']), find, with: c.str(e.with, [...path, 'with']) };
}

function parseTokens(c: Checker, v: unknown, path: Path): StubTokens {
  const t = c.map(v, path);
  c.keys(t, TOKEN_KEYS, path);
  const n = (k: string) => (k in t ? c.int(t[k], [...path, k], 0, Number.MAX_SAFE_INTEGER) : 0);
  return { in: n('in'), out: n('out'), cacheRead: n('cache_read'), cacheWrite: n('cache_write') };
}

/** Validation helpers bound to one document, for messages with line numbers. */
class Checker {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lc: LineCounter,
  ) {}

  fail(path: Path, problem: string): never {
    const line = this.lineOf(path);
    const where = path.length > 0 ? ` ${formatPath(path)}:` : '';
    throw new StubScriptError(`${this.file}${line !== undefined ? `:${line}` : ''}:${where} ${problem}`);
  }

  map(v: unknown, path: Path): Obj {
    if (!isObj(v)) this.fail(path, `must be a mapping, got ${kind(v)}`);
    return v;
  }

  list(v: unknown, path: Path): unknown[] {
    if (!Array.isArray(v)) this.fail(path, `must be a list, got ${kind(v)}`);
    return v;
  }

  str(v: unknown, path: Path): string {
    if (typeof v !== 'string') this.fail(path, `must be a string, got ${kind(v)}`);
    return v;
  }

  int(v: unknown, path: Path, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(path, `must be an integer, got ${kind(v)}`);
    if (v < min || v > max) this.fail(path, `must be between ${min} and ${max}, got ${v}`);
    return v;
  }

  duration(v: unknown, path: Path): number {
    const ms = typeof v === 'string' ? durationMs(v) : undefined;
    if (ms === undefined)
      this.fail(
        path,
        `must be a duration such as 300ms, 2s, 1m30s (got ${typeof v === 'string' ? JSON.stringify(v) : kind(v)})`,
      );
    return ms;
  }

  keys(o: Obj, allowed: readonly string[], path: Path): void {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      const hint = closest(k, allowed);
      this.fail(
        [...path, k],
        `unknown key "${k}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${allowed.join(', ')}`,
      );
    }
  }

  /** A path relative to a directory that stays inside it (no absolute path, no escaping `..`). */
  relPath(v: unknown, path: Path): string {
    const p = this.str(v, path);
    const problem = relPathProblem(p);
    if (problem) this.fail(path, problem);
    return p;
  }

  fileTexts(v: unknown, path: Path): FileText[] {
    const m = this.map(v, path);
    return Object.entries(m).map(([p, text]) => ({
      path: this.relPath(p, [...path, p]),
      text: this.str(text, [...path, p]),
    }));
  }

  private lineOf(path: Path): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return this.lc.linePos(range[0]).line;
    }
    return undefined;
  }
}

/** Milliseconds of a duration (language.md §2.1: `90s`, `1h30m`, `1.5h`, total > 0), or undefined. */
export function durationMs(s: string): number | undefined {
  const ms = parseDuration(s);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

function formatPath(path: Path): string {
  return path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p)
          ? `${i === 0 ? '' : '.'}${p}`
          : `[${JSON.stringify(p)}]`,
    )
    .join('');
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}
