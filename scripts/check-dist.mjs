/**
 * Fails when the committed dist/ is not what `npm run bundle` builds from the current sources:
 * rebuilds into a temporary directory and compares every file byte for byte.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAction, ROOT } from './bundle.mjs';

async function listFiles(dir, prefix = '') {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  const out = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

async function readOrUndefined(path) {
  try {
    return await readFile(path);
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

const committed = join(ROOT, 'dist');
const temp = await mkdtemp(join(tmpdir(), 'listwarden-dist-'));
try {
  const fresh = await bundleAction(temp);
  const names = [...new Set([...(await listFiles(committed)), ...(await listFiles(fresh))])].sort();
  const differing = [];
  for (const name of names) {
    const a = await readOrUndefined(join(committed, name));
    const b = await readOrUndefined(join(fresh, name));
    if (a === undefined) differing.push(`dist/${name}: missing (the bundle builds it)`);
    else if (b === undefined) differing.push(`dist/${name}: not built by the bundle any more`);
    else if (!a.equals(b)) differing.push(`dist/${name}: differs`);
  }
  if (differing.length > 0) {
    for (const line of differing) console.error(line);
    console.error('dist/ is stale: run npm run bundle and commit dist/');
    process.exitCode = 1;
  } else {
    console.log(`dist/ is up to date (${names.length} files)`);
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}
