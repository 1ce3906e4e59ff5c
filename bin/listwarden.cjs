#!/usr/bin/env node
'use strict';
// Runs the CLI bundled into lib/cli-bundle/cli.cjs by `npm run build` (run by `npm ci` through
// the prepare script), with the V8 code cache the build recorded for it, so start-up skips
// most compiling. See scripts/bundle-cli.mjs for why.
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { createRequire, wrap } = require('node:module');
const vm = require('node:vm');

const dir = join(__dirname, '..', 'lib', 'cli-bundle');
const file = join(dir, 'cli.cjs');
let built;
try {
  built = statSync(file);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  process.stderr.write('listwarden: the CLI is not built yet — run `npm ci` (or `npm run build`) first\n');
  process.exit(2);
}
// The build writes the bundle as ASCII only (scripts/bundle-cli.mjs), so latin1 reads it exactly.
const source = readFileSync(file, 'latin1');
// The cache belongs to this build of the bundle and this Node version (V8 itself only checks
// the source's length): its name carries the bundle's size and modification time, which a
// rebuild changes (and a rebuild also deletes the directory's old caches).
const key = `${process.version}-${built.size}-${Math.round(built.mtimeMs)}`;
const cacheFile = join(dir, `cli-${key}.v8-cache`);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache (another Node version, or not recorded): compile as usual.
}
const script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
if (process.env.LISTWARDEN_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(file), mod, file, dir);
