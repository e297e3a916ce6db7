// Fake agent CLI for the adapter tests (agents.md §15): one script behind shims named like the
// real CLIs. Validates argv, logs the call to $FAKE_AGENT_LOG, plays $FAKE_AGENT_SCENARIO,
// emulates session storage and emits the provider-native stream.
import { homedir } from 'node:os';
import { appendFileSync, existsSync, fstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { parseArgv } from './argv.mjs';
import { opencodeExport, opencodeImport, recordTurn } from './sessions.mjs';
import { emit } from './streams.mjs';

const NAMES = { claude: 'claude', codex: 'codex', gemini: 'gemini', qwen: 'qwen', opencode: 'opencode', 'cursor-agent': 'cursor' };
const env = process.env;
const provider = env.FAKE_AGENT_PROVIDER ?? NAMES[basename(process.argv[1])];
const argv = process.argv.slice(2);
const cwd = process.cwd();
const LOGGED_ENV = ['CLAUDE_CONFIG_DIR', 'CODEX_HOME', 'GEMINI_CLI_HOME', 'QWEN_HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'IS_SANDBOX', 'OPENCODE_CONFIG_CONTENT', 'OPENCODE_DISABLE_AUTOUPDATE', 'GEMINI_CLI_SYSTEM_SETTINGS_PATH', 'QWEN_CODE_SUPPRESS_YOLO_WARNING'];

let stdin = '';
try {
  const st = fstatSync(0);
  if (st.isFIFO() || st.isFile() || st.isSocket()) stdin = readFileSync(0, 'utf8');
} catch {}

const logFile = env.FAKE_AGENT_LOG;
const selected = Object.fromEntries(LOGGED_ENV.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
if (logFile) appendFileSync(logFile, `${JSON.stringify({ provider, argv, cwd, env: selected, envKeys: Object.keys(env).sort(), stdinBytes: Buffer.byteLength(stdin) })}\n`);

function die(stderr, code) {
  process.stderr.write(`${stderr}\n`);
  process.exitCode = code;
}

const write = (s) => new Promise((r) => process.stdout.write(s, r));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function nextCall() {
  const f = `${logFile ?? join(tmpdir(), 'fake-agent')}.count`;
  const n = existsSync(f) ? Number(readFileSync(f, 'utf8')) : 0;
  writeFileSync(f, String(n + 1));
  return n;
}

function pickEntry(prompt, n) {
  const path = env.FAKE_AGENT_SCENARIO ?? join(cwd, '.fake-agent-scenario.json');
  const sc = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const step = /\[GUMP:step:([^\]]+)\]/.exec(prompt)?.[1];
  return (step && sc.steps?.[step]) ?? sc.calls?.[n] ?? sc.default ?? {};
}

async function main() {
  const p = parseArgv(provider, argv, env);
  if (p.error) return die(p.error.stderr, p.error.code);
  if (p.sub === 'export') {
    const r = opencodeExport(env, p.arg);
    return r.error ? die(r.error, 1) : write(r.stdout);
  }
  if (p.sub === 'import') return write(opencodeImport(env, p.arg).stdout);
  const o = p.opts;
  let prompt = p.prompt === '-' ? stdin : p.prompt ?? '';
  if ((provider === 'gemini' || provider === 'qwen') && stdin) prompt = `${stdin}\n\n${prompt}`;
  if (provider === 'claude' && p.stdinPrompt) prompt = stdin;
  if (provider === 'opencode' && !prompt && stdin) prompt = stdin; // opencode run reads a missing message from stdin
  if (!prompt.trim()) {
    const msg = provider === 'claude'
      ? 'Error: Input must be provided either through stdin or as a prompt argument when using --print'
      : 'No input provided via stdin. Input can be provided by piping data into qwen or using the --prompt option.';
    return die(msg, 1);
  }
  const n = nextCall();
  const entry = pickEntry(prompt, n);
  const resume = p.resume ?? (provider === 'opencode' ? o['--session'] ?? o['-s'] : o['--resume'] ?? o['-r']);
  const fresh = provider === 'opencode' ? `ses_fake${String(n).padStart(4, '0')}` : `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const id = resume ?? o['--session-id'] ?? entry.sessionId ?? fresh;
  const model = o['--model'] ?? o['-m'];
  let maxTurns = o['--max-turns'] ?? o['--max-session-turns'];
  // gemini 0.61 honours model.maxSessionTurns only in the user settings file (agents.md §16)
  const geminiSettings = join(env.GEMINI_CLI_HOME ?? homedir(), '.gemini', 'settings.json');
  if (provider === 'gemini' && existsSync(geminiSettings)) {
    maxTurns = JSON.parse(readFileSync(geminiSettings, 'utf8')).model?.maxSessionTurns;
  }
  const rec = recordTurn(provider, env, cwd, { id, resume: resume !== undefined, prompt });
  if (rec.error) {
    if (provider === 'claude') await write(`${JSON.stringify({ type: 'result', subtype: 'error_during_execution', is_error: true, session_id: id, num_turns: 0, duration_ms: 5, duration_api_ms: 0, errors: [rec.error] })}\n`);
    return die(rec.error, 1);
  }
  const autoApprove = provider !== 'opencode' || o['--auto'];
  if (!autoApprove) process.stderr.write('permission requested: edit; auto-rejecting\n');
  for (const [rel, content] of Object.entries(autoApprove ? entry.files ?? {} : {})) {
    const f = join(cwd, rel);
    if (content === null) rmSync(f, { force: true });
    else {
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, content);
    }
  }
  if (entry.ignoreTerm) process.on('SIGTERM', () => {});
  if (entry.spawnChild) {
    const kid = spawn(process.execPath, ['-e', 'process.on("SIGTERM",()=>{});setInterval(()=>{},1000)'], { stdio: ['ignore', 'inherit', 'inherit'] });
    writeFileSync(entry.spawnChild, String(kid.pid));
    kid.unref();
  }
  const s = emit({ provider, id, model, cwd, prompt, entry, history: rec.history, maxTurns: maxTurns === undefined ? undefined : Number(maxTurns) });
  if (provider === 'opencode' && o['--format'] !== 'json') {
    await write(`${entry.resultText ?? 'done'}\n`); // `--format default` prints plain text off a TTY
  } else {
    for (const l of s.head) await write(`${l}\n`);
    if (entry.sleepMs) await sleep(entry.sleepMs);
    for (const l of s.tail) await write(`${l}\n`);
  }
  if (entry.stderr) process.stderr.write(entry.stderr);
  process.exitCode = entry.exitCode ?? s.exitCode ?? (entry.isError ? 1 : 0);
}

await main();
