// Helpers shared by the detection benchmark's Markdown and HTML parts: the compiled core
// (lib/, built by `npm run build`), the seeded generator, typing slips and text edits.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const lib = (path) => import(pathToFileURL(join(root, 'lib', path)).href);

const { buildDocument } = await lib('core/parse/build-document.js');
const { runRules } = await lib('core/findings/run-rules.js');
const { inspectInput } = await lib('core/parse/inspect-input.js');
const { linkEvidence } = await lib('core/names/link-evidence.js');
const { normalizeName } = await lib('core/names/tool-registry.js');
const { normalizeUrl } = await lib('core/url/normalize-url.js');
export { buildDocument, linkEvidence, normalizeName, normalizeUrl };

/** The house-style rules are judged in test/e2e/corpus-style.test.ts, not here (as in test/e2e/corpus.test.ts). */
export const STYLE_RULES = new Set(['entry-order', 'entry-format', 'toc-in-sync', 'table-column-values']);

/** checkSource, keeping the parsed document (one parse for its entries and its findings). */
export function check(name, text) {
  const problem = inspectInput(name, text);
  if (problem) return { doc: undefined, findings: [problem] };
  const doc = buildDocument(name, text);
  return { doc, findings: runRules(doc) };
}

/** Warnings and errors of the rules this benchmark judges (style rules left out). */
export const judgedSeverity = (f) => f.severity !== 'info' && !STYLE_RULES.has(f.ruleId);

let seed = 13;
export function setSeed(value) {
  seed = value;
}
export function random() {
  // mulberry32: a small seeded generator, so every run injects the same defects.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const pick = (items) => items[Math.floor(random() * items.length)];
export function shuffle(items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Whether the name is spelt by its own link (repository, package or site): the entries a slip can be measured on. */
export function spelledByLink(item) {
  const folded = normalizeName(item.name);
  return folded.length >= 5 && /^[\x20-\x7e]+$/.test(item.name) && !item.name.includes(' ') &&
    linkEvidence(item.url).evidence.some((e) => e.kind !== 'owner' && normalizeName(e.text) === folded);
}

/** Whether the link names a repository or a package (what a swapped or wrong link is measured on). */
export const namesRepoOrPackage = (url) => linkEvidence(url).evidence.some((e) => e.kind === 'repo' || e.kind === 'package');

export const SLIPS = {
  dropped: (w, i) => w.slice(0, i) + w.slice(i + 1),
  doubled: (w, i) => w.slice(0, i + 1) + w[i] + w.slice(i + 1),
  swapped: (w, i) => (i + 1 < w.length && w[i] !== w[i + 1] ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : undefined),
};

/** The word with one typing slip of the kind that folds differently, or undefined after 10 tries. */
export function slip(word, kind) {
  let slipped;
  for (let tries = 0; tries < 10 && (slipped === undefined || normalizeName(slipped) === normalizeName(word)); tries++) {
    slipped = SLIPS[kind](word, Math.floor(random() * word.length));
  }
  return slipped === undefined || normalizeName(slipped) === normalizeName(word) ? undefined : slipped;
}

export const TRACKING = ['?utm_source=github', '?utm_medium=list&utm_campaign=x', '?fbclid=abc123'];

/** Applies text edits (non-overlapping) from the end, so offsets stay valid. */
export function applyEdits(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Picks up to `count` items (each with a `line`) at least `gap` lines apart, in line order. */
export function spaced(items, count, gap = 6) {
  const chosen = [];
  for (const item of shuffle(items)) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => Math.abs(c.line - item.line) < gap)) continue;
    chosen.push(item);
  }
  return chosen.sort((a, b) => a.line - b.line);
}
