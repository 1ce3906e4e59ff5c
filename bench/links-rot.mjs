// The rot bench: parked domains, soft 404s and the invented-path probes on a loopback farm
// (127.0.0.11–20). Bundles bench/links-rot-driver.ts with esbuild (the sources as they are,
// no build step) and runs it: a confusion table over every farm case, and the request
// counts of three runs on one link state (first, inside the TTL, at the TTL).
//
//   npm run bench:rot                      # 40 more links per kind of site (default)
//   ROT_BENCH_PER_SITE=200 npm run bench:rot
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'listwarden-rot-bench-'));
const out = join(dir, 'driver.mjs');
try {
  await build({
    entryPoints: [join(root, 'bench/links-rot-driver.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    packages: 'external',
    logLevel: 'error',
    absWorkingDir: root,
  });
  // Dependencies resolve from the project's node_modules: run the bundle from inside the project.
  const local = join(root, 'bench', `.links-rot-driver-${process.pid}.mjs`);
  const { copyFileSync } = await import('node:fs');
  copyFileSync(out, local);
  try {
    await import(pathToFileURL(local).href);
  } finally {
    rmSync(local, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
