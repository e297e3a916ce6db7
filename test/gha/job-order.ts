// Job order from `needs`: a topological order that keeps the workflow file's order among jobs that
// are ready together (deterministic; jobs run one at a time). Also each job's ancestors and
// dependents, for job-level status functions and re-runs.

export interface JobNode {
  id: string;
  needs: string[];
}

export function orderJobs(jobs: JobNode[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < jobs.length) {
    const next = jobs.find((j) => !done.has(j.id) && j.needs.every((n) => done.has(n)));
    if (next === undefined)
      throw new Error(
        `jobs have a dependency cycle: ${jobs
          .filter((j) => !done.has(j.id))
          .map((j) => j.id)
          .join(', ')}`,
      );
    done.add(next.id);
    order.push(next.id);
  }
  return order;
}

export function ancestors(jobs: JobNode[], id: string): string[] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const seen = new Set<string>();
  const stack = [...(byId.get(id)?.needs ?? [])];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(byId.get(n)?.needs ?? []));
  }
  return [...seen];
}

export function dependents(jobs: JobNode[], ids: Iterable<string>): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const j of jobs) {
      if (!out.has(j.id) && j.needs.some((n) => out.has(n))) {
        out.add(j.id);
        grew = true;
      }
    }
  }
  return out;
}
