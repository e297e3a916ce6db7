// Codex adapter (agents.md §5, checked against 0.169.0): `codex exec --json`, every option before
// `resume`, `-m` repeated on resume, state in CODEX_HOME; turns, budget and timeout are emulated.
import { basename, join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import { hostEnvOf, isUuid, listFiles, modelFor, promptNeedsStdin, type AdapterOptions } from './adapter-kit.js';
import { createCodexParser } from './codex-stream.js';

export function codexAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'codex',
    bin: 'codex',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const viaStdin = promptNeedsStdin(req.prompt) || req.prompt.startsWith('-');
      const args = ['exec', '--json', '-s', 'workspace-write', '-C', req.cwd, '--skip-git-repo-check'];
      // Resume does not keep the model: pass -m again (it must precede `resume` like -C and -s).
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('-m', model);
      args.push('-c', 'approval_policy=never');
      if (req.resumeSessionId !== undefined) args.push('resume', req.resumeSessionId);
      args.push(viaStdin ? '-' : req.prompt);
      const env = { ...passAuthEnv('codex', hostEnvOf(req)), CODEX_HOME: req.stateDir };
      return { bin: 'codex', args, env, stdin: viaStdin ? { text: req.prompt } : 'ignore', emulated: ['maxTurns', 'budget', 'timeout'] };
    },
    createParser: createCodexParser,
    isResumableId: isUuid,
    async sessionArtifacts({ stateDir, sessionId }) {
      // sessions/YYYY/MM/DD/rollout-<ts>-<thread_id>.jsonl; resume by id needs only sessions/.
      const files = await listFiles(join(stateDir, 'sessions'));
      return files.filter((f) => basename(f).startsWith('rollout-') && basename(f).endsWith(`-${sessionId}.jsonl`));
    },
  };
}
