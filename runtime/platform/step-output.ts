// Step outputs of a GitHub Actions job: `name=value` lines appended to the file named by
// GITHUB_OUTPUT (nothing when it is not set, e.g. locally). Values are single-line.

import { appendFileSync } from 'node:fs';

export function appendStepOutputs(
  env: Record<string, string | undefined>,
  outputs: Record<string, string | number>,
): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(
    file,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${String(v).replace(/[\r\n]+/g, ' ')}\n`)
      .join(''),
  );
}
