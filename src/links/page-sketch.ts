/**
 * A small, fixed-size sketch of a page's text for telling whether two pages are the same
 * page (a soft 404 and the host's answer to an invented path): the k smallest distinct
 * hashes of its word pairs (a bottom-k MinHash). Two sketches estimate the Jaccard
 * similarity of the pages' word-pair sets. Building one is linear in the (bounded) text;
 * comparing two is linear in k. Small enough to keep in the link state.
 */

/** Hashes kept per page. */
export const SKETCH_SIZE = 64;
/** Words of text read at most. */
const MAX_WORDS = 4_000;

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-case words (letters and digits of any script). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? [];
}

export function textSketch(text: string): { words: number; hashes: number[] } {
  const tokens = words(text);
  const set = new Set<number>();
  if (tokens.length === 1) set.add(hash(tokens[0]!));
  for (let i = 0; i + 1 < tokens.length; i++) set.add(hash(`${tokens[i]} ${tokens[i + 1]}`));
  // At most MAX_WORDS hashes: the sort stays small.
  const hashes = [...set].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
  return { words: tokens.length, hashes };
}

/**
 * Estimated Jaccard similarity of two sketched texts, in [0, 1]: the share of the k smallest
 * hashes of the union that both sketches hold. Two empty texts are the same (1).
 */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const k = Math.max(a.length, b.length);
  let i = 0;
  let j = 0;
  let seen = 0;
  let both = 0;
  while (seen < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    seen++;
  }
  return both / seen;
}
