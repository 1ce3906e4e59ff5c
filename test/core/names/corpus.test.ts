/**
 * Runs both name verdicts over every link of the real awesome lists in the shared corpus
 * (when present) and keeps the false-alarm rate at or below 1 per 500 links. The flagged
 * pairs are printed so a human can judge them.
 */
import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED_DIR } from '../../helpers/shared-files.js';
import { ToolRegistry } from '../../../src/core/names/tool-registry.js';
import { mismatchVerdict, spellingVerdict } from '../../../src/core/names/judge-name.js';

const CORPUS = process.env['LISTWARDEN_CORPUS'] ?? join(SHARED_DIR, 'corpus');
/** The lists of the corpus and of its `more/` folder, as paths relative to it. */
const FILES = ['', 'more']
  .map((dir) => join(CORPUS, dir))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('__README.md')).map((f) => relative(CORPUS, join(dir, f))));

interface Pair {
  file: string;
  name: string;
  url: string;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ');
}

function pairsOf(file: string, text: string): Pair[] {
  const out: Pair[] = [];
  // Markdown links, not images: [text](url), text without nested brackets.
  for (const m of text.matchAll(/(^|[^!\]])\[([^\][]+)\]\((\S+?)(?:\s+"[^"]*")?\)/g)) {
    out.push({ file, name: m[2] ?? '', url: m[3] ?? '' });
  }
  // HTML anchors with plain text content.
  for (const m of text.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/gi)) {
    out.push({ file, name: decodeEntities(m[2] ?? ''), url: decodeEntities(m[1] ?? '') });
  }
  return out.filter(
    (p) => /^https?:\/\//i.test(p.url) && p.name.trim() !== '' && !/^https?:\/\//i.test(p.name.trim()),
  );
}

const run = FILES.length > 0 ? describe : describe.skip;

run('name verdicts on the shared corpus', () => {
  it('flag at most 1 link in 500', () => {
    const registry = new ToolRegistry();
    const pairs = FILES.flatMap((f) => pairsOf(f, readFileSync(join(CORPUS, f), 'utf8')));
    const flagged: string[] = [];
    for (const p of pairs) {
      const s = spellingVerdict(p.name, p.url, registry);
      if (s !== undefined) flagged.push(`spelling  ${p.file}: [${p.name}](${p.url}) → ${s.canonical} — ${s.reason}`);
      const m = mismatchVerdict(p.name, p.url, registry);
      if (m !== undefined) flagged.push(`mismatch  ${p.file}: [${p.name}](${p.url}) → ${m.target} — ${m.reason}`);
    }
    console.log(`${pairs.length} pairs checked, ${flagged.length} flagged\n${flagged.join('\n')}`);
    expect(pairs.length).toBeGreaterThan(1000);
    expect(flagged.length).toBeLessThanOrEqual(Math.floor(pairs.length / 500));
  });
});
