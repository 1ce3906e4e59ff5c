// The least a link checker must do on the bench farm, as its own process: read the Markdown
// file's link URLs with a regular expression (no Markdown parser, no rules, no report, no
// state, no address checks), then GET each with undici under the same limits as listwarden
// (64 in flight, 4 per host, round-robin over hosts), follow a 301 once and retry a 429
// after its Retry-After without holding a slot. It prints one JSON line (wall time, requests,
// each URL's verdict) and exits.
//
// Its wall time is a floor for this machine: what Node's start, the TLS handshakes and the
// farm's latency cost before any checker does its own work. links-bench.mjs runs it beside
// listwarden so the whole-run figure can be read against what is reachable here.
//   node bench/links-bare-client.mjs LIST.md
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';

const CONCURRENCY = 64;
const PER_HOST = 4;

const source = readFileSync(process.argv[2], 'utf8');
const urls = [...source.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1]);
const agent = new Agent({ keepAliveTimeout: 4_000 });

const hosts = new Map(); // host → { active, queue: [resolve] }
const roundRobin = new Set();
let active = 0;

function acquire(host) {
  return new Promise((resolve) => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { active: 0, queue: [] }));
    state.queue.push(resolve);
    roundRobin.add(host);
    dispatch();
  });
}

function dispatch() {
  let granted = true;
  while (granted && active < CONCURRENCY && roundRobin.size > 0) {
    granted = false;
    for (const host of [...roundRobin]) {
      if (active >= CONCURRENCY) break;
      const state = hosts.get(host);
      if (state.active >= PER_HOST) continue;
      const resolve = state.queue.shift();
      roundRobin.delete(host);
      if (state.queue.length > 0) roundRobin.add(host);
      state.active++;
      active++;
      granted = true;
      resolve(() => {
        state.active--;
        active--;
        dispatch();
      });
    }
  }
}

let requests = 0;
async function get(url) {
  const { host } = new URL(url);
  const release = await acquire(host);
  try {
    requests++;
    const response = await agent.request({ origin: new URL(url).origin, path: new URL(url).pathname, method: 'GET' });
    await response.body.text();
    return { status: response.statusCode, location: response.headers.location, retryAfter: Number(response.headers['retry-after'] ?? 0) };
  } finally {
    release();
  }
}

const verdicts = {};
async function check(url) {
  let answer = await get(url);
  if (answer.status === 429) {
    await sleep(answer.retryAfter * 1000);
    answer = await get(url);
  }
  if (answer.status === 301 && answer.location) answer = await get(new URL(answer.location, url).href);
  verdicts[url] = answer.status === 200 ? 'alive' : 'dead';
}

const started = performance.now();
await Promise.all(urls.map(check));
const ms = performance.now() - started;
await agent.close();
process.stdout.write(`${JSON.stringify({ ms, urls: urls.length, requests, verdicts })}\n`);
