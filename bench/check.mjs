#!/usr/bin/env node
// Benchmark of `gump check` (run after `npm run build`):
//   node bench/check.mjs [--runs N] [--write]   cold CLI vs a bare yaml-parsing Node process, warm
//                                                in-process checks (library, 100/1,000/5,000 steps),
//                                                a short property campaign; --write → bench/RESULTS.md
//   node bench/check.mjs --property N [--seed S] a long property campaign (N cases)
//   node bench/check.mjs --profile N|FILE        CPU profile of checking an N-step generated workflow
//                                                (or a workflow file): self time by file and function
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'gump-bench');
const SIZES = [100, 1000, 5000];

function parseArgs(argv) {
  const opts = { runs: 10, write: false, property: undefined, seed: 20261121, profile: undefined, campaign: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => Number(argv[++i]);
    if (a === '--write') opts.write = true;
    else if (a === '--runs') opts.runs = num();
    else if (a === '--property') opts.property = num();
    else if (a === '--seed') opts.seed = num();
    else if (a === '--profile') opts.profile = argv[++i];
    else if (a === '--campaign') opts.campaign = num();
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms, digits = 1) => ms.toFixed(digits);
const log = (s = '') => process.stderr.write(`${s}\n`);

/** Bundle bench/warm-entry.ts (checker API + generators) into node_modules/.cache and import it. */
async function loadWarmEntry() {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, 'warm-entry.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench', 'warm-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    logLevel: 'warning',
  });
  return { mod: await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`), outfile };
}

function libraryFiles() {
  const wf = readdirSync(join(ROOT, 'library', 'workflows'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return [...wf.map((f) => `library/workflows/${f}`), 'library/validators/arch-review.yaml'];
}

function timeProcess(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { ms: performance.now() - t, status: r.status, stderr: r.stderr };
}

/** (a)+(b): cold `gump check <file>` vs `node baseline-parse.mjs <file>`, interleaved, medians. */
function benchCold(runs) {
  const files = libraryFiles();
  const rows = files.map((file) => ({ file, gump: [], base: [], status: undefined }));
  const empty = [];
  for (let r = 0; r < runs; r++) {
    empty.push(timeProcess(['-e', '']).ms);
    for (const row of rows) {
      const g = timeProcess([join('bin', 'gump.mjs'), 'check', row.file]);
      if (g.status !== 0 && g.status !== 1) throw new Error(`gump check ${row.file} exited ${g.status}: ${g.stderr}`);
      row.status = g.status;
      row.gump.push(g.ms);
      row.base.push(timeProcess([join('bench', 'baseline-parse.mjs'), row.file]).ms);
    }
  }
  return {
    emptyNode: median(empty),
    rows: rows.map((r) => ({
      file: r.file,
      status: r.status,
      gump: median(r.gump),
      base: median(r.base),
      ratio: median(r.gump) / median(r.base),
    })),
  };
}

/** Median per-call time of `fn` after a warm-up, over at least `minRuns` calls and ~`budgetMs`. */
function timeWarm(fn, { warmup = 20, minRuns = 30, budgetMs = 300 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < budgetMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** (c): warm in-process checks of the library and of generated workflows. */
function benchWarm(mod) {
  const projects = libraryFiles().map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
  // Warm the JIT on every file first, so the first file measured does not pay for it.
  for (let i = 0; i < 50; i++) for (const p of projects) mod.checkProject({ 'workflow.yaml': p.text });
  const library = projects.map(({ file, text }) => {
    const files = { 'workflow.yaml': text };
    return {
      file,
      lines: text.split('\n').length,
      diags: mod.checkProject(files),
      ms: timeWarm(() => mod.checkProject(files), { minRuns: 50 }),
    };
  });
  const generated = SIZES.map((steps) => {
    const text = mod.generateWorkflow(steps);
    const files = { 'workflow.yaml': text };
    const codes = mod.codesOf(files);
    const ms = timeWarm(() => mod.checkProject(files), {
      warmup: steps >= 5000 ? 2 : 5,
      minRuns: steps >= 5000 ? 5 : 9,
      budgetMs: 1000,
    });
    return {
      steps,
      lines: text.split('\n').length,
      bytes: text.length,
      diags: codes.length,
      codes: [...new Set(codes.map((c) => c.split('@')[0]))],
      ms,
      perStep: ms / steps,
    };
  });
  return { library, generated };
}

function printCampaign(c) {
  log(
    `property campaign: ${c.runs} cases in ${fmt(c.ms / 1000, 1)} s (${fmt(c.ms / c.runs, 2)} ms/case), ${c.failingCases} failing`,
  );
  log(
    `  codes produced: ${Object.keys(c.codes).length}; catalogue codes never produced (${c.unexercised.length}): ${c.unexercised.join(' ')}`,
  );
  for (const p of c.problems.slice(0, 20)) {
    log(`  ${p.count}× ${p.problem}`);
    log(`     example: ${JSON.stringify(p.example).slice(0, 600)}`);
  }
}

function machine() {
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(cpus().length);
  return {
    nproc,
    cpu: cpus()[0]?.model ?? 'unknown',
    memGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    date: new Date().toISOString(),
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(', '),
  };
}

function renderResults(m, cold, warm, campaign, prof) {
  const out = [
    '# gump check — benchmark results',
    '',
    'Written by `node bench/check.mjs --write` (after `npm run build`). Re-run it after changing the checker.',
    '',
  ];
  out.push(
    '| machine | |',
    '|---|---|',
    `| nproc | ${m.nproc} |`,
    `| cpu | ${m.cpu} |`,
    `| memory | ${m.memGiB} GiB |`,
    `| node | ${m.node} |`,
    `| date | ${m.date} |`,
    `| load average at start (1, 5, 15 min) | ${m.load} |`,
    '',
  );
  if (cold) {
    out.push(
      `## Cold process: \`node bin/gump.mjs check <file>\` vs a bare Node process importing \`yaml\` and parsing the file`,
      '',
    );
    out.push(
      `Median of ${cold.runs} runs each, interleaved; wall time including process spawn. An empty \`node -e ""\` takes ${fmt(cold.emptyNode)} ms. Goal: ratio ≤ 2.`,
      '',
    );
    out.push('| file | exit | gump check (ms) | yaml baseline (ms) | ratio |', '|---|---:|---:|---:|---:|');
    for (const r of cold.rows)
      out.push(`| ${r.file} | ${r.status} | ${fmt(r.gump)} | ${fmt(r.base)} | ${fmt(r.ratio, 2)} |`);
    out.push(
      `| **median** | | ${fmt(median(cold.rows.map((r) => r.gump)))} | ${fmt(median(cold.rows.map((r) => r.base)))} | **${fmt(median(cold.rows.map((r) => r.ratio)), 2)}** |`,
      '',
    );
  }
  if (warm) {
    out.push('## Warm, in process (`checkFiles` + `MemoryHost`, bundled from `bench/warm-entry.ts`)', '');
    out.push('| file | lines | diagnostics | ms per check |', '|---|---:|---:|---:|');
    for (const r of warm.library) out.push(`| ${r.file} | ${r.lines} | ${r.diags} | ${fmt(r.ms, 2)} |`);
    out.push(
      '',
      'Generated workflows (`generateWorkflow` in `test/helpers/generate.ts`: code steps whose prompts reference earlier steps, gate-only steps, retries, splits with `each:`, parallel groups):',
      '',
    );
    out.push(
      '| steps | lines | diagnostics | ms per check | ms per step | per-step vs 100 steps |',
      '|---:|---:|---:|---:|---:|---:|',
    );
    const base = warm.generated[0].perStep;
    for (const g of warm.generated)
      out.push(
        `| ${g.steps} | ${g.lines} | ${g.diags}${g.codes.length ? ` (${g.codes.join(', ')})` : ''} | ${fmt(g.ms, 1)} | ${fmt(g.perStep, 3)} | ${fmt(g.perStep / base, 2)}× |`,
      );
    out.push('', `Growth: ${linearity(warm.generated)}`, '');
  }
  if (campaign) {
    out.push('## Property campaign (`test/helpers/generate.ts` generators, `checkCase` oracle)', '');
    out.push(
      `${campaign.runs} cases (half YAML-ish, half mutations), seed ${campaign.seed}: ${fmt(campaign.ms / 1000, 1)} s, ${fmt(campaign.ms / campaign.runs, 2)} ms per case (so ≈ ${fmt((campaign.ms / campaign.runs) * 10, 0)} s for the 10,000 cases of \`test/property.test.ts\`), ${campaign.failingCases} failing. Longer campaigns: \`node bench/check.mjs --property 100000\`.`,
      '',
    );
    const produced = Object.entries(campaign.codes).sort((a, b) => b[1] - a[1]);
    out.push(
      `Codes produced: ${produced.length} (cases per code: ${produced.map(([c, n]) => `${c} ${n}`).join(', ')}).`,
      '',
    );
    out.push(
      `Catalogue codes never produced by the generators (${campaign.unexercised.length}): ${campaign.unexercised.join(', ') || 'none'}.`,
      '',
    );
    if (campaign.problems.length) {
      out.push('| count | distinct problem (numbers blanked) |', '|---:|---|');
      for (const p of campaign.problems.slice(0, 30)) out.push(`| ${p.count} | ${p.problem.replace(/\|/g, '\\|')} |`);
      out.push('');
    }
  }
  if (prof) {
    out.push(
      '## Where the time goes',
      '',
      `${prof.title}; \`node bench/check.mjs --profile N|FILE\` reproduces it. Self time by file (packages grouped):`,
      '',
      '```',
      ...prof.byFile,
      '```',
      '',
    );
    out.push('Top functions by self time:', '', '```', ...prof.byFunction.slice(0, 15), '```', '');
  }
  return out.join('\n');
}

function linearity(generated) {
  const [a, b, c] = generated;
  const r1 = b.perStep / a.perStep;
  const r2 = c.perStep / a.perStep;
  const verdict =
    r1 > 2 || r2 > 3
      ? 'SUPERLINEAR — profile with `node bench/check.mjs --profile 1000`'
      : 'linear (per-step cost roughly constant)';
  return `per-step cost ×${fmt(r1, 2)} at ${b.steps} steps and ×${fmt(r2, 2)} at ${c.steps} steps relative to ${a.steps}: ${verdict}.`;
}

/** Profile checking an N-step workflow (or a file) in a child process; print the top self time by file and function. */
async function profile(what, outfile) {
  const steps = /^\d+$/.test(what) ? Number(what) : undefined;
  const source = steps ? `m.generateWorkflow(${steps})` : JSON.stringify(readFileSync(what, 'utf8'));
  const dir = join(CACHE, 'profile');
  mkdirSync(dir, { recursive: true });
  const script = `const m = await import(${JSON.stringify(pathToFileURL(outfile).href)});
const files = { 'workflow.yaml': ${source} };
m.checkProject(files);
const t = performance.now(); let n = 0; while (performance.now() - t < 5000 || n < 3) { m.checkProject(files); n++; }
console.error(n + ' checks, ' + ((performance.now() - t) / n).toFixed(0) + ' ms each (with the profiler on)');`;
  const scriptPath = join(dir, 'run.mjs');
  writeFileSync(scriptPath, script);
  const before = new Set(readdirSync(dir));
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '200', scriptPath],
    { encoding: 'utf8' },
  );
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const bundle = readFileSync(outfile, 'utf8').split('\n');
  // esbuild marks each module of the bundle with a `// path` comment: map a bundle line to its source file.
  const moduleAt = [];
  let current = '?';
  for (const line of bundle) {
    const m = /^\/\/ ((?:src|test|bench|node_modules)\/\S+)$/.exec(line);
    if (m) current = m[1];
    moduleAt.push(current);
  }
  const dt = prof.timeDeltas.reduce((a, b) => a + b, 0) / 1000 / prof.samples.length;
  const self = new Map();
  for (const n of prof.nodes) {
    const cf = n.callFrame;
    const where = cf.url.endsWith('warm-entry.mjs')
      ? (moduleAt[cf.lineNumber] ?? '?')
      : cf.url
        ? relative(ROOT, fileURLToPath(cf.url.startsWith('file:') ? cf.url : pathToFileURL(cf.url).href))
        : `(${cf.functionName || 'native'})`;
    const key = `${where}\t${cf.functionName || '(anonymous)'}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount * dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFile = new Map();
  for (const [k, ms] of self) {
    const f = k.split('\t')[0].replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*/, '$1');
    byFile.set(f, (byFile.get(f) ?? 0) + ms);
  }
  const show = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, ms]) => `${fmt((100 * ms) / total, 1).padStart(5)}% ${fmt(ms, 0).padStart(6)} ms  ${k.replace('\t', ' ')}`,
      );
  return {
    title: `CPU profile of checking ${steps ? `${steps} steps` : what} (${r.stderr.trim()})`,
    byFile: show(byFile, 15),
    byFunction: show(self, 25),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { mod, outfile } = await loadWarmEntry();
  if (opts.profile) {
    const p = await profile(opts.profile, outfile);
    log(
      `${p.title}\n\nself time by file (packages grouped):\n${p.byFile.join('\n')}\n\ntop functions by self time:\n${p.byFunction.join('\n')}`,
    );
    return;
  }
  if (opts.property) {
    const c = {
      ...mod.runCampaign(opts.property, opts.seed, (d) => d % 10000 === 0 && log(`  ${d} cases`)),
      seed: opts.seed,
    };
    printCampaign(c);
    if (opts.write) log('(--write is ignored with --property: RESULTS.md records the default run)');
    process.exitCode = c.failingCases ? 1 : 0;
    return;
  }
  if (!existsSync(join(ROOT, 'dist', 'gump.mjs')))
    throw new Error('dist/gump.mjs is missing: run `npm run build` first');
  const m = machine();
  log(`machine: ${m.nproc} cores, ${m.cpu}, node ${m.node}`);
  log(`cold runs (${opts.runs} per file)…`);
  const cold = { ...benchCold(opts.runs), runs: opts.runs };
  log('warm runs…');
  const warm = benchWarm(mod);
  log(`property campaign (${opts.campaign} cases)…`);
  const campaign = { ...mod.runCampaign(opts.campaign, opts.seed), seed: opts.seed };
  log('profile of 1,000 steps…');
  const prof = await profile('1000', outfile);
  const md = renderResults(m, cold, warm, campaign, prof);
  process.stdout.write(`${md}\n`);
  printCampaign(campaign);
  if (opts.write) {
    writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${md}\n`);
    log('wrote bench/RESULTS.md');
  }
}

main().catch((e) => {
  log(`bench: ${e?.stack ?? e}`);
  process.exitCode = 2;
});
