// Benchmarks listwarden's link checker (the compiled CLI in lib/, built by `npm run build`)
// against markdown-link-check and linkinator on a loopback link farm, and prints every figure
// with its target and PASS/MISS.
//
//   npm run bench:links                  # build, then run everything (a few minutes)
//   node bench/links-bench.mjs --quick   # listwarden only (no peers), then the memory run
//   node bench/links-bench.mjs --no-memory  # skip the 20,000-URL memory run
//   node bench/links-bench.mjs --slow-only  # only the slow-hosts farm (makespan)
//   node bench/links-bench.mjs --http    # serve plain http (listwarden then also probes
//                                        # each alive http:// URL's https:// twin)
//
// Environment:
//   BENCH_TOOL_TIMEOUT_S   limit for one tool run, in seconds (default 600); a run over it
//                          is stopped and reported as TIMEOUT.
//   BENCH_TRACE_DIR        write each run's farm log (per request: start and end ms from the first
//                          request, host, method, status, path) as JSON into this directory.
//   BENCH_LISTWARDEN       another listwarden entry script to run instead of bin/listwarden.cjs
//                          (e.g. an older checkout's bin/listwarden.cjs), to compare builds.
//                          The memory driver always uses this checkout's lib/.
//   BENCH_AB=<script>,N    compare two builds: only cold runs on the main farm, N of this
//                          checkout's bin/listwarden.cjs, N of <script> and N of the bare client
//                          (bench/links-bare-client.mjs), taking turns (so a change in the
//                          machine's load falls on all alike); prints medians.
//
// The farm (bench/links-farm.mjs) runs in its own child process: 100 hosts (127.0.0.1–100,
// one port), 20 URLs each, 100 ms per response; 2 % answer 429 (Retry-After: 1) on the
// first request, 3 % refuse HEAD (403), 2 % are 404, 2 % are 301 to an alive page. It counts
// every request per host and URL, and the most requests each host had in flight at once.
// By default it serves https with a certificate made here, which every tool is told to trust
// through NODE_EXTRA_CA_CERTS (real lists are https; plain http would also make listwarden
// probe an https:// twin of every alive link). No request leaves loopback: the tools' child
// processes get no proxy variables and no GitHub token, and none of them checks for updates.
//
// Runs, one after another: listwarden cold (fresh --state), markdown-link-check, linkinator,
// listwarden warm (same --state); then listwarden on 300 URLs of one host with a 5 s
// whole-probe timeout (the queue is longer than that); then the main farm with its last 3
// hosts answering after 3 s (the slowest hosts must get their full per-host limit early: the
// link phase within 1.2× of ceil(requests ÷ 4) × 3 s); then the 20,000-URL memory run: the
// CLI, the CLI with --offline on the same list, and checkUrls alone (links-memory-driver.mjs).
// Every tool runs in the temp dir with relative paths: the CLI joins --state onto its cwd
// (src/cli/link-ports.ts uses join, not resolve), so an absolute --state path breaks.

import { fork, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIVE, kindOf } from './links-farm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SLOW_ONLY = args.has('--slow-only');
const MEMORY_RUN = !args.has('--no-memory');
const TLS = !args.has('--http');
const TOOL_TIMEOUT_MS = Number(process.env.BENCH_TOOL_TIMEOUT_S ?? 600) * 1000;

const MAIN = { hosts: 100, perHost: 20, latencyMs: 100 };
const MEMORY = { hosts: 200, perHost: 100, latencyMs: 10 };
const ONE_HOST = { hosts: 1, perHost: 300, latencyMs: 100, timeoutSeconds: 5 };
// The main farm where the last three hosts answer every request after 3 s: the run's end is
// set by them, and they must get their full per-host limit early (makespan scheduling).
const SLOW = { ...MAIN, slowHosts: 3, slowLatencyMs: 3000 };
const LW = { concurrency: 64, hostConcurrency: 4 }; // DEFAULT_LINK_OPTIONS
const RETRY_AFTER_MS = 1000;
const BARE_NAME = 'bare client (bench/links-bare-client.mjs: regex for URLs, undici, same limits; no parse, rules, report or state)';

const work = mkdtempSync(join(tmpdir(), 'listwarden-links-bench-'));
const children = new Set();
let farm;

// ---------------------------------------------------------------------------------------------
// The farm: a forked child, driven over IPC.
// ---------------------------------------------------------------------------------------------
function startFarmProcess() {
  const child = fork(join(here, 'links-farm.mjs'), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let next = 0;
  const waiting = new Map();
  child.on('message', (message) => {
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.error) entry.reject(new Error(message.error));
    else entry.resolve(message);
  });
  child.on('exit', (code) => {
    for (const entry of waiting.values()) entry.reject(new Error(`link farm exited (${code})`));
    waiting.clear();
  });
  const ask = (cmd, extra = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ id, cmd, ...extra });
    });
  return { child, ask };
}

async function openFarm(config, tls) {
  const proc = startFarmProcess();
  const { port, scheme } = await proc.ask('start', { config: { ...config, ...(tls ? { tls: { hosts: tls.hosts } } : {}) } });
  const urls = [];
  for (let n = 0; n < config.hosts * config.perHost; n++) {
    urls.push(`${scheme}://127.0.0.${Math.floor(n / config.perHost) + 1}:${port}/p/${n}`);
  }
  return {
    ...config,
    port,
    scheme,
    urls,
    index: new Map(urls.map((u, n) => [u, n])),
    stats: () => proc.ask('stats'),
    reset: () => proc.ask('reset'),
    async close() {
      await proc.ask('close').catch(() => undefined);
      await new Promise((r) => (proc.child.exitCode !== null ? r() : proc.child.once('exit', r)));
    },
  };
}

/** A CA (trusted by the tools through NODE_EXTRA_CA_CERTS) and one certificate per host, as real sites have. */
async function makeCertificates(hosts) {
  const selfsigned = (await import('selfsigned')).default;
  const { generateKeyPairSync } = await import('node:crypto');
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'listwarden bench CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  // One key pair for every host: signing is what costs here (~15 ms a certificate).
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const leaves = [];
  for (let h = 1; h <= hosts; h++) {
    const leaf = await selfsigned.generate([{ name: 'commonName', value: `127.0.0.${h}` }], {
      keyType: 'ec',
      keyPair,
      algorithm: 'sha256',
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: `127.0.0.${h}` }] },
      ],
    });
    leaves.push({ key: leaf.private, cert: leaf.cert });
  }
  const certFile = join(work, 'farm-ca.pem');
  writeFileSync(certFile, ca.cert);
  return { hosts: leaves, certFile };
}

// ---------------------------------------------------------------------------------------------
// Running a tool: its own process group, a timeout, no network settings from outside.
// ---------------------------------------------------------------------------------------------
function toolEnv(certFile) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(https?_proxy|all_proxy|no_proxy|npm_config_.*proxy)$/i.test(name)) delete env[name];
  }
  delete env.GITHUB_TOKEN;
  delete env.GH_TOKEN;
  delete env.GITHUB_API_URL;
  delete env.NODE_OPTIONS;
  env.NO_PROXY = '*';
  env.NO_UPDATE_NOTIFIER = '1';
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  env.CI = 'true';
  if (certFile) env.NODE_EXTRA_CA_CERTS = certFile;
  return env;
}

let runs = 0;
function runTool(command, argv, { env, timeoutMs = TOOL_TIMEOUT_MS, cwd = work } = {}) {
  // Output goes to files, not pipes: a tool that ends with process.exit() (markdown-link-check
  // does) loses whatever it had not yet written to a pipe.
  const id = ++runs;
  const outFile = join(work, `run-${id}.out`);
  const errFile = join(work, `run-${id}.err`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env, detached: true, stdio: ['ignore', out, err] });
    closeSync(out);
    closeSync(err);
    children.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      children.delete(child);
      resolvePromise({ ms, code, signal, timedOut, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') });
    });
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone already */
    }
  }
}

function binOf(pkg, name) {
  const dir = join(root, 'node_modules', pkg);
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof meta.bin === 'string' ? meta.bin : meta.bin[name ?? pkg];
  return { path: join(dir, bin), version: meta.version };
}

// ---------------------------------------------------------------------------------------------
// The list and each tool's verdicts.
// ---------------------------------------------------------------------------------------------
function writeList(f, name) {
  const lines = ['# Awesome Bench', '', '> Links for the link-checker bench.', '', '## Tools', ''];
  f.urls.forEach((url, n) => lines.push(`- [Tool ${n}](${url}) - Does thing ${n}.`));
  lines.push('');
  const file = join(work, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Verdicts: URL → 'alive' | 'dead' | 'unverifiable' | 'redirect' (alive, reported as a redirect). */
function parseListwarden(stdout) {
  const verdicts = new Map();
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  const rule = { 'no-dead-link': 'dead', 'link-unverifiable': 'unverifiable', 'no-redirect': 'redirect' };
  for (const finding of report.findings ?? []) {
    const verdict = rule[finding.ruleId];
    if (verdict && finding.data?.url) verdicts.set(finding.data.url, verdict);
  }
  return { verdicts, silentIsAlive: true };
}

function parseBareClient(stdout) {
  try {
    return { verdicts: new Map(Object.entries(JSON.parse(stdout).verdicts)), silentIsAlive: false };
  } catch {
    return undefined;
  }
}

function parseMarkdownLinkCheck(stdout) {
  const verdicts = new Map();
  for (const line of stdout.split('\n')) {
    const m = /^\s*\[(✓|✖|\/)\] (\S+)/.exec(line);
    if (m) verdicts.set(m[2], m[1] === '✓' ? 'alive' : m[1] === '✖' ? 'dead' : 'skipped');
  }
  return { verdicts, silentIsAlive: false };
}

function parseLinkinator(stdout) {
  let report;
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    return undefined;
  }
  const verdicts = new Map();
  for (const link of report.links ?? []) {
    verdicts.set(link.url, link.state === 'OK' ? 'alive' : link.state === 'BROKEN' ? 'dead' : 'skipped');
  }
  return { verdicts, silentIsAlive: false };
}

/** Wrong verdicts against the ground truth, by kind of URL. */
function score(f, parsed) {
  const wrong = [];
  const byKind = {};
  f.urls.forEach((url, n) => {
    const kind = kindOf(n);
    const alive = ALIVE[kind];
    let verdict = parsed.verdicts.get(url) ?? (parsed.silentIsAlive ? 'alive' : 'none');
    const right = alive ? verdict === 'alive' || verdict === 'redirect' : verdict === 'dead';
    if (!right) {
      wrong.push({ url, kind, verdict });
      byKind[`${kind}→${verdict}`] = (byKind[`${kind}→${verdict}`] ?? 0) + 1;
    }
  });
  const movedReported = f.urls.filter((u, n) => kindOf(n) === 'moved' && parsed.verdicts.get(u) === 'redirect').length;
  return { wrong, byKind, movedReported };
}

// ---------------------------------------------------------------------------------------------
// Printing.
// ---------------------------------------------------------------------------------------------
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mark = (ok) => (ok ? 'PASS' : 'MISS');
const results = [];
function target(label, ok, detail) {
  results.push({ label, ok });
  console.log(`  ${mark(ok)}  ${label}${detail ? ` — ${detail}` : ''}`);
}

function spanOfStats(stats) {
  const hosts = stats.hosts.filter((h) => h.requests > 0);
  const busiest = hosts.reduce((a, h) => (h.maxInFlight > a.maxInFlight ? h : a), { maxInFlight: 0, host: '-' });
  const methods = {};
  for (const h of stats.hosts) for (const [m, c] of Object.entries(h.methods)) methods[m] = (methods[m] ?? 0) + c;
  return { busiest, methods };
}

async function measure(f, name, command, argv, parse, env) {
  await f.reset();
  const started = Date.now();
  const run = await runTool(command, argv, { env });
  const stats = await f.stats();
  run.firstRequestMs = stats.firstAt !== undefined ? stats.firstAt - started : undefined;
  run.networkMs = stats.firstAt !== undefined ? stats.lastAt - stats.firstAt : undefined;
  const { busiest, methods } = spanOfStats(stats);
  if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`), JSON.stringify(stats.log));
  const parsed = run.timedOut ? undefined : parse(run.stdout);
  const scored = parsed ? score(f, parsed) : undefined;
  const row = { name, run, stats, busiest, methods, scored };
  const methodText = Object.entries(methods)
    .map(([m, c]) => `${c} ${m}`)
    .join(', ');
  console.log(`\n${name}`);
  const phases = run.networkMs !== undefined ? `; first request after ${s(run.firstRequestMs)}, first request to last answer ${s(run.networkMs)}` : '';
  console.log(`  wall time          ${run.timedOut ? `TIMEOUT (stopped after ${s(run.ms)})` : s(run.ms)}  (exit ${run.code ?? run.signal}${phases})`);
  console.log(`  requests sent      ${stats.requests}${methodText ? ` (${methodText})` : ''}${stats.clientErrors ? `, ${stats.clientErrors} failed handshakes/garbled` : ''}`);
  console.log(`  most in flight     ${busiest.maxInFlight} on one host (${busiest.host}); ${stats.maxInFlight} on the whole farm`);
  if (scored) {
    const kinds = Object.entries(scored.byKind)
      .map(([k, c]) => `${c} ${k}`)
      .join(', ');
    console.log(`  wrong verdicts     ${scored.wrong.length}${kinds ? ` (${kinds})` : ''}`);
  } else {
    console.log(`  wrong verdicts     n/a (${run.timedOut ? 'timed out' : 'output not parsed'})`);
    if (!run.timedOut) console.log(`  stderr: ${run.stderr.slice(0, 2000)}\n  stdout: ${run.stdout.slice(0, 500)}`);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// The benchmark.
// ---------------------------------------------------------------------------------------------
async function main() {
  const lwBin = process.env.BENCH_LISTWARDEN ? resolve(process.env.BENCH_LISTWARDEN) : join(root, 'bin', 'listwarden.cjs');
  if (!existsSync(join(root, 'lib', 'cli', 'index.js'))) throw new Error('lib/ is not built: run `npm run build` first (npm run bench:links does)');
  const mlc = binOf('markdown-link-check');
  const lk = binOf('linkinator');
  const tls = TLS ? await makeCertificates(Math.max(MAIN.hosts, MEMORY.hosts)) : undefined;
  const env = toolEnv(tls?.certFile);

  console.log('listwarden link-checker bench');
  console.log(`  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(`  farm: ${MAIN.hosts} hosts × ${MAIN.perHost} URLs = ${MAIN.hosts * MAIN.perHost}, ${MAIN.latencyMs} ms per response, ${TLS ? 'https (bench CA via NODE_EXTRA_CA_CERTS)' : 'plain http'}, separate process`);
  const counts = {};
  for (let n = 0; n < MAIN.hosts * MAIN.perHost; n++) counts[kindOf(n)] = (counts[kindOf(n)] ?? 0) + 1;
  console.log(`  mix: ${counts.ok} ok, ${counts.r429} 429-then-200 (Retry-After: 1), ${counts.head403} HEAD-403/GET-200, ${counts.missing} 404, ${counts.moved} 301→200`);

  farm = await openFarm(MAIN, tls);
  writeList(farm, 'list.md');
  // Paths relative to the tools' working directory (the temp dir): see the note on --state.
  const lwArgs = ['check', 'list.md', '--allow-private', '--format', 'json', '--fail-on', 'never', '--state', 'links-state.json'];

  // Lower bound for listwarden (its own limits).
  const urlsN = farm.urls.length;
  const bound = Math.max((urlsN * MAIN.latencyMs) / LW.concurrency, (MAIN.perHost * MAIN.latencyMs) / LW.hostConcurrency, RETRY_AFTER_MS + 2 * MAIN.latencyMs);
  console.log(
    `  listwarden lower bound: max(${urlsN} × ${MAIN.latencyMs} ms ÷ ${LW.concurrency} = ${s((urlsN * MAIN.latencyMs) / LW.concurrency)}; ` +
      `${MAIN.perHost} × ${MAIN.latencyMs} ms ÷ ${LW.hostConcurrency} = ${s((MAIN.perHost * MAIN.latencyMs) / LW.hostConcurrency)}; ` +
      `${RETRY_AFTER_MS} ms + 2 × ${MAIN.latencyMs} ms = ${s(RETRY_AFTER_MS + 2 * MAIN.latencyMs)}) = ${s(bound)}`,
  );

  console.log('\nSettings');
  console.log(`  listwarden ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}: node bin/listwarden.cjs ${lwArgs.join(' ').replaceAll(work + '/', '')} (defaults: concurrency ${LW.concurrency}, host concurrency ${LW.hostConcurrency}, GET with a 64 KiB prefix for titles, 2 retries)`);
  const mlcConfig = join(work, 'mlc.json');
  writeFileSync(mlcConfig, JSON.stringify({ retryOn429: true, retryCount: 2, fallbackRetryDelay: '2s', timeout: '10s', aliveStatusCodes: [200, 206] }, null, 2));
  console.log(`  markdown-link-check ${mlc.version}: markdown-link-check -c mlc.json list.md (every line, not -q, to read each verdict); mlc.json = {retryOn429: true, retryCount: 2, fallbackRetryDelay: 2s, timeout: 10s, aliveStatusCodes: [200, 206]}; its fixed concurrency is 2, HEAD then GET`);
  console.log(`  linkinator ${lk.version} (newest whose engines allow node 20; 8.x needs node ≥ 22): linkinator list.md --markdown --format json --retry --timeout 10000 (default concurrency 100, no per-host limit, HEAD then GET)`);
  console.log(`  each run: its own process, stopped after ${s(TOOL_TIMEOUT_MS)}; farm counters reset before each`);

  if (process.env.BENCH_AB) {
    await compareBuilds(process.env.BENCH_AB, lwArgs, env, bound);
    return;
  }
  if (SLOW_ONLY) {
    await farm.close();
    farm = undefined;
    await slowHostsRun(lwBin, tls, env);
    return report();
  }

  // 1. listwarden, cold.
  const lw = await measure(farm, `listwarden (cold, fresh --state)`, process.execPath, [lwBin, ...lwArgs], parseListwarden, env);
  const rows = [lw];
  // What this machine allows at all: a bare client with listwarden's limits (no parse, rules, report).
  const bare = await measure(farm, BARE_NAME, process.execPath, [join(here, 'links-bare-client.mjs'), 'list.md'], parseBareClient, env);
  // 2. The peers.
  if (!QUICK) {
    rows.push(await measure(farm, 'markdown-link-check', process.execPath, [mlc.path, '-c', 'mlc.json', 'list.md'], parseMarkdownLinkCheck, env));
    rows.push(await measure(farm, 'linkinator', process.execPath, [lk.path, 'list.md', '--markdown', '--format', 'json', '--retry', '--timeout', '10000'], parseLinkinator, env));
  }
  // 3. listwarden again with the same state, inside its TTL.
  const warm = await measure(farm, 'listwarden (warm, same --state inside the TTL)', process.execPath, [lwBin, ...lwArgs], parseListwarden, env);
  const perUrl = new Map(warm.stats.perUrl);
  let aliveRequests = 0;
  let deadRequests = 0;
  for (const [n, c] of perUrl) {
    if (ALIVE[kindOf(n)]) aliveRequests += c;
    else deadRequests += c;
  }
  console.log(`  of which           ${aliveRequests} to links seen alive, ${deadRequests} to links seen dead (re-checked on every run by design)`);

  // Targets.
  console.log('\nTargets');
  const mlcRow = rows.find((r) => r.name === 'markdown-link-check');
  const lkRow = rows.find((r) => r.name === 'linkinator');
  const lwOk = !lw.run.timedOut && lw.run.code !== null;
  const ratio = lw.run.ms / bound;
  target('listwarden ≤ 1.2 × the lower bound (whole CLI run)', lwOk && ratio <= 1.2, `${s(lw.run.ms)} ÷ ${s(bound)} = ${ratio.toFixed(2)}× (of which ${s(lw.run.firstRequestMs)} before the first request: start-up, Markdown parse; ${s(lw.run.ms - lw.run.firstRequestMs - lw.run.networkMs)} after the last answer: rules, report, state)`);
  console.log(
    `  ----  reachable here: the bare client's whole run takes ${s(bare.run.ms)} = ${(bare.run.ms / bound).toFixed(2)}× the bound ` +
      `(first request after ${s(bare.run.firstRequestMs)}); listwarden's is ${(lw.run.ms / bare.run.ms).toFixed(2)}× the bare client's`,
  );
  const linkRatio = lw.run.networkMs / bound;
  target('listwarden ≤ 1.2 × the lower bound (link phase: first request to last answer)', lwOk && linkRatio <= 1.2, `${s(lw.run.networkMs)} ÷ ${s(bound)} = ${linkRatio.toFixed(2)}× (${lw.stats.requests} requests ÷ ${LW.concurrency} × ${MAIN.latencyMs} ms alone = ${s((lw.stats.requests * MAIN.latencyMs) / LW.concurrency)}; ${lw.stats.connections} TLS connections)`);
  if (lkRow) {
    const ok = lwOk && (lkRow.run.timedOut || lw.run.ms < lkRow.run.ms);
    target('listwarden faster than linkinator', ok, `${s(lw.run.ms)} vs ${lkRow.run.timedOut ? 'TIMEOUT' : s(lkRow.run.ms)}`);
  }
  target(`listwarden never over its per-host limit (${LW.hostConcurrency})`, lw.busiest.maxInFlight <= LW.hostConcurrency && warm.busiest.maxInFlight <= LW.hostConcurrency, `most in flight on one host: ${lw.busiest.maxInFlight}`);
  if (mlcRow) {
    const speedup = mlcRow.run.ms / lw.run.ms;
    target('listwarden ≥ 5× faster than markdown-link-check', lwOk && speedup >= 5, `${s(mlcRow.run.ms)}${mlcRow.run.timedOut ? ' (TIMEOUT, at least)' : ''} ÷ ${s(lw.run.ms)} = ${speedup.toFixed(1)}×`);
  }
  target('listwarden zero wrong verdicts', lw.scored?.wrong.length === 0, `${lw.scored ? lw.scored.wrong.length : 'n/a'} wrong; ${lw.scored?.movedReported ?? 0}/${counts.moved} 301s reported as no-redirect`);
  target('listwarden warm run: 0 requests to links seen alive', aliveRequests === 0, `${aliveRequests} (and ${deadRequests} to the ${counts.missing} dead ones), wall ${s(warm.run.ms)}`);
  if (warm.scored) target('listwarden warm run: zero wrong verdicts', warm.scored.wrong.length === 0, `${warm.scored.wrong.length} wrong`);
  await farm.close();
  farm = undefined;

  // 4. Many links to one host (think github.com without a token): the queue behind the host
  // limit is longer than the whole-probe timeout (5 s here, 30 s by default). Waiting for a
  // slot must not count as the probe's time, and retries and redirect hops must not wait
  // behind the whole queue again.
  const oneN = ONE_HOST.hosts * ONE_HOST.perHost;
  console.log(`\nOne busy host: ${oneN} URLs on one host, ${ONE_HOST.latencyMs} ms per response, same mix, links.timeoutSeconds ${ONE_HOST.timeoutSeconds}`);
  farm = await openFarm(ONE_HOST, tls);
  writeList(farm, 'one-host.md');
  writeFileSync(join(work, 'one-host.yml'), `links:\n  timeoutSeconds: ${ONE_HOST.timeoutSeconds}\n`);
  const one = await measure(farm, 'listwarden (one host)', process.execPath, [lwBin, 'check', 'one-host.md', '--allow-private', '--format', 'json', '--fail-on', 'never', '--config', 'one-host.yml'], parseListwarden, env);
  const oneCounts = {};
  for (let n = 0; n < oneN; n++) oneCounts[kindOf(n)] = (oneCounts[kindOf(n)] ?? 0) + 1;
  const oneFloor = (oneN * ONE_HOST.latencyMs) / LW.hostConcurrency + oneCounts.r429 * RETRY_AFTER_MS;
  console.log(`  floor              ${oneN} × ${ONE_HOST.latencyMs} ms ÷ ${LW.hostConcurrency} + ${oneCounts.r429} host pauses × ${RETRY_AFTER_MS} ms (each 429 pauses the whole host) = ${s(oneFloor)}`);
  target(`one busy host: zero wrong verdicts with a queue longer than the ${ONE_HOST.timeoutSeconds} s whole-probe timeout`, one.scored?.wrong.length === 0, `${one.scored ? one.scored.wrong.length : 'n/a'} wrong of ${oneN}`);
  await farm.close();
  farm = undefined;

  // 5. Slow hosts among fast ones: finish the slowest first.
  await slowHostsRun(lwBin, tls, env);

  // 6. Memory: 20,000 URLs, three ways: the CLI (under /usr/bin/time -v when there is one), the
  // CLI with --offline on the same list (parse and rules only: what is not the link checker),
  // and the link checker alone (checkUrls from lib/, no Markdown).
  if (!MEMORY_RUN) return report();
  const bigN = MEMORY.hosts * MEMORY.perHost;
  console.log(`\nMemory: listwarden over ${MEMORY.hosts} hosts × ${MEMORY.perHost} URLs = ${bigN}, ${MEMORY.latencyMs} ms per response, same mix`);
  farm = await openFarm(MEMORY, tls);
  writeList(farm, 'big.md');
  writeFileSync(join(work, 'big-urls.txt'), `${farm.urls.join('\n')}\n`);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const withRss = (argv) => (timeBin ? [timeBin, ['-v', process.execPath, ...argv]] : [process.execPath, [join(here, 'links-rss.mjs'), ...argv]]);
  const rssOf = (run) => Number((timeBin ? /Maximum resident set size \(kbytes\): (\d+)/ : /@@maxrss (\d+)/).exec(run.stderr)?.[1]);
  const mib = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MiB` : 'n/a');
  const bigBound = Math.max((bigN * MEMORY.latencyMs) / LW.concurrency, (MEMORY.perHost * MEMORY.latencyMs) / LW.hostConcurrency, RETRY_AFTER_MS + 2 * MEMORY.latencyMs);

  await farm.reset();
  const started = Date.now();
  const big = await runTool(...withRss([lwBin, 'check', 'big.md', '--allow-private', '--format', 'json', '--fail-on', 'never', '--output', 'big.json']), { env });
  const bigStats = await farm.stats();
  const bigParsed = existsSync(join(work, 'big.json')) ? parseListwarden(readFileSync(join(work, 'big.json'), 'utf8')) : undefined;
  const bigScore = bigParsed ? score(farm, bigParsed) : undefined;
  const bigBusiest = spanOfStats(bigStats).busiest;
  const phases = bigStats.firstAt !== undefined ? `; first request after ${s(bigStats.firstAt - started)}, link phase ${s(bigStats.lastAt - bigStats.firstAt)} (${((bigStats.lastAt - bigStats.firstAt) / bigBound).toFixed(2)}× its bound ${s(bigBound)})` : '';
  console.log(`  CLI                ${big.timedOut ? 'TIMEOUT' : s(big.ms)} (exit ${big.code ?? big.signal}${phases})`);
  console.log(`    peak RSS         ${mib(rssOf(big))} (${timeBin ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}: parse, rules, link checks, report)`);
  console.log(`    requests sent    ${bigStats.requests}; most in flight on one host ${bigBusiest.maxInFlight}, on the farm ${bigStats.maxInFlight}; ${bigStats.connections} TLS connections`);
  console.log(`    wrong verdicts   ${bigScore ? `${bigScore.wrong.length}${Object.keys(bigScore.byKind).length ? ` (${Object.entries(bigScore.byKind).map(([k, c]) => `${c} ${k}`).join(', ')})` : ''}` : 'n/a'}`);
  if (!rssOf(big) || big.code === null) console.log(`    stderr: ${big.stderr.slice(-1500)}`);

  const offline = await runTool(...withRss([lwBin, 'check', 'big.md', '--offline', '--format', 'json', '--fail-on', 'never', '--output', 'big-offline.json']), { env });
  console.log(`  CLI --offline      ${s(offline.ms)}, peak RSS ${mib(rssOf(offline))} (the same list, parse and rules only, no link check)`);

  await farm.reset();
  const alone = await runTool(process.execPath, [join(here, 'links-memory-driver.mjs'), 'big-urls.txt'], { env });
  let driver;
  try {
    driver = JSON.parse(alone.stdout.trim().split('\n').at(-1));
  } catch {
    driver = undefined;
  }
  const aloneStats = await farm.stats();
  if (driver) {
    console.log(`  checkUrls alone    ${s(driver.ms)} (${(driver.ms / bigBound).toFixed(2)}× the bound), peak RSS ${mib(driver.maxRssKb)} (bench/links-memory-driver.mjs: lib/links only, no Markdown); ${aloneStats.requests} requests, verdicts ${JSON.stringify(driver.verdicts)}, most in flight on one host ${driver.maxPerHost}`);
  } else console.log(`  checkUrls alone    failed: ${alone.stderr.slice(-1500)}`);
  await farm.close();
  farm = undefined;
  report();
}

/** BENCH_AB: cold runs of two builds, taking turns; medians of each phase. */
async function compareBuilds(spec, lwArgs, env, bound) {
  const [other, n = '5'] = spec.split(',');
  const builds = [
    { name: 'this checkout', bin: join(root, 'bin', 'listwarden.cjs'), runs: [] },
    { name: other, bin: resolve(other), runs: [] },
    { name: 'bare client', bin: join(here, 'links-bare-client.mjs'), runs: [], args: ['list.md'], parse: parseBareClient },
  ];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (let i = 0; i < Number(n); i++) {
    for (const build of i % 2 === 0 ? builds : [...builds].reverse()) {
      rmSync(join(work, 'links-state.json'), { force: true });
      const row = await measure(farm, `${build.name} (cold, run ${i + 1})`, process.execPath, [build.bin, ...(build.args ?? lwArgs)], build.parse ?? parseListwarden, env);
      build.runs.push({ ...row.run, connections: row.stats.connections, wrong: row.scored?.wrong.length });
      if (process.env.BENCH_AB_HOSTS) console.log('  connections per host', JSON.stringify(row.stats.hosts.map((h) => h.connections)));
    }
  }
  console.log('\nMedians (wall; before the first request; first request to last answer; after; TLS connections; wrong verdicts)');
  for (const b of builds) {
    const r = b.runs;
    const wall = median(r.map((x) => x.ms));
    console.log(
      `  ${b.name.padEnd(40)} ${s(wall)} (${(wall / bound).toFixed(2)}×); ${s(median(r.map((x) => x.firstRequestMs)))}; ${s(median(r.map((x) => x.networkMs)))}; ` +
        `${s(median(r.map((x) => x.ms - x.firstRequestMs - x.networkMs)))}; ${median(r.map((x) => x.connections))}; ${Math.max(...r.map((x) => x.wrong ?? Infinity))}`,
    );
  }
}

/**
 * The main farm with its last SLOW.slowHosts hosts answering after SLOW.slowLatencyMs: the
 * lower bound is the busiest slow host's requests in rounds of its per-host limit (the fast
 * hosts fit in the time beside them), and listwarden's link phase must stay within 1.2× of it.
 */
async function slowHostsRun(lwBin, tls, env) {
  const n = SLOW.hosts * SLOW.perHost;
  console.log(`\nSlow hosts: ${SLOW.hosts} hosts × ${SLOW.perHost} URLs, ${SLOW.latencyMs} ms per response except the last ${SLOW.slowHosts} hosts at ${SLOW.slowLatencyMs} ms, same mix`);
  farm = await openFarm(SLOW, tls);
  writeList(farm, 'slow.md');
  // Requests each slow host must answer: one per URL, a second for a 429 (then 200) and for a 301 (to /to/n on the same host).
  let busiest = 0;
  let pauses = 0;
  for (let h = SLOW.hosts - SLOW.slowHosts + 1; h <= SLOW.hosts; h++) {
    let requests = 0;
    let r429 = 0;
    for (let u = (h - 1) * SLOW.perHost; u < h * SLOW.perHost; u++) {
      const kind = kindOf(u);
      requests += kind === 'r429' || kind === 'moved' ? 2 : 1;
      if (kind === 'r429') r429++;
    }
    if (requests > busiest) {
      busiest = requests;
      pauses = r429;
    }
  }
  const fastBound = ((n - SLOW.slowHosts * SLOW.perHost) * SLOW.latencyMs) / LW.concurrency;
  // Each request on a slow host holds a slot for the whole latency: at the per-host limit, the
  // busiest slow host needs ceil(requests ÷ limit) rounds of it, at the very least.
  const rounds = Math.ceil(busiest / LW.hostConcurrency);
  const slowBound = rounds * SLOW.slowLatencyMs;
  const bound = Math.max(fastBound, slowBound);
  console.log(
    `  lower bound        max(fast hosts ${n - SLOW.slowHosts * SLOW.perHost} × ${SLOW.latencyMs} ms ÷ ${LW.concurrency} = ${s(fastBound)}; ` +
      `busiest slow host ${busiest} requests at ${LW.hostConcurrency} at once = ${rounds} rounds × ${SLOW.slowLatencyMs} ms = ${s(slowBound)}) = ${s(bound)}` +
      ` (${busiest} × ${SLOW.slowLatencyMs} ms ÷ ${LW.hostConcurrency} = ${s((busiest * SLOW.slowLatencyMs) / LW.hostConcurrency)} if requests could be split; not counting ${pauses} Retry-After: 1 pause${pauses === 1 ? '' : 's'})`,
  );
  const row = await measure(farm, 'listwarden (slow hosts)', process.execPath, [lwBin, 'check', 'slow.md', '--allow-private', '--format', 'json', '--fail-on', 'never'], parseListwarden, env);
  const ratio = row.run.networkMs / bound;
  target('slow hosts: link phase ≤ 1.2 × the lower bound (the slowest hosts finished first)', !row.run.timedOut && ratio <= 1.2, `${s(row.run.networkMs)} ÷ ${s(bound)} = ${ratio.toFixed(2)}× (whole run ${s(row.run.ms)})`);
  target(`slow hosts: never over the per-host limit (${LW.hostConcurrency})`, row.busiest.maxInFlight <= LW.hostConcurrency, `most in flight on one host: ${row.busiest.maxInFlight}`);
  target('slow hosts: zero wrong verdicts', row.scored?.wrong.length === 0, `${row.scored ? row.scored.wrong.length : 'n/a'} wrong of ${n}`);
  await farm.close();
  farm = undefined;
}

function report() {
  const missed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - missed.length} of ${results.length} targets met${missed.length ? `; missed: ${missed.map((r) => r.label).join('; ')}` : ''}`);
}

async function cleanup() {
  for (const child of children) killGroup(child);
  if (farm) await farm.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}

process.on('SIGINT', () => {
  cleanup().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
