/**
 * The keys people sort names by. Both are case-insensitive with accents folded and
 * locale-independent (String.prototype.toLowerCase and NFKD only, so every machine agrees):
 * - `words`: a leading "The" and punctuation ignored ("The Go Book" under G, "C++" beside "C",
 *   "auto-sklearn" as "autosklearn");
 * - `spaced`: the same, but punctuation parts words as a space does ("RSS-Bridge" as "rss bridge",
 *   before "RSS Monster");
 * - `literal`: the name as written, in code-unit order, as lists sorted by a script are:
 *   "go-cache" before "gocache", "carapace" before "carapace-spec";
 * - `line`: as a script sorting the raw lines does: "Tube Archivist" before "Tube" (it
 *   compares "Tube A" with "Tube]").
 */
export type SortRule = 'words' | 'spaced' | 'literal' | 'line';

export function sortKey(name: string, rule: SortRule = 'words'): string {
  if (rule === 'literal') return name.trim().toLowerCase();
  if (rule === 'line') return `${name.trim().toLowerCase()}]`;
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim();
  const words = folded.replace(/^\W*the\s+/u, '');
  const key = words.replace(/[^\p{L}\p{N}\s]+/gu, rule === 'spaced' ? ' ' : '').replace(/\s+/g, ' ').trim();
  return key === '' ? words : key;
}
