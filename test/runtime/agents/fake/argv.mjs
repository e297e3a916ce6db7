// Fake agent CLIs, part 1: argv parsing and validation like the pinned CLIs (agents.md §4-§9).
// Returns { opts, prompt? , error?: { stderr, code } } where opts holds the options seen.

const err = (stderr, code) => ({ error: { stderr, code } });

/** Generic option walker. spec: { [flag]: 'value' | 'bool' | 'array' }, aliases folded by caller. */
function walk(argv, spec, { stopAt } = {}) {
  const opts = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (stopAt && positional.length === 0 && a === stopAt) return { opts, positional, rest: argv.slice(i) };
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      const kind = spec[name];
      if (!kind) return { unknown: name };
      if (kind === 'bool') opts[name] = true;
      else if (kind === 'value') {
        if (eq > 0) opts[name] = a.slice(eq + 1);
        else opts[name] = argv[++i];
      } else {
        // array / variadic: swallow every following non-option word
        const items = [];
        while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) items.push(argv[++i]);
        opts[name] = items;
      }
      continue;
    }
    positional.push(a);
  }
  return { opts, positional };
}

function claude(argv, env) {
  const spec = {
    '-p': 'bool', '--print': 'bool', '--verbose': 'bool', '--dangerously-skip-permissions': 'bool',
    '--output-format': 'value', '--model': 'value', '--max-turns': 'value', '--max-budget-usd': 'value',
    '--permission-mode': 'value', '--resume': 'value', '--session-id': 'value', '--allowedTools': 'array',
  };
  const w = walk(argv, spec);
  if (w.unknown) return err(`error: unknown option '${w.unknown}'`, 1);
  const o = w.opts;
  if (o['--output-format'] === 'stream-json' && !o['--verbose'])
    return err('Error: When using --print, --output-format=stream-json requires --verbose', 1);
  const bypass = o['--dangerously-skip-permissions'] || o['--permission-mode'] === 'bypassPermissions';
  if (bypass && process.getuid?.() === 0 && env.IS_SANDBOX !== '1')
    return err('--dangerously-skip-permissions cannot be used with root/sudo privileges for security reasons', 1);
  return { opts: o, prompt: w.positional[0], stdinPrompt: w.positional.length === 0 };
}

function codex(argv) {
  if (argv[0] !== 'exec') return err(`error: unrecognized subcommand '${argv[0]}'`, 2);
  const spec = {
    '--json': 'bool', '--skip-git-repo-check': 'bool', '-s': 'value', '--sandbox': 'value', '-C': 'value', '--cd': 'value',
    '-m': 'value', '--model': 'value', '-c': 'value', '-o': 'value',
  };
  const w = walk(argv.slice(1), spec, { stopAt: 'resume' });
  if (w.unknown) return err(`error: unexpected argument '${w.unknown}' found`, 2);
  if (!w.rest) return { opts: w.opts, prompt: w.positional[0] };
  const after = walk(w.rest.slice(1), { '--json': 'bool', '-m': 'value', '-c': 'value' });
  if (after.unknown) return err(`error: unexpected argument '${after.unknown}' found`, 2);
  return { opts: { ...w.opts, ...after.opts }, resume: after.positional[0], prompt: after.positional[1] };
}

function gemini(argv, env) {
  const spec = {
    '-p': 'value', '--prompt': 'value', '--output-format': 'value', '--yolo': 'bool', '--skip-trust': 'bool',
    '-m': 'value', '--model': 'value', '--resume': 'value', '-r': 'value', '--session-id': 'value',
  };
  const w = walk(argv, spec);
  if (w.unknown) return err(`Unknown argument: ${w.unknown.replace(/^-+/, '')}`, 1);
  if (!w.opts['--skip-trust'] && env.GEMINI_CLI_TRUST_WORKSPACE !== 'true')
    return err('Gemini CLI is not running in a trusted directory. To proceed, either use `--skip-trust`, set the `GEMINI_CLI_TRUST_WORKSPACE=true` environment variable, or trust this directory in interactive mode.', 55);
  return { opts: w.opts, prompt: w.opts['-p'] ?? w.opts['--prompt'] };
}

function qwen(argv) {
  const spec = {
    '-p': 'value', '--prompt': 'value', '--output-format': 'value', '--yolo': 'bool', '--auth-type': 'value',
    '-m': 'value', '--model': 'value', '--max-session-turns': 'value', '--max-wall-time': 'value',
    '--resume': 'value', '--session-id': 'value',
    '--allowed-tools': 'array', '--exclude-tools': 'array', '--core-tools': 'array',
  };
  const w = walk(argv, spec);
  if (w.unknown) return err(`Unknown argument: ${w.unknown.replace(/^-+/, '')}`, 1);
  const positional = w.positional.join(' ');
  return { opts: w.opts, prompt: positional || w.opts['-p'] || w.opts['--prompt'] };
}

function opencode(argv) {
  const sub = argv[0];
  if (sub === 'export' || sub === 'import') return { sub, arg: argv[1], opts: {} };
  if (sub !== 'run') return err(`Unknown command: ${sub}`, 1);
  const spec = {
    '--format': 'value', '--dir': 'value', '--model': 'value', '-m': 'value', '--session': 'value', '-s': 'value',
    '--fork': 'bool', '--auto': 'bool', '--variant': 'value', '--pure': 'bool',
  };
  const w = walk(argv.slice(1), spec);
  if (w.unknown) return err(`Unknown argument: ${w.unknown.replace(/^-+/, '')}`, 1);
  return { sub, opts: w.opts, prompt: w.positional.join(' ') };
}

function cursor(argv) {
  const spec = {
    '-p': 'bool', '--print': 'bool', '--yolo': 'bool', '--force': 'bool', '--trust': 'bool',
    '--output-format': 'value', '--workspace': 'value', '--model': 'value', '--resume': 'value',
  };
  const w = walk(argv, spec);
  if (w.unknown) return err(`error: unknown option '${w.unknown}'`, 1);
  if (!w.opts['--trust']) return err('Workspace Trust Required: run with --trust to trust this workspace in headless mode', 1);
  return { opts: w.opts, prompt: w.positional[0] };
}

export function parseArgv(provider, argv, env) {
  const parsers = { claude, codex, gemini, qwen, opencode, cursor };
  return parsers[provider](argv, env);
}
