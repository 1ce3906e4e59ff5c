/**
 * Bundles the CLI (src/cli/index.ts) into lib/cli-bundle/cli.cjs and records V8's code cache
 * for it; `npm run build` runs this after tsc, so `npm ci` leaves both in place. bin/listwarden.cjs
 * loads the bundle with that cache.
 *
 * Why: the CLI's run on a list is short, so start-up is most of it. Loaded module by module,
 * Node spends ~400 ms resolving and compiling the ~300 small ES modules the CLI imports
 * (unified, micromark, parse5…), more than checking a list takes. One CommonJS file whose
 * bytecode V8 has cached skips the resolving and most of the compiling: the seed list's run
 * goes from ~850 ms to ~350 ms on the 2-core benchmark machine. Modules only some runs need
 * (the config file's YAML and zod, the link checker's undici, diff) stay lazily initialised
 * inside the bundle, so a run that does not need them pays nothing for them.
 *
 * The cache is made by running the CLI once (see recordCodeCache) and is written after the
 * run, so it holds the functions that run compiled. Its file name carries a hash of the bundle and the Node version: a rebuilt bundle
 * or another Node finds no cache and simply compiles.
 *
 *   node scripts/bundle-cli.mjs
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'lib', 'cli-bundle');

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ['src/cli/index.ts'],
  outfile: join(OUT, 'cli.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Whitespace and syntax only: less to read at start-up, names kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const bundled = readFileSync(join(OUT, 'cli.cjs'), 'utf8');
if (/\bimport\(/.test(bundled)) {
  throw new Error('lib/cli-bundle/cli.cjs has a dynamic import(), which the code-cached loader cannot run — bundle the module instead');
}
writeFileSync(join(OUT, 'cli.cjs'), asciiOnly(bundled), 'latin1');

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expressions. An
 * all-ASCII source is a one-byte string to V8 (half the memory, faster to scan) and can be read
 * as latin1, so each UTF-16 unit left is written as `\uXXXX`, which means the same in a string,
 * a template, a regular expression (with or without the u flag: an escaped surrogate pair is one
 * code point there) and an identifier.
 */
function asciiOnly(code) {
  return code.replace(/[^\t\n\r\x20-\x7e]/g, (unit, at) => {
    if (unit.charCodeAt(0) < 0x80) return unit; // other ASCII control characters stay as they are
    let slashes = 0;
    while (code[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) throw new Error(`lib/cli-bundle/cli.cjs: an escaped non-ASCII character at offset ${at} — write it as \\u${unit.charCodeAt(0).toString(16)} in the source`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

await recordCodeCache();

/**
 * Runs the CLI once with LISTWARDEN_WRITE_CODE_CACHE=1, so bin/listwarden.cjs writes V8's code
 * cache after the run. The run covers what most runs do: the example list (every rule, and a
 * config file) and a few links to a server on 127.0.0.1 made here (a page with a title, a
 * redirect, a 404, a 429 then 200), written to a state file. Every other URL is ignored
 * through the config, so nothing leaves the machine.
 */
async function recordCodeCache() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const seen = (pages.get(req.url) ?? 0) + 1;
    pages.set(req.url, seen);
    if (req.url === '/moved') res.writeHead(301, { location: '/page' }).end();
    else if (req.url === '/missing') res.writeHead(404).end();
    else if (req.url === '/busy' && seen === 1) res.writeHead(429, { 'retry-after': '0' }).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Page – a title</title><p>ok</p>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const work = mkdtempSync(join(tmpdir(), 'listwarden-code-cache-'));
  try {
    const links = ['page', 'moved', 'missing', 'busy'].map((path) => `- [${path}](${origin}/${path}) - A link.`);
    writeFileSync(join(work, 'links.md'), `# Links\n\n## Local\n\n${links.join('\n')}\n`);
    const loopback = origin.replace(/[.]/g, '\\.');
    writeFileSync(join(work, 'config.yml'), `ignore:\n  urls:\n    - '/^(?!${loopback}\\/)/'\n`);
    const args = ['check', 'examples/awesome-example.md', join(work, 'links.md'), '--config', join(work, 'config.yml'), '--allow-private', '--state', join(work, 'state.json'), '--format', 'json'];
    const run = await new Promise((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'listwarden.cjs'), ...args], {
        cwd: ROOT,
        env: { ...process.env, LISTWARDEN_WRITE_CODE_CACHE: '1', NODE_OPTIONS: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => done({ status, stderr }));
    });
    const cache = readdirSync(OUT).find((name) => name.endsWith('.v8-cache'));
    if (run.status !== 1 || !cache || pages.size < 4) {
      // Not fatal: the CLI works without the cache, only slower to start.
      process.stderr.write(`bundle-cli: could not record the code cache (exit ${run.status}, ${pages.size} pages served): ${run.stderr.slice(0, 500)}\n`);
    }
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
