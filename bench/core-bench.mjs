// Benchmarks the compiled core (lib/, built by `npm run build`) against its targets, and
// against awesome-lint on the same files.
//
//   npm run bench                 # build, then run everything
//   node bench/core-bench.mjs --quick      # skip the 100k list
//
// Environment:
//   BENCH_WARMUP_RUNS  warm-up runs before each in-process measurement (default 30; see below)
//   BENCH_MAX_S   hard limit in seconds for any single measurement (default 240). Runs that
//                 only have to show a target is met or missed stop as soon as that is known
//                 (e.g. awesome-lint on 100k is stopped once it has taken 3× listwarden's time).
//
// Every figure is printed with its target and PASS/MISS. Times are wall-clock milliseconds.
//
// "Warm" means past the JIT's warm-up, for both tools alike: each runs the seed WARMUP_RUNS
// times (or for WARMUP_MAX_MS, whichever ends first) before it is measured. V8 needs that
// long: listwarden's first run of the seed takes ~250 ms, the next twenty 30–60 ms, and only
// then ~15–20 ms; awesome-lint's ~300 ms, then ~150 ms, then ~80 ms (2-core VM, Node 20).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const CORE = join(root, 'lib', 'core', 'check-source.js');
const MODE = !isMainThread ? 'worker' : process.argv[2] === '--exec-rss' ? 'exec-rss' : 'bench';

/** The warm-up both tools get before an in-process measurement (see the header). */
const WARMUP_RUNS = Number(process.env.BENCH_WARMUP_RUNS ?? 30);
const WARMUP_MAX_MS = 5000;

// ---------------------------------------------------------------------------------------------
// Mode 1: `--exec-rss SCRIPT ARGS…` runs a Node CLI script in this process and reports its peak
// RSS on stderr when it exits. Both tools' child processes go through it, so they pay the same.
// ---------------------------------------------------------------------------------------------
if (MODE === 'exec-rss') {
  const script = resolve(process.argv[3]);
  process.argv = [process.argv[0], script, ...process.argv.slice(4)];
  process.on('exit', () => {
    process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
  });
  await import(pathToFileURL(script).href);
} else if (MODE === 'worker') {
  // -------------------------------------------------------------------------------------------
  // Mode 2: worker thread timing checkSource on one file (so a run that is too slow can be
  // stopped with worker.terminate()). Warms up on the warm-up file first.
  // -------------------------------------------------------------------------------------------
  const { file, warmupFile, runs, budgetMs } = workerData;
  const { checkSource } = await import(pathToFileURL(CORE).href);
  const warm = readFileSync(warmupFile, 'utf8');
  for (let i = 0; i < WARMUP_RUNS; i++) checkSource('warmup.md', warm);
  const source = readFileSync(file, 'utf8');
  const times = [];
  let findings = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    findings = checkSource('list.md', source).findings.length;
    times.push(performance.now() - t);
    parentPort.postMessage({ type: 'run', ms: times.at(-1), findings });
    const spent = performance.now() - started;
    if (spent + times.at(-1) > budgetMs) break; // the next run would not fit in the budget
  }
  parentPort.postMessage({ type: 'done', times, findings });
}
// Mode 3 (the benchmark itself) starts at the end of the file, once everything is defined.

// ---------------------------------------------------------------------------------------------
// Mode 3: the benchmark itself.
// ---------------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const fmtMb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'PASS' : 'MISS');

/** Runs `fn` (sync or async) WARMUP_RUNS times, or until WARMUP_MAX_MS have passed; returns the runs done. */
async function warmUp(fn) {
  const started = performance.now();
  let runs = 0;
  while (runs < WARMUP_RUNS && (runs < 2 || performance.now() - started < WARMUP_MAX_MS)) {
    await fn();
    runs++;
  }
  return runs;
}

const rows = [];
const notes = [];
function row(what, value, target, ok) {
  rows.push([what, value, target, verdict(ok)]);
  process.stderr.write(`  ${what}: ${value}  [${target}] ${verdict(ok)}\n`);
}

/** Times checkSource on a file in a worker; stops the worker after limitMs. */
function timeInWorker(file, warmupFile, runs, budgetMs, limitMs) {
  return new Promise((resolvePromise) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { file, warmupFile, runs, budgetMs } });
    const times = [];
    let findings = 0;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(result);
    };
    const timer = setTimeout(() => {
      void worker.terminate();
      finish({ times, findings, timedOut: true });
    }, limitMs);
    worker.on('message', (m) => {
      if (m.type === 'run') {
        times.push(m.ms);
        findings = m.findings;
      } else if (m.type === 'done') {
        void worker.terminate();
        finish({ times: m.times, findings: m.findings, timedOut: false });
      }
    });
    worker.on('error', (error) => finish({ times, findings, timedOut: false, error }));
    worker.on('exit', () => finish({ times, findings, timedOut: false, error: times.length ? undefined : new Error('worker exited') }));
  });
}

/** Runs `node bench/core-bench.mjs --exec-rss SCRIPT ARGS` in cwd with a time limit. */
function timeChild(script, args, cwd, limitMs) {
  return new Promise((resolvePromise) => {
    const t = performance.now();
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--exec-rss', script, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', CI: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t;
      const rss = /@@maxrss (\d+)/.exec(stderr);
      resolvePromise({ ms, code, signal, timedOut, stdout, stderr: stderr.replace(/\n@@maxrss \d+\n?/, ''), maxRssKb: rss ? Number(rss[1]) : undefined });
    });
  });
}

async function main() {
  const quick = process.argv.includes('--quick');
  const maxMs = Number(process.env.BENCH_MAX_S ?? 240) * 1000;
  if (!existsSync(CORE)) {
    process.stderr.write('bench: lib/ is not built — run `npm run bench` (which builds first) or `npm run build`\n');
    process.exit(2);
  }
  const { checkSource } = await import(pathToFileURL(CORE).href);
  const { generateList } = await import(pathToFileURL(join(here, 'generate-list.mjs')).href);
  const awesomeLintCli = join(root, 'node_modules', 'awesome-lint', 'cli.js');
  const awesomeLintVersion = existsSync(awesomeLintCli)
    ? JSON.parse(readFileSync(join(root, 'node_modules', 'awesome-lint', 'package.json'), 'utf8')).version
    : undefined;
  const listwardenBin = join(root, 'bin', 'listwarden.cjs');

  // Inputs. Each goes into its own temp directory as readme.md: awesome-lint checks the file
  // name and looks for a git repository and contributing.md around it, and a fresh directory
  // outside any git repository keeps it offline (its github rule then reports instead of fetching).
  let seedPath = resolve(root, '..', 'shared', 'seeds', '002_677f36e97807c53a.md');
  let seedLabel = 'seed 002_677f36e97807c53a.md';
  if (!existsSync(seedPath)) {
    seedPath = join(root, 'examples', 'awesome-example.md');
    seedLabel = 'examples/awesome-example.md';
    notes.push(`../shared/seeds/002_677f36e97807c53a.md is absent — fell back to examples/awesome-example.md`);
  }
  const work = mkdtempSync(join(tmpdir(), 'listwarden-bench-'));
  const place = (name, text) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'readme.md');
    writeFileSync(file, text);
    return { name, dir, file, text };
  };
  const inputs = [
    place('seed', readFileSync(seedPath, 'utf8')),
    place('10k', generateList(10_000)),
    ...(quick ? [] : [place('100k', generateList(100_000))]),
  ];
  const [seed, list10k, list100k] = inputs;

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stderr.write(`listwarden core bench — node ${process.version}, ${cpus().length} × ${cpu}\n`);
  process.stderr.write(`awesome-lint ${awesomeLintVersion ?? 'not installed'}; per-measurement limit ${maxMs / 1000} s\n`);

  // Calibration: how fast this machine is, to read the absolute figures against.
  {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 1e8; i++) x = (x + i) | 0;
    notes.push(`machine calibration: 1e8-iteration integer loop took ${fmtMs(performance.now() - t)} (x=${x & 1}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }

  // --- 1. seed list, warm, in-process ---------------------------------------------------------
  {
    const warmRuns = await warmUp(() => checkSource('readme.md', seed.text));
    notes.push(`seed, listwarden in-process: ${warmRuns} warm-up runs before the measured ones`);
    const times = [];
    let findings = 0;
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      findings = checkSource('readme.md', seed.text).findings.length;
      times.push(performance.now() - t);
    }
    const m = median(times);
    seed.inProcessMs = m;
    row(`${seedLabel} (${seed.text.split('\n').length} lines), in-process warm, median of ${times.length}`, `${fmtMs(m)} (${findings} findings)`, '≤ 50 ms', m <= 50);
  }
  const rssAfterSeed = process.resourceUsage().maxRSS;

  // --- 2. generated lists, in-process (worker thread, warmed up on the seed) ----------------------
  {
    const r = await timeInWorker(list10k.file, seed.file, 3, Math.min(60_000, maxMs), maxMs);
    if (r.error || r.times.length === 0) {
      row('10k entries, in-process', r.timedOut ? `> ${fmtMs(maxMs)} (stopped)` : `failed: ${r.error?.message}`, '≤ 1 s', false);
    } else {
      list10k.inProcessMs = median(r.times);
      row(`10k entries (${fmtMb(list10k.text.length / 1024)}), in-process, median of ${r.times.length}`, `${fmtMs(list10k.inProcessMs)} (${r.findings} findings)`, '≤ 1 s', list10k.inProcessMs <= 1000);
      if (r.times.length < 3) notes.push(`10k in-process: ${r.times.length} run(s) instead of 3 — a run took ${fmtMs(r.times[0])}, more would exceed the 60 s budget`);
    }
  }
  if (list100k) {
    if (list10k.inProcessMs === undefined) {
      row('100k entries, in-process', 'not run (10k did not finish)', '≤ 12 × 10k', undefined);
    } else {
      // Up to 3 runs (a median, like the 10k figure), each allowed 13× the 10k time: a run
      // slower than that decides the target by itself, and the worker is stopped after
      // three such runs plus the warm-up.
      const limit = Math.min(maxMs, Math.max(10_000, list10k.inProcessMs * 13));
      const r = await timeInWorker(list100k.file, seed.file, 3, Math.min(maxMs, 3 * limit), Math.min(maxMs, 3 * limit + 10_000));
      if (r.times.length === 0) {
        const why = r.timedOut ? `> ${fmtMs(limit)} (stopped)` : `failed: ${r.error?.message}`;
        row('100k entries, in-process', why, '—', undefined);
        if (r.timedOut) list100k.inProcessAtLeastMs = limit;
        const bound = limit / list10k.inProcessMs;
        row('100k / 10k time ratio', r.timedOut ? `> ${bound.toFixed(1)}` : 'n/a', '≤ 12', r.timedOut && bound >= 12 ? false : undefined);
        if (r.timedOut && bound < 12) notes.push(`100k in-process hit the ${fmtMs(maxMs)} limit before 12× the 10k time — raise BENCH_MAX_S to decide the ratio`);
      } else {
        list100k.inProcessMs = median(r.times);
        row(`100k entries (${fmtMb(list100k.text.length / 1024)}), in-process, median of ${r.times.length}`, `${fmtMs(list100k.inProcessMs)} (${r.findings} findings)`, '—', undefined);
        const ratio = list100k.inProcessMs / list10k.inProcessMs;
        row('100k / 10k time ratio', `${ratio.toFixed(1)}×`, '≤ 12', ratio <= 12);
      }
    }
  }
  const rssInProcess = process.resourceUsage().maxRSS;

  // --- 3. child processes: listwarden CLI vs awesome-lint, same file, same cwd -----------------
  // On the seed the two tools take turns (listwarden, awesome-lint, listwarden, …), so a change
  // in the machine's load during the measurement falls on both alike; each figure is a median.
  // A run that is stopped gives a bound ("> t"); the speed-up is then a bound too, and is
  // reported as PASS/MISS only when the bound decides the ≥ 3× target.
  const CHILD_PAIRS_SEED = 7;
  for (const input of inputs) {
    const label = input === seed ? 'seed' : input.name;
    const pairs = input === seed ? CHILD_PAIRS_SEED : 1;
    const lwRuns = [];
    const alRuns = [];
    let lwSkip = input.inProcessMs === undefined;
    let alSkip = !awesomeLintVersion;
    const lwLimit = input.inProcessMs === undefined ? 0 : Math.min(maxMs, Math.max(30_000, input.inProcessMs * 2 + 10_000));
    for (let i = 0; i < pairs && !(lwSkip && alSkip); i++) {
      if (!lwSkip) {
        const r = await timeChild(listwardenBin, ['check', 'readme.md', '--offline', '--format', 'json'], input.dir, lwLimit);
        lwRuns.push(r);
        if (r.timedOut || (r.code !== 0 && r.code !== 1)) lwSkip = true;
      }
      if (!alSkip) {
        // On the big list, run it only as long as it takes to decide the ≥ 3× target.
        const lwMs = lwRuns.at(-1)?.ms;
        const alLimit = input === list100k && lwMs !== undefined ? Math.min(maxMs, Math.max(60_000, lwMs * 3.2)) : maxMs;
        const r = await timeChild(awesomeLintCli, ['readme.md'], input.dir, alLimit);
        r.limit = alLimit;
        alRuns.push(r);
        if (r.timedOut || r.signal) alSkip = true;
      }
    }

    // listwarden
    let lw; // { ms, atLeast }
    if (input.inProcessMs === undefined) {
      if (input.inProcessAtLeastMs !== undefined) lw = { ms: input.inProcessAtLeastMs, atLeast: true };
      row(`${label}: listwarden CLI (child)`, `not run: in-process already took > ${fmtMs(input.inProcessAtLeastMs ?? maxMs)}, the CLI can only be slower`, '—', undefined);
    } else {
      const last = lwRuns.at(-1);
      if (last.timedOut) {
        lw = { ms: lwLimit, atLeast: true };
        row(`${label}: listwarden CLI (child)`, `> ${fmtMs(lwLimit)} (stopped)`, '—', undefined);
      } else if (last.code !== 0 && last.code !== 1) {
        row(`${label}: listwarden CLI (child)`, `exit ${last.code ?? last.signal}: ${last.stderr.trim().split('\n').slice(-1)[0] ?? ''}`, '—', false);
      } else {
        let count = '?';
        try {
          count = String(JSON.parse(last.stdout).findings.length);
        } catch {
          /* not JSON: leave '?' */
        }
        lw = { ms: median(lwRuns.map((r) => r.ms)), atLeast: false };
        row(`${label}: listwarden CLI (child), median of ${lwRuns.length}`, `${fmtMs(lw.ms)}, peak RSS ${fmtMb(Math.max(...lwRuns.map((r) => r.maxRssKb ?? 0)))} (${count} findings)`, '—', undefined);
      }
    }
    // awesome-lint
    if (!awesomeLintVersion) {
      row(`${label}: awesome-lint (child)`, 'not installed (npm i -D awesome-lint)', '—', undefined);
      continue;
    }
    const last = alRuns.at(-1);
    let al; // { ms, atLeast }
    if (last.timedOut) {
      al = { ms: last.limit, atLeast: true };
      row(`${label}: awesome-lint (child)`, `> ${fmtMs(last.limit)} (stopped)`, '—', undefined);
    } else if (last.code !== 0 && last.code !== 1) {
      const why = `${last.stderr}${last.stdout}`.trim().split('\n').filter((l) => /Error|error/.test(l)).slice(0, 1)[0] ?? `exit ${last.code ?? last.signal}`;
      row(`${label}: awesome-lint (child)`, `could not run: ${why.slice(0, 120)}`, '—', undefined);
    } else {
      al = { ms: median(alRuns.map((r) => r.ms)), atLeast: false };
      const messages = (last.stdout.match(/^\s+[✖⚠]\s+\d+:\d+/gmu) ?? []).length;
      row(`${label}: awesome-lint (child), median of ${alRuns.length}`, `${fmtMs(al.ms)}, peak RSS ${fmtMb(Math.max(...alRuns.map((r) => r.maxRssKb ?? 0)))} (${messages} messages)`, '—', undefined);
    }
    if (al && lw && !(al.atLeast && lw.atLeast)) {
      const speedup = al.ms / lw.ms;
      if (lw.atLeast) row(`${label}: speed-up, child vs child`, `< ${speedup.toFixed(1)}×`, '≥ 3×', speedup < 3 ? false : undefined);
      else if (al.atLeast) row(`${label}: speed-up, child vs child`, `> ${speedup.toFixed(1)}×`, '≥ 3×', speedup >= 3 ? true : undefined);
      else row(`${label}: speed-up, child vs child`, `${speedup.toFixed(1)}×`, '≥ 3×', speedup >= 3);
    } else {
      row(`${label}: speed-up, child vs child`, 'n/a (no comparable figures)', '≥ 3×', undefined);
    }
  }

  // --- 4. awesome-lint in-process on the seed (its API), against listwarden warm in-process ---
  if (awesomeLintVersion) {
    try {
      const { default: awesomeLint } = await import(pathToFileURL(join(root, 'node_modules', 'awesome-lint', 'index.js')).href);
      const cwd = process.cwd();
      process.chdir(seed.dir);
      try {
        const warmRuns = await warmUp(() => awesomeLint({ filename: 'readme.md' }));
        notes.push(`seed, awesome-lint in-process: ${warmRuns} warm-up runs before the measured ones`);
        const times = [];
        for (let i = 0; i < 21; i++) {
          const t = performance.now();
          await awesomeLint({ filename: 'readme.md' });
          times.push(performance.now() - t);
        }
        const m = median(times);
        row(`seed: awesome-lint in-process (lint() API) warm, median of ${times.length}`, fmtMs(m), '—', undefined);
        const speedup = m / seed.inProcessMs;
        row('seed: speed-up, in-process warm', `${speedup.toFixed(1)}×`, '≥ 3×', speedup >= 3);
      } finally {
        process.chdir(cwd);
      }
    } catch (error) {
      row('seed: awesome-lint in-process', `could not run: ${String(error?.message ?? error).slice(0, 120)}`, '—', undefined);
    }
  }

  // --- 5. memory -------------------------------------------------------------------------------
  row('peak RSS, bench process after the seed runs', fmtMb(rssAfterSeed), '—', undefined);
  row(`peak RSS, bench process after the in-process runs${list100k ? ' (incl. 100k)' : ''}`, fmtMb(rssInProcess), '—', undefined);
  notes.push('listwarden child timings include Node start-up and loading the CLI; awesome-lint child timings include its start-up and the git calls of its github rule');

  rmSync(work, { recursive: true, force: true });

  // --- table -------------------------------------------------------------------------------------
  const header = ['measurement', 'value', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line), ''];
  for (const n of notes) out.push(`note: ${n}`);
  const misses = rows.filter((r) => r[3] === 'MISS').length;
  out.push(`${rows.filter((r) => r[3] === 'PASS').length} PASS, ${misses} MISS`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (MODE === 'bench') await main();
