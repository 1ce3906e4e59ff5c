/**
 * The app's check worker as the server runs it, for tests of the TypeScript sources: a worker
 * thread cannot load .ts, so check-worker.ts is bundled (esbuild, as the Action is) into one
 * ESM file in a temporary folder.
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function bundleCheckWorker(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'listwarden-worker-')), 'check-worker.mjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/app/check-worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * The check worker with a fix job that never ends (it spins until its thread is ended): a
 * stand-in for a list whose fixes take longer than the deadline, while its check does not.
 */
export async function bundleSlowFixWorker(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'listwarden-worker-')), 'slow-fix-worker.mjs');
  await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: "export { default } from './src/app/check-worker.ts';\nexport function fixJob() {\n  for (;;) Math.random();\n}\n",
      resolveDir: ROOT,
      sourcefile: 'slow-fix-worker.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}
