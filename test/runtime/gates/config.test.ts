// readRuntimeConfig (language.md §22): defaults, overrides, durations, one-line ConfigErrors.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseDurationMs, readRuntimeConfig } from '../../../runtime/config.js';
import { makeProject, type Project } from './helpers.js';

let p: Project | undefined;
afterEach(() => p?.cleanup());

describe('readRuntimeConfig', () => {
  it('reads [agents.<provider>] endpoints; a table without base_url changes nothing', () => {
    p = makeProject({
      'gump.toml': [
        '[agents.claude]',
        'base_url = "https://gw.example.com"',
        'api_key_env = "GW_KEY"',
        '[agents.qwen]',
        'model = "m"',
        '[agents.opencode]',
        'base_url = "http://127.0.0.1:8000/v1"',
        'model = "local"',
      ].join('\n'),
    });
    expect(readRuntimeConfig(p.root).agents).toEqual({
      claude: { baseUrl: 'https://gw.example.com', apiKeyEnv: 'GW_KEY' },
      opencode: { baseUrl: 'http://127.0.0.1:8000/v1', model: 'local' },
    });
  });

  it('gives the defaults without gump.toml', () => {
    p = makeProject();
    expect(readRuntimeConfig(p.root)).toEqual({
      validation: { timeoutMs: 600_000 },
      errorContext: { maxErrorChars: 2000, maxDiffChars: 3000, stdoutTailChars: 2000 },
      models: {},
      prices: {},
      agents: {},
    });
  });

  it('reads every runtime key and ignores unknown and CLI-only keys', () => {
    p = makeProject({
      'gump.toml': [
        'default_agent = "claude"',
        'mystery = 1',
        '[validation]',
        'compile_cmd = "make all"',
        'test_cmd = "make check"',
        'lint_cmd = "ruff check ."',
        'coverage_cmd = "make cov"',
        'timeout = "1h30m"',
        '[error_context]',
        'max_error_chars = 500',
        'max_diff_chars = 0',
        'stdout_tail_chars = 100',
        '[models]',
        '"claude-opus" = "claude-opus-4-6"',
        '[prices."my-model"]',
        'input = 1.5',
        'output = 3',
        '[display]',
        'color = false',
      ].join('\n'),
    });
    expect(readRuntimeConfig(p.root)).toEqual({
      validation: {
        compile_cmd: 'make all',
        test_cmd: 'make check',
        lint_cmd: 'ruff check .',
        coverage_cmd: 'make cov',
        timeoutMs: 5_400_000,
      },
      errorContext: { maxErrorChars: 500, maxDiffChars: 0, stdoutTailChars: 100 },
      models: { 'claude-opus': 'claude-opus-4-6' },
      prices: { 'my-model': { input: 1.5, output: 3 } },
      agents: {},
    });
  });

  it('throws a one-line ConfigError on unparsable TOML', () => {
    p = makeProject({ 'gump.toml': '[validation\ncompile_cmd = "x"\n' });
    const run = () => readRuntimeConfig(p!.root);
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/^gump\.toml cannot be parsed: [^\n]+$/);
  });

  it.each([
    ['[validation]\ntimeout = "soon"', '[validation] timeout'],
    ['[validation]\ntimeout = 30', '[validation] timeout'],
    ['[validation]\ncompile_cmd = 3', '[validation] compile_cmd'],
    ['[error_context]\nmax_error_chars = -1', '[error_context] max_error_chars'],
    ['validation = "x"', '[validation] must be a table'],
    // Table names as gump.toml spells them and the checker says them: bare keys bare, others quoted.
    ['[prices]\nm = 3', '[prices.m] must be a table'],
    ['[prices]\n"gpt-5.4" = 3', '[prices."gpt-5.4"] must be a table'],
    ['[prices."gpt-5.4"]\ninput = "cheap"', '[prices."gpt-5.4"] input'],
  ])('throws a ConfigError naming the key for %j', (text, key) => {
    p = makeProject({ 'gump.toml': text });
    expect(() => readRuntimeConfig(p!.root)).toThrow(key);
  });
});

describe('parseDurationMs', () => {
  it.each([
    ['10m', 600_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
  ])('%s → %d ms', (text, ms) => expect(parseDurationMs(text)).toBe(ms));

  it.each(['', '10', 'm', '0s', '10 m', '-1s', '1d'])('rejects %j', (text) =>
    expect(parseDurationMs(text)).toBeUndefined(),
  );
});
