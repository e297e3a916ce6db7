// Handlebars helpers of the Markdown report templates (templates/*.md.hbs), all in one place:
// number, money, token and duration formatting, statuses, Markdown table-cell escaping, code.

import type { Hbs } from './handlebars.js';

export type { Hbs };

/** Inline text from the run (spec line, failure reason): angle brackets as entities, so it never opens HTML (a stray `</details>`), one line. */
export function inline(v: unknown): string {
  return String(v ?? '')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** A Markdown table cell: pipes escaped, newlines folded, angle brackets as entities, so a value never breaks the table. */
export function cell(v: unknown): string {
  return inline(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
}

/** A cost cell: `dollars`, an estimated amount marked `*` (explained under the totals). */
export function money(v: unknown, estimated?: unknown): string {
  return `${dollars(v)}${estimated === true ? '*' : ''}`;
}

/** Inline code usable in a table cell: a fence longer than any backtick run inside, pipes escaped. */
export function code(v: unknown): string {
  const text = String(v ?? '').replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${f}${pad}${text.replace(/\|/g, '\\|')}${pad}${f}`;
}

const STATUS_ICONS: Record<string, string> = {
  pass: '✅',
  fatal: '❌',
  fail: '❌',
  guard_failed: '❌',
  waiting: '⏸️',
  aborted: '⛔',
  running: '▶️',
  interrupted: '⚠️',
};

/** A status with its icon (`✅ pass`): readable at a glance on GitHub and GitLab alike. */
export function status(v: unknown): string {
  const s = cell(v);
  const icon = STATUS_ICONS[s];
  return icon ? `${icon} ${s}` : s;
}

/**
 * US dollars with the precision a reader needs: cents from $1 (`$12.34`), a tenth of a cent below
 * (`$0.071`), two significant digits under a cent (`$0.0042`), `<$0.0001` below that, `$0.00` for nothing.
 */
export function dollars(v: unknown): string {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 0;
  if (n === 0) return '$0.00';
  if (n >= 1) return `$${n.toFixed(2)}`;
  if (n >= 0.01) return `$${n.toFixed(3)}`;
  if (n < 0.0001) return '<$0.0001';
  return `$${Number(n.toPrecision(2))}`;
}

/** Token counts for people: `950`, `12.4k`, `3.1M`. */
export function tokens(v: unknown): string {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 0;
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** `0.4s`, `12.3s`, `3m 04s`, `1h 02m`. */
export function duration(v: unknown): string {
  const ms = typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 0;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Lines in a fenced code block whose fence is longer than any backtick run inside. */
export function fence(lines: unknown): string {
  const text = Array.isArray(lines) ? lines.join('\n') : String(lines ?? '');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}text\n${text}\n${f}`;
}

export function registerHelpers(hbs: Hbs): void {
  hbs.registerHelper('cell', (v: unknown) => cell(v));
  hbs.registerHelper('inline', (v: unknown) => inline(v));
  // Handlebars passes its options object last: only a real boolean marks an estimate.
  hbs.registerHelper('money', (v: unknown, estimated: unknown) => money(v, estimated));
  hbs.registerHelper('tokens', (v: unknown) => tokens(v));
  hbs.registerHelper('code', (v: unknown) => code(v));
  hbs.registerHelper('status', (v: unknown) => status(v));
  hbs.registerHelper('isNumber', (v: unknown) => typeof v === 'number');
  hbs.registerHelper('duration', (v: unknown) => duration(v));
  hbs.registerHelper('fence', (v: unknown) => fence(v));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('join', (v: unknown, sep: unknown) =>
    Array.isArray(v) ? v.join(typeof sep === 'string' ? sep : ', ') : '',
  );
}
