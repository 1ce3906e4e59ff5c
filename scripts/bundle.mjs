/**
 * Bundles the GitHub Action (src/action/index.ts) into dist/index.js, one self-contained ESM file
 * that the runner executes without node_modules. dist/ is committed; `npm run check-dist` verifies
 * it matches the sources. Output is deterministic: same sources and lockfile, same bytes.
 *
 *   node scripts/bundle.mjs [outDir]   (default: dist)
 */
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files bundleAction writes into its output directory, and nothing else. */
export const DIST_FILES = ['index.js', 'package.json'];

// Some CommonJS dependencies call require() for Node built-ins; ESM output has no require of its own.
const BANNER = [
  "import { createRequire as __listwardenCreateRequire } from 'node:module';",
  'const require = __listwardenCreateRequire(import.meta.url);',
].join('\n');

/** Builds the Action into outDir (created; its previous bundle files are replaced). */
export async function bundleAction(outDir) {
  const out = resolve(ROOT, outDir);
  await mkdir(out, { recursive: true });
  for (const name of DIST_FILES) await rm(join(out, name), { force: true });
  await build({
    absWorkingDir: ROOT, // paths in the bundle's comments are relative to this, wherever outDir is
    entryPoints: ['src/action/index.ts'],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: BANNER },
    minify: false,
    legalComments: 'none',
    sourcemap: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  await writeFile(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n', 'utf8');
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = await bundleAction(process.argv[2] ?? 'dist');
  console.log(`bundled the Action into ${out}`);
}
