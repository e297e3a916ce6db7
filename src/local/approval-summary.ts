// What a waiting run asks a person to approve, printed by `gump run`/`approve` when the run stops
// at an approval point: the changes on the run branch so far (diffstat) and the gate results of the
// attempt it waits in. Pure text from the report view (runtime/run/summary-view.ts).

import type { SummaryView } from '../../runtime/run/summary-view.js';

/** Files listed in the terminal; the rest are counted. */
const MAX_LISTED = 10;

export function renderApprovalSummary(view: SummaryView): string {
  const o = view.outcome;
  if (o.kind !== 'waiting') return '';
  const lines = [`Waiting for approval at ${o.step} (${o.point}, attempt ${o.attempt}).`];
  const f = view.files;
  if (!f) lines.push(`  changes: see branch ${view.branch}`);
  else if (f.count === 0) lines.push('  changes so far: none');
  else {
    lines.push(`  changes so far: ${f.count} file${f.count === 1 ? '' : 's'}, +${f.added} −${f.removed}`);
    const listed = f.list.slice(0, MAX_LISTED);
    const width = Math.max(...listed.map((x) => x.path.length));
    for (const x of listed)
      lines.push(`    ${x.path.padEnd(width)}  ${x.added === undefined ? 'binary' : `+${x.added} −${x.removed ?? 0}`}`);
    if (f.count > listed.length)
      lines.push(`    … and ${f.count - listed.length} more (gump report ${view.runId} --format markdown)`);
  }
  const gates = o.gates ?? [];
  lines.push(
    gates.length === 0
      ? '  gates: not run yet (they run after approval)'
      : `  gates: ${gates.map((g) => `${g.name} ${g.status === 'fail' ? '✗' : g.status === 'skipped' ? '–' : '✓'}`).join('  ')}`,
  );
  return `${lines.join('\n')}\n`;
}
