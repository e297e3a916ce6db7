// buildInvocation of every adapter: exact argv, env (auth passthrough of the provider only, state
// relocation, IS_SANDBOX as root), stdin use, emulated limits and extra files (agents.md §3-§9).
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../runtime/agents/registry.js';
import type { AgentRunRequest } from '../../../runtime/agents/types.js';

const host = {
  PATH: '/usr/bin',
  ANTHROPIC_API_KEY: 'a',
  OPENAI_API_KEY: 'o',
  GEMINI_API_KEY: 'g',
  CURSOR_API_KEY: 'c',
  OPENCODE_CONFIG_CONTENT: '{"theme":"x"}',
  GITHUB_TOKEN: 'gh',
};
const base: Omit<AgentRunRequest, 'agent'> = {
  prompt: 'Do it',
  cwd: '/builds/acme/app',
  stateDir: '/st',
  hostEnv: host,
  isRoot: false,
};
const build = (agent: string, extra: Partial<AgentRunRequest> = {}) =>
  adapterFor(agent)!.buildInvocation({ ...base, agent, ...extra });

describe('claude', () => {
  it('builds the print-mode stream-json call with native limits and a preset session id', () => {
    const inv = build('claude-opus', { maxTurns: 30, maxBudgetUsd: 2.5, newSessionId: 'u1' });
    expect(inv.bin).toBe('claude');
    expect(inv.args).toEqual([
      '-p',
      'Do it',
      '--output-format',
      'stream-json',
      '--verbose',
      '--model',
      'opus',
      '--max-turns',
      '30',
      '--max-budget-usd',
      '2.5',
      '--permission-mode',
      'acceptEdits',
      '--allowedTools',
      'Bash,Read,Write,Edit,Glob,Grep',
      '--session-id',
      'u1',
    ]);
    expect(inv.env).toEqual({ ANTHROPIC_API_KEY: 'a', CLAUDE_CONFIG_DIR: '/st' });
    expect(inv.stdin).toBe('ignore');
    expect(inv.emulated).toEqual(['timeout']);
  });
  it('resumes instead of presetting, omits the model for the bare name, sets IS_SANDBOX as root', () => {
    const inv = build('claude', { resumeSessionId: 'u0', newSessionId: 'u1', isRoot: true });
    expect(inv.args).not.toContain('--model');
    expect(inv.args.slice(-2)).toEqual(['--resume', 'u0']);
    expect(inv.args).not.toContain('--session-id');
    expect(inv.env.IS_SANDBOX).toBe('1');
  });
  it('sends a prompt over 128 KiB or starting with "-" on stdin', () => {
    const big = 'x'.repeat(128 * 1024);
    const inv = build('claude', { prompt: big });
    expect(inv.args[0]).toBe('-p');
    expect(inv.args[1]).toBe('--output-format');
    expect(inv.stdin).toEqual({ text: big });
    expect(build('claude', { prompt: '- list' }).stdin).toEqual({ text: '- list' });
  });
});

describe('codex', () => {
  it('puts every option before the prompt and keeps secrets of other providers out', () => {
    const inv = build('codex-gpt54', { maxTurns: 5, maxBudgetUsd: 1 });
    expect(inv.args).toEqual([
      'exec',
      '--json',
      '-s',
      'workspace-write',
      '-C',
      '/builds/acme/app',
      '--skip-git-repo-check',
      '-m',
      'gpt-5.4',
      '-c',
      'approval_policy=never',
      'Do it',
    ]);
    expect(inv.env).toEqual({ OPENAI_API_KEY: 'o', CODEX_HOME: '/st' });
    expect(inv.emulated).toEqual(['maxTurns', 'budget', 'timeout']);
  });
  it('resumes with options (and -m again) before `resume`, prompt from stdin when large', () => {
    const inv = build('codex-gpt-5.5', { resumeSessionId: 'th1', prompt: 'y'.repeat(200_000) });
    expect(inv.args).toEqual([
      'exec',
      '--json',
      '-s',
      'workspace-write',
      '-C',
      '/builds/acme/app',
      '--skip-git-repo-check',
      '-m',
      'gpt-5.5',
      '-c',
      'approval_policy=never',
      'resume',
      'th1',
      '-',
    ]);
    expect(inv.stdin).not.toBe('ignore');
  });
});

describe('gemini', () => {
  it('skips the trust prompt and writes maxSessionTurns to the user settings file (the only one 0.61 honours)', () => {
    const inv = build('gemini-pro', { maxTurns: 12, newSessionId: 'u1' });
    expect(inv.args).toEqual([
      '-p',
      'Do it',
      '--output-format',
      'stream-json',
      '--yolo',
      '--skip-trust',
      '-m',
      'pro',
      '--session-id',
      'u1',
    ]);
    expect(inv.env).toEqual({ GEMINI_API_KEY: 'g', GEMINI_CLI_HOME: '/st' });
    expect(inv.files).toEqual([
      { path: '/st/.gemini/settings.json', content: '{\n  "model": {\n    "maxSessionTurns": 12\n  }\n}\n' },
    ]);
    expect(inv.emulated).toEqual(['budget', 'timeout']);
  });
  it('resumes by id and protects a leading dash', () => {
    const inv = build('gemini', { resumeSessionId: 'u0', prompt: '-x' });
    expect(inv.args).toEqual([
      '--prompt=-x',
      '--output-format',
      'stream-json',
      '--yolo',
      '--skip-trust',
      '--resume',
      'u0',
    ]);
    // rewritten every run: a turn limit of an earlier attempt must not linger
    expect(inv.files).toEqual([{ path: '/st/.gemini/settings.json', content: '{}\n' }]);
  });
});

describe('qwen', () => {
  it('places the positional prompt first, then the options', () => {
    const inv = build('qwen-coder', { maxTurns: 8, resumeSessionId: 'u0' });
    expect(inv.args).toEqual([
      'Do it',
      '--output-format',
      'stream-json',
      '--yolo',
      '--auth-type',
      'openai',
      '-m',
      'qwen3-coder',
      '--max-session-turns',
      '8',
      '--resume',
      'u0',
    ]);
    expect(inv.env).toEqual({ OPENAI_API_KEY: 'o', QWEN_HOME: '/st', QWEN_CODE_SUPPRESS_YOLO_WARNING: '1' });
  });
  it('qwen-local passes no model flag', () => {
    expect(build('qwen-local').args).not.toContain('-m');
  });
});

describe('opencode', () => {
  it('runs with --auto, json format and the step limit merged into OPENCODE_CONFIG_CONTENT', () => {
    const inv = build('opencode-sonnet', { maxTurns: 4, resumeSessionId: 'ses_abc' });
    expect(inv.args).toEqual([
      'run',
      '--format',
      'json',
      '--dir',
      '/builds/acme/app',
      '--model',
      'anthropic/claude-sonnet-4-6',
      '--session',
      'ses_abc',
      '--auto',
    ]);
    // on stdin: an argv prompt with spaces reaches the model wrapped in quotes (agents.md §16)
    expect(inv.stdin).toEqual({ text: 'Do it' });
    expect(inv.env).toEqual({
      ANTHROPIC_API_KEY: 'a',
      OPENAI_API_KEY: 'o',
      GEMINI_API_KEY: 'g',
      XDG_DATA_HOME: '/st',
      OPENCODE_DISABLE_AUTOUPDATE: '1',
      OPENCODE_CONFIG_CONTENT: '{"theme":"x","agent":{"build":{"steps":5}}}',
    });
    expect(inv.emulated).toContain('maxTurns');
  });
});

describe('cursor', () => {
  it('trusts the workspace and resumes by chat id', () => {
    const inv = build('cursor-sonnet', { resumeSessionId: 'u0' });
    expect(inv.bin).toBe('cursor-agent');
    expect(inv.args).toEqual([
      '-p',
      '--output-format',
      'stream-json',
      '--yolo',
      '--trust',
      '--workspace',
      '/builds/acme/app',
      '--model',
      'claude-4.6-sonnet-medium',
      '--resume',
      'u0',
      'Do it',
    ]);
    expect(inv.env).toEqual({ CURSOR_API_KEY: 'c', XDG_CONFIG_HOME: '/st' });
  });
});

describe('model resolution', () => {
  it('uses the §18.2 table, passes unknown suffixes verbatim and honours [models] overrides', () => {
    expect(adapterFor('claude-haiku-4-5')!.resolveModel('claude-haiku-4-5')).toBe('claude-haiku-4-5-20251001');
    expect(adapterFor('claude')!.resolveModel('claude-opus[1m]')).toBe('opus[1m]');
    expect(adapterFor('claude')!.resolveModel('claude')).toBeUndefined();
    const a = adapterFor('gemini-pro', { aliases: { gemini: { pro: 'gemini-3-pro-preview' } } })!;
    expect(a.buildInvocation({ ...base, agent: 'gemini-pro' }).args).toContain('gemini-3-pro-preview');
  });
});

describe('custom model endpoint (gump.toml [agents.<provider>], agents.md §16)', () => {
  const gw = (baseUrl: string, extra: Partial<NonNullable<AgentRunRequest['endpoint']>> = {}) => ({
    endpoint: { baseUrl, ...extra },
  });
  it('claude: ANTHROPIC_BASE_URL, no non-essential traffic, the key from api_key_env', () => {
    const inv = adapterFor('claude')!.buildInvocation({
      ...base,
      agent: 'claude',
      hostEnv: { ...host, GW: 'k1' },
      ...gw('https://gw.example.com', { apiKeyEnv: 'GW' }),
    });
    expect(inv.env).toMatchObject({
      ANTHROPIC_BASE_URL: 'https://gw.example.com',
      ANTHROPIC_API_KEY: 'k1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    });
  });
  it('codex: a provider entry before `resume` (OPENAI_BASE_URL is ignored by 0.169), WebSockets off', () => {
    const inv = build('codex-gpt-5.5', { resumeSessionId: 'th1', ...gw('http://127.0.0.1:9999/v1') });
    const i = inv.args.indexOf('resume');
    expect(inv.args.slice(i - 4, i)).toEqual([
      '-c',
      'model_provider=gump',
      '-c',
      'model_providers.gump={name="gump",base_url="http://127.0.0.1:9999/v1",env_key="OPENAI_API_KEY",wire_api="responses",supports_websockets=false}',
    ]);
    expect(inv.env.OPENAI_API_KEY).toBe('o');
  });
  it('gemini: GOOGLE_GEMINI_BASE_URL and the gemini-api-key auth type in the user settings (else exit 41)', () => {
    const inv = build('gemini-pro', { maxTurns: 3, ...gw('http://127.0.0.1:9999') });
    expect(inv.env).toMatchObject({ GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:9999', GEMINI_API_KEY: 'g' });
    expect(JSON.parse(inv.files![0]!.content)).toEqual({
      model: { maxSessionTurns: 3 },
      security: { auth: { selectedType: 'gemini-api-key' } },
    });
  });
  it('qwen: OpenAI-compatible base URL with --auth-type openai and the endpoint model', () => {
    const inv = adapterFor('qwen')!.buildInvocation({
      ...base,
      agent: 'qwen',
      hostEnv: { PATH: '/x', DASHSCOPE_API_KEY: 'd' },
      ...gw('https://ds.example.com/v1', { model: 'qwen3-coder-plus' }),
    });
    expect(inv.args).toContain('--auth-type');
    expect(inv.env).toMatchObject({
      OPENAI_BASE_URL: 'https://ds.example.com/v1',
      OPENAI_API_KEY: 'd',
      OPENAI_MODEL: 'qwen3-coder-plus',
    });
  });
  it('opencode: an openai-compatible provider merged into the user config, --model gump/<id>', () => {
    const inv = build('opencode-gpt54', gw('http://127.0.0.1:9999/v1'));
    expect(inv.args).toContain('gump/gpt-5.4');
    expect(JSON.parse(inv.env.OPENCODE_CONFIG_CONTENT!)).toEqual({
      theme: 'x',
      provider: {
        gump: {
          npm: '@ai-sdk/openai-compatible',
          name: 'gump endpoint',
          options: { baseURL: 'http://127.0.0.1:9999/v1', apiKey: '{env:OPENAI_API_KEY}' },
          models: { 'gpt-5.4': { name: 'gpt-5.4' } },
        },
      },
    });
    expect(inv.env.OPENCODE_DISABLE_MODELS_FETCH).toBe('1');
  });
});
