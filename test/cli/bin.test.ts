import { describe, it, expect, beforeAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

// The installed command: bin/listwarden.cjs running the bundle `npm run build` (run by
// `npm ci`) leaves in lib/cli-bundle/, with its V8 code cache.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = join(ROOT, 'lib', 'cli-bundle');
const EXAMPLE = 'examples/awesome-example.md';

function runBin(bin: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function inProcess(args: string[]) {
  let stdout = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: ROOT });
  return { code, stdout };
}

/** A copy of bin/ and lib/cli-bundle/ in a temp dir, to damage without touching the build. */
function copyInstall(): string {
  const dir = mkdtempSync(join(tmpdir(), 'listwarden-bin-'));
  mkdirSync(join(dir, 'bin'));
  cpSync(join(ROOT, 'bin', 'listwarden.cjs'), join(dir, 'bin', 'listwarden.cjs'));
  cpSync(BUNDLE, join(dir, 'lib', 'cli-bundle'), { recursive: true });
  return dir;
}

beforeAll(() => {
  if (!existsSync(join(BUNDLE, 'cli.cjs'))) throw new Error('lib/cli-bundle/cli.cjs is missing — run `npm run build` (npm ci runs it)');
});

describe('bin/listwarden.cjs', () => {
  it('reports exactly what the sources report, in every format (the bundle is current and its text intact)', async () => {
    for (const format of ['json', 'text', 'sarif']) {
      const args = ['check', EXAMPLE, '--offline', '--format', format];
      const bin = runBin(join(ROOT, 'bin', 'listwarden.cjs'), args);
      const src = await inProcess(args);
      expect(bin.stderr).toBe('');
      expect(bin.code).toBe(1);
      expect(bin.stdout).toBe(src.stdout); // a stale bundle differs here: run `npm run build`
    }
    // Messages keep their non-ASCII characters through the ASCII-only bundle.
    expect(runBin(join(ROOT, 'bin', 'listwarden.cjs'), ['check', EXAMPLE, '--offline']).stdout).toContain(' — ');
  });

  it('has a code cache for this Node version, made by the build', () => {
    const caches = readdirSync(BUNDLE).filter((name) => name.endsWith('.v8-cache'));
    expect(caches).toEqual([expect.stringContaining(`cli-${process.version}-`)]);
  });

  it('runs correctly from a damaged or missing code cache', () => {
    const dir = copyInstall();
    const bin = join(dir, 'bin', 'listwarden.cjs');
    const expected = runBin(join(ROOT, 'bin', 'listwarden.cjs'), ['check', EXAMPLE, '--offline', '--format', 'json']).stdout;
    // The copy has a newer modification time, so its cache name no longer matches: no cache.
    expect(runBin(bin, ['check', EXAMPLE, '--offline', '--format', 'json']).stdout).toBe(expected);
    // A cache with the right name and garbage inside is rejected by V8, not trusted.
    const cache = readdirSync(join(ROOT, 'lib', 'cli-bundle')).find((n) => n.endsWith('.v8-cache'))!;
    const { mtimeMs, size } = statSync(join(dir, 'lib', 'cli-bundle', 'cli.cjs'));
    const name = cache.replace(/-\d+-\d+\.v8-cache$/, `-${size}-${Math.round(mtimeMs)}.v8-cache`);
    writeFileSync(join(dir, 'lib', 'cli-bundle', name), Buffer.alloc(4096, 7));
    const damaged = runBin(bin, ['check', EXAMPLE, '--offline', '--format', 'json']);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toBe(expected);
  });

  it('says how to build when the bundle is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'listwarden-bin-'));
    mkdirSync(join(dir, 'bin'));
    cpSync(join(ROOT, 'bin', 'listwarden.cjs'), join(dir, 'bin', 'listwarden.cjs'));
    const r = runBin(join(dir, 'bin', 'listwarden.cjs'), ['check', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('listwarden: the CLI is not built yet — run `npm ci` (or `npm run build`) first\n');
  });
});
