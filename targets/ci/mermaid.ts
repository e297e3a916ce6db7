// CI targets, shared: a job graph as a Mermaid flowchart (`gump graph`). Nodes are jobs (a matrix
// is one node, approval jobs are hexagons, share jobs dotted), edges are needs; the report job,
// which needs every job, is drawn once after the last block.

import type { CiGraph, CiJob } from './job-graph.js';

export function renderMermaid(graph: CiGraph, label: (job: CiJob) => string = (j) => j.id): string {
  const node = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, '_');
  const lines = ['flowchart TD'];
  for (const j of graph.jobs) {
    const text = `${label(j)}<br/>${j.title}${j.matrix ? ' ×N' : ''}`.replace(/"/g, '#quot;');
    const shape =
      j.role === 'approval'
        ? `{{"${text}"}}`
        : j.matrix
          ? `[["${text}"]]`
          : j.role === 'share'
            ? `>"${text}"]`
            : `["${text}"]`;
    lines.push(`  ${node(j.id)}${shape}`);
  }
  for (const j of graph.jobs) {
    if (j.role === 'report') continue;
    // A share or approval job runs when the job it continues waits; its other needs (a task slot's
    // planner, for the task's name) are plain edges.
    for (const n of j.needs)
      lines.push(
        `  ${node(n)} ${j.when.kind === 'waiting' && j.when.job === n ? '-. waiting .->' : '-->'} ${node(j.id)}`,
      );
  }
  const report = graph.jobs.find((j) => j.role === 'report');
  const last = graph.jobs.filter((j) => j.role !== 'report' && j.role !== 'share').at(-1);
  if (report && last) lines.push(`  ${node(last.id)} -. always .-> ${node(report.id)}`);
  return `${lines.join('\n')}\n`;
}
