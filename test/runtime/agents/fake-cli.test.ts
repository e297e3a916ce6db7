// The fake CLIs reject what the pinned CLIs reject (agents.md §15.2), so adapter regressions
// surface as the real failure: the same message and exit code.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSandbox } from './helpers.js';

const sb = makeSandbox();
afterAll(() => sb.cleanup());
const run = (cli: string, args: string[]) => {
  const r = spawnSync(`${sb.bin}/${cli}`, args, {
    cwd: sb.cwd,
    env: { ...sb.hostEnv, CODEX_HOME: sb.stateDir('codex') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, stderr: r.stderr };
};

describe('fake CLIs fail like the pinned versions', () => {
  it.each([
    ['codex', ['exec', '--json', '--full-auto', 'x'], 2, "unexpected argument '--full-auto' found"],
    ['codex', ['exec', '--json', 'resume', 'id', '-C', '/tmp', 'x'], 2, "unexpected argument '-C' found"],
    ['codex', ['exec', '--json', 'resume', 'id', '-s', 'workspace-write', 'x'], 2, "unexpected argument '-s' found"],
    ['claude', ['-p', 'x', '--output-format', 'stream-json'], 1, 'requires --verbose'],
    ['claude', ['-p', 'x', '--max-turnz', '3'], 1, "unknown option '--max-turnz'"],
    ['gemini', ['-p', 'x', '--output-format', 'stream-json', '--yolo'], 55, 'not running in a trusted directory'],
    ['cursor-agent', ['-p', '--output-format', 'stream-json', 'x'], 1, 'Workspace Trust Required'],
    [
      'qwen',
      ['--output-format', 'stream-json', '--allowed-tools', 'read_file', 'edit', 'Fix the bug'],
      1,
      'No input provided',
    ],
    ['claude', ['-p', '--allowedTools', 'Bash', 'Fix the bug'], 1, 'Input must be provided'],
  ] as const)('%s %j → exit %i', (cli, args, code, message) => {
    const r = run(cli, [...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
