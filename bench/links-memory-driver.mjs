// Calls the compiled link checker (lib/links, no Markdown parsing, no report) on the URLs in
// a file, one a line, with the CLI's settings (DEFAULT_LINK_OPTIONS, titles on, private
// addresses allowed), and prints one JSON line: wall time, requests, verdicts, peak RSS.
//   node bench/links-memory-driver.mjs URLS_FILE
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const lib = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'lib', 'links');
const load = (path) => import(pathToFileURL(join(lib, path)).href);
const { checkUrls } = await load('check-urls.js');
const { HostScheduler } = await load('host-scheduler.js');
const { UndiciProber } = await load('http/undici-prober.js');
const { DEFAULT_LINK_OPTIONS } = await load('types.js');

const urls = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const options = { ...DEFAULT_LINK_OPTIONS, allowPrivate: true, titles: true };
const scheduler = new HostScheduler(options);
const prober = new UndiciProber(options, scheduler);
const started = performance.now();
const run = await checkUrls(urls, { prober });
const ms = performance.now() - started;
await prober.close();
const verdicts = {};
for (const outcome of run.outcomes.values()) verdicts[outcome.result.verdict] = (verdicts[outcome.result.verdict] ?? 0) + 1;
const maxPerHost = Math.max(...[...scheduler.stats().values()].map((s) => s.maxActive));
process.stdout.write(`${JSON.stringify({ ms, requests: run.requests, verdicts, maxPerHost, maxRssKb: process.resourceUsage().maxRSS })}\n`);
