// Sessions across CI jobs (agents.md §12): a session created in one process, archived with
// sessionArtifacts (never credentials), restored into a fresh state dir and resumed by another
// process; resume without the transcript fails with the CLI's own error.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../runtime/agents/registry.js';
import { CREDENTIAL_FILES } from '../../../runtime/agents/adapter-kit.js';
import { runAgent } from '../../../runtime/agents/spawn.js';
import { makeSandbox, type Sandbox } from './helpers.js';

let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

/** Copies archived files from one state dir to another at the same relative place. */
function restore(files: string[], from: string, to: string): string[] {
  return files.map((f) => {
    const dest = join(to, relative(from, f));
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(f, dest);
    return dest;
  });
}

const CREDENTIALS: Record<string, string[]> = {
  claude: ['.credentials.json'],
  codex: ['auth.json'],
  gemini: ['.gemini/oauth_creds.json', '.gemini/google_accounts.json'],
  qwen: ['settings.json', 'oauth_creds.json'],
  opencode: ['opencode/auth.json', 'opencode/opencode.db'],
  cursor: [],
};

describe.each(['claude', 'codex', 'gemini', 'qwen', 'opencode', 'cursor'])('%s', (provider) => {
  it('archives a session without credentials and resumes it in a fresh state dir', async () => {
    const adapter = adapterFor(provider)!;
    const job1 = join(sb.root, 'job1');
    const first = await runAgent({ adapter, request: sb.request(provider, { stateDir: job1 }) });
    expect(first).toMatchObject({ isError: false, resultText: 'history=1' });
    const id = first.sessionId!;
    expect(adapter.isResumableId(id)).toBe(true);
    for (const c of CREDENTIALS[provider]!) expect(existsSync(join(job1, c)), c).toBe(true);

    const archive = await adapter.sessionArtifacts({ stateDir: job1, cwd: sb.cwd, sessionId: id, hostEnv: sb.hostEnv });
    expect(archive.length).toBeGreaterThan(0);
    for (const f of archive) {
      expect(f.startsWith(`${job1}/`)).toBe(true);
      expect(CREDENTIAL_FILES.has(basename(f)), f).toBe(false);
    }

    const job2 = join(sb.root, 'job2');
    const restored = restore(archive, job1, job2);
    if (adapter.importSession)
      for (const f of restored) await adapter.importSession({ stateDir: job2, file: f, hostEnv: sb.hostEnv });
    const second = await runAgent({ adapter, request: sb.request(provider, { stateDir: job2, resumeSessionId: id }) });
    expect(second).toMatchObject({ isError: false, sessionId: id, resultText: 'history=2' });
    for (const c of CREDENTIALS[provider]!) expect(restored).not.toContain(join(job2, c));
  });
});

describe('resume failures', () => {
  const RESUME_ERRORS: Array<[string, string, RegExp]> = [
    ['claude', '0d7c2e8a-1111-4a2b-9c3d-00000000abcd', /No conversation found with session ID/],
    ['codex', '0199a213-81c0-7800-8aa1-bbab2a03abcd', /no rollout found for thread id/],
    ['gemini', '5f0c8f8e-2222-4b1a-8c7d-00000000abcd', /No previous sessions found for this project/],
    ['qwen', '7a1b2c3d-3333-4c2d-8e9f-00000000abcd', /No saved session found with ID/],
    ['opencode', 'ses_missing', /Session not found/],
  ];
  it.each(RESUME_ERRORS)('%s: a missing transcript fails with the CLI error', async (provider, id, message) => {
    const r = await runAgent({
      adapter: adapterFor(provider)!,
      request: sb.request(provider, { resumeSessionId: id }),
    });
    expect(r.isError).toBe(true);
    expect(`${r.errorMessage}\n${r.stderrTail}`).toMatch(message);
  });

  it('qwen and gemini sessions resume only from the same absolute cwd', async () => {
    for (const provider of ['qwen', 'gemini']) {
      const adapter = adapterFor(provider)!;
      const first = await runAgent({ adapter, request: sb.request(provider) });
      const other = join(sb.root, 'elsewhere');
      mkdirSync(other, { recursive: true });
      const r = await runAgent({
        adapter,
        request: sb.request(provider, { cwd: other, resumeSessionId: first.sessionId! }),
      });
      expect(r.isError, provider).toBe(true);
      expect(
        await adapter.sessionArtifacts({ stateDir: sb.stateDir(provider), cwd: other, sessionId: first.sessionId! }),
      ).toEqual(provider === 'qwen' ? [] : expect.any(Array));
    }
  });

  it('rejects ids of another provider', () => {
    expect(adapterFor('opencode')!.isResumableId('0d7c2e8a-1111-4a2b-9c3d-000000000001')).toBe(false);
    expect(adapterFor('claude')!.isResumableId('ses_abc')).toBe(false);
    expect(adapterFor('claude')!.isResumableId('stub-impl-1')).toBe(false);
  });
});
