// gump.toml (language.md §22): GUMP020 type errors, GUMP203 `[validation] timeout`, GUMP523
// unknown keys with did-you-mean, each at the key's own line and column; the typed result.

import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/2-check/check-config.js';
import { locateTomlKeys, pathId } from '../../src/2-check/config-keys.js';
import { checkText, codesAt } from '../helpers/check.js';

const check = (text: string) => checkConfig({ file: 'gump.toml', text, builtin: false });
const at = (text: string) => codesAt(check(text).diagnostics);

describe('checkConfig', () => {
  it('returns the typed configuration of a valid file, local CLI settings accepted', () => {
    const { config, diagnostics } = check(`default_agent = "claude-opus"
log_level = "debug"

[validation]
compile_cmd = "npm run build"
test_cmd = "npm test"
timeout = "1h30m"

[error_context]
max_error_chars = 4000
max_diff_chars = 3000.0

[models]
opus = "claude-opus-4-6"

[prices."gpt-5.4"]
input = 1.25
output = 10

[display]
color = false
[analytics]
enabled = false
[update]
check = true
`);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      validation: { compile_cmd: 'npm run build', test_cmd: 'npm test', timeout: '1h30m', timeoutMs: 5_400_000 },
      error_context: { max_error_chars: 4000, max_diff_chars: 3000 },
      models: { opus: 'claude-opus-4-6' },
      prices: { 'gpt-5.4': { input: 1.25, output: 10 } },
      ci: { pins: {} },
      agents: {},
    });
  });

  it('reads [ci], the options of the pipelines, each value checked at its key', () => {
    const ok = check(`[ci]
targets = ["github", "github"]
task_slots = 8
max_parallel = 3
approval = "dispatch"
environment = "review"
node_version = "22"
runs_on = "self-hosted"
retention_days = 30
attempt_minutes = 45
[ci.pins]
claude = "2.1.330"
`);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.config.ci).toEqual({
      targets: ['github'],
      task_slots: 8,
      max_parallel: 3,
      approval: 'dispatch',
      environment: 'review',
      node_version: '22',
      runs_on: 'self-hosted',
      retention_days: 30,
      attempt_minutes: 45,
      pins: { claude: '2.1.330' },
    });
    const bad = check(`[ci]
targets = ["jenkins"]
task_slots = 0
approval = "email"
slots = 3
[ci.pins]
claude = "latest"
cursor = "1.0.0"
`);
    expect(bad.diagnostics.map((d) => `${d.code}@${d.span.line}:${d.span.col}`)).toEqual([
      'GUMP020@2:1',
      'GUMP020@3:1',
      'GUMP020@4:1',
      'GUMP523@5:1',
      'GUMP020@7:1',
      'GUMP523@8:1',
    ]);
    expect(bad.config.ci).toEqual({ pins: {} });
  });

  it('reads [agents.<provider>] endpoint tables (README "Using your own model endpoint")', () => {
    const { config, diagnostics } = check(`[agents.claude]
base_url = "https://llm-gateway.example.com"
api_key_env = "GATEWAY_KEY"

[agents.codex]
base_url = "https://llm-gateway.example.com/v1"

[agents.gemini]
base_url = "http://127.0.0.1:4000"

[agents.qwen]
base_url = "https://dashscope.example.com/compatible-mode/v1"
model = "qwen3-coder-plus"

[agents.opencode]
base_url = "http://localhost:8000/v1"
model = "my-model"
`);
    expect(diagnostics).toEqual([]);
    expect(config.agents).toEqual({
      claude: { base_url: 'https://llm-gateway.example.com', api_key_env: 'GATEWAY_KEY' },
      codex: { base_url: 'https://llm-gateway.example.com/v1' },
      gemini: { base_url: 'http://127.0.0.1:4000' },
      qwen: { base_url: 'https://dashscope.example.com/compatible-mode/v1', model: 'qwen3-coder-plus' },
      opencode: { base_url: 'http://localhost:8000/v1', model: 'my-model' },
    });
  });

  it('reports bad endpoint URLs (GUMP020) and unknown keys or providers (GUMP523) at the key', () => {
    const d = check(`[agents.claude]
base_url = "llm-gateway.example.com"
[agents.codex]
base_url = "ftp://host/v1"
base_ulr = "x"
[agents.qwen]
base_url = "https://user:secret@host/v1"
api_key_env = "not a name"
[agents.cursor]
base_url = "https://x"
`).diagnostics;
    expect(codesAt(d)).toEqual([
      'GUMP020@2:1',
      'GUMP020@4:1',
      'GUMP523@5:1',
      'GUMP020@7:1',
      'GUMP020@8:1',
      'GUMP523@9:9',
    ]);
    expect(d[0]!.message).toContain('[agents.claude] base_url must be an absolute http(s) URL');
    expect(d[1]!.message).toContain('an http(s) URL (not ftp)');
    expect(d[2]!.hint).toBe('did you mean "base_url"?');
    expect(d[3]!.message).toContain('without credentials');
    expect(d[5]!.message).toContain('unknown key "cursor" in [agents]');
  });

  it('reports a syntax error as GUMP020 at its position', () => {
    const d = check('[validation]\ntest_cmd = "npm test\n').diagnostics;
    expect(d.map((x) => x.code)).toEqual(['GUMP020']);
    expect(d[0]!.span.line).toBe(2);
  });

  it('reports known keys of the wrong type as GUMP020 at the key', () => {
    expect(
      at(`[validation]
test_cmd = 3
[error_context]
max_diff_chars = 10
  max_error_chars = "lots"
stdout_tail_chars = 2.5
[models]
opus = 4
`),
    ).toEqual(['GUMP020@2:1', 'GUMP020@5:3', 'GUMP020@6:1', 'GUMP020@8:1']);
    expect(at('validation = 3\nerror_context = []\ndefault_agent = true\n')).toEqual([
      'GUMP020@1:1',
      'GUMP020@2:1',
      'GUMP020@3:1',
    ]);
    expect(check('[error_context]\nmax_error_chars = "lots"\n').diagnostics[0]?.message).toBe(
      'invalid gump.toml: [error_context] max_error_chars must be an integer ≥ 0, not "lots"',
    );
  });

  it('finds keys written as dotted keys and in inline tables', () => {
    expect(at('validation.timeout = 600\nerror_context = { max_diff_chars = 1, max_error_chars = "x" }\n')).toEqual([
      'GUMP203@1:12',
      'GUMP020@2:39',
    ]);
    expect(at('[prices]\n"claude-x" = { input = "cheap" }\n')).toEqual(['GUMP020@2:16']);
  });

  it('reports an invalid [validation] timeout as GUMP203', () => {
    const d = check('[validation]\ntimeout = 600\n').diagnostics;
    expect(codesAt(d)).toEqual(['GUMP203@2:1']);
    expect(d[0]?.hint).toBe('add a unit: 90s, 30m, 1h30m');
    expect(at('[validation]\ntimeout = "10 minutes"\n')).toEqual(['GUMP203@2:1']);
    expect(at('[validation]\ntimeout = "0s"\n')).toEqual(['GUMP203@2:1']);
    expect(check('[validation]\ntimeout = "90s"\n').config.validation.timeoutMs).toBe(90_000);
  });

  it('warns GUMP523 for unknown keys at any level, with did-you-mean', () => {
    const d = check(`# config
[validaton]
x = 1
[validation]
test_command = "npm test"
[error_context]
max_error = 5
[prices."gpt-5.4"]
inptu = 1
`).diagnostics;
    expect(codesAt(d)).toEqual(['GUMP523@2:2', 'GUMP523@5:1', 'GUMP523@7:1', 'GUMP523@9:1']);
    expect(d.map((x) => x.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(d.map((x) => x.message)).toEqual([
      'unknown key "validaton" in gump.toml',
      'unknown key "test_command" in [validation]',
      'unknown key "max_error" in [error_context]',
      'unknown key "inptu" in [prices."gpt-5.4"]',
    ]);
    expect(d.map((x) => x.hint)).toEqual([
      'did you mean "validation"?',
      'did you mean "test_cmd"?',
      'did you mean "max_error_chars"?',
      'did you mean "input"?',
    ]);
    expect(check('[error_context]\nmax_chars = 5\n').diagnostics[0]?.hint).toBe(
      'known keys: max_error_chars, max_diff_chars, stdout_tail_chars',
    );
  });

  it('is not fooled by multi-line strings and arrays', () => {
    expect(
      at(`[validation]
compile_cmd = """
[fake]
test_cmd = 3
"""
lint_cmd = '''x'''
[display]
columns = [
  [1, 2],
  [3],
]
[validation.extra]
`),
    ).toEqual(['GUMP523@12:13']);
  });

  it('reports through checkFiles with the gump.toml display path, before the workflow diagnostics', () => {
    const d = checkText('name: x\nsteps:\n  - name: q\n    gate: [compile]\n', {
      'gump.toml': '[validation]\ntest_command = "x"\n',
    });
    expect(d.map((x) => `${x.file}:${x.code}@${x.span.line}:${x.span.col}`)).toEqual(['gump.toml:GUMP523@2:1']);
  });
});

describe('locateTomlKeys', () => {
  it('records headers, dotted keys and quoted keys by path', () => {
    const keys = locateTomlKeys('a.b = 1\n[t."x.y"]\nk = { m = 2 }\n');
    expect([...keys.keys()]).toEqual([
      pathId(['a']),
      pathId(['a', 'b']),
      pathId(['t']),
      pathId(['t', 'x.y']),
      pathId(['t', 'x.y', 'k']),
      pathId(['t', 'x.y', 'k', 'm']),
    ]);
    expect(keys.get(pathId(['t', 'x.y']))).toEqual({ offset: 11, endOffset: 16 });
  });
});
