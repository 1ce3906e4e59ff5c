import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * The layers the design keeps: src/core is pure (no I/O, no GitHub, no network client), and
 * the three front ends (cli, action, app) never import each other — what two of them share
 * lives below them (use-cases, review, report, links, github, core).
 */
const SRC = resolve(process.cwd(), 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports (static and dynamic), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

const area = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;
const target = (file: string, spec: string) => (spec.startsWith('.') ? area(resolve(dirname(file), spec)) : undefined);

const FILES = sources(SRC);
const FORBIDDEN_IN_CORE = [/^node:(fs|net|http|https|tls|dns|child_process|worker_threads)/, /^(fs|net|http|https|dns)$/, /^undici/, /^@actions\//, /^probot/, /^@octokit\//, /^piscina/];

describe('the layers of src/', () => {
  it('finds the sources and their imports (the check below is not vacuous)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(importsOf(join(SRC, 'cli', 'main.ts')).length).toBeGreaterThan(3);
  });

  it('src/core imports nothing outside src/core and no I/O, network or GitHub module', () => {
    const bad: string[] = [];
    for (const file of FILES.filter((f) => area(f) === 'core')) {
      for (const spec of importsOf(file)) {
        const where = target(file, spec);
        if (where !== undefined && where !== 'core') bad.push(`${relative(SRC, file)} → ${spec}`);
        if (where === undefined && FORBIDDEN_IN_CORE.some((re) => re.test(spec))) bad.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the front ends (cli, action, app) never import each other', () => {
    const fronts = new Set(['cli', 'action', 'app']);
    const bad: string[] = [];
    for (const file of FILES) {
      const from = area(file);
      for (const spec of importsOf(file)) {
        const to = target(file, spec);
        if (to !== undefined && to !== from && fronts.has(to)) bad.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
