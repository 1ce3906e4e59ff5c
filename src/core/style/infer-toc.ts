import type { Entry, Heading, ListDocument } from '../model/types.js';
import { analyzeOrder, type OrderAnalysis } from './sorted-subsequence.js';
import { isKept, MIN_ENTRIES, MIN_SHARE, type Strength } from './thresholds.js';

export interface TocLine {
  entry: Entry;
  /** The heading the line links to, when there is one. */
  heading?: Heading;
}

export interface TocStyle {
  lines: TocLine[];
  /** Per heading depth the contents list every section of, the evidence. */
  completeDepths: Map<number, Strength>;
  /** Headings the contents would list but do not (between the first and the last listed one). */
  missing: Heading[];
  /** Order of the lines that link to headings, against document order. */
  order: OrderAnalysis;
  /** Lines that link to headings, in contents order (indexes into `order`). */
  linked: TocLine[];
  /** Set when the contents keep document order. */
  inOrder?: Strength;
}

/**
 * Finds the table of contents — the first section whose entries are (nearly) all links to
 * headings of the file, at least MIN_ENTRIES of them — and learns what it keeps: which
 * heading depths it lists completely, and whether it follows document order. Headings
 * before the first and after the last listed one ("License", "Contributing" at the end)
 * are left out on purpose by many lists and are never asked for.
 */
export function inferToc(doc: ListDocument): TocStyle | undefined {
  const bySection = new Map<string, Entry[]>();
  for (const entry of doc.entries) {
    if (entry.container.kind !== 'list') continue;
    const list = bySection.get(entry.section.id) ?? [];
    list.push(entry);
    bySection.set(entry.section.id, list);
  }
  let tocEntries: Entry[] | undefined;
  for (const entries of bySection.values()) {
    const local = entries.filter((e) => e.primaryLink?.url.trim().startsWith('#'));
    if (local.length >= MIN_ENTRIES && local.length >= MIN_SHARE * entries.length) {
      tocEntries = local;
      break;
    }
  }
  if (!tocEntries) return undefined;
  const tocEnd = tocEntries.at(-1)!.span.end.offset;
  const headings = doc.headings.filter((h) => h.span.start.offset > tocEnd && h.section.slug !== '');
  const bySlug = new Map<string, number>();
  headings.forEach((h, i) => {
    if (!bySlug.has(h.section.slug)) bySlug.set(h.section.slug, i);
    if (!bySlug.has(h.section.slug.toLowerCase())) bySlug.set(h.section.slug.toLowerCase(), i);
  });
  const lines: TocLine[] = tocEntries.map((entry) => {
    const index = bySlug.get(decode(entry.primaryLink!.url.trim().slice(1))) ?? bySlug.get(decode(entry.primaryLink!.url.trim().slice(1)).toLowerCase());
    return { entry, ...(index !== undefined ? { heading: headings[index]! } : {}) };
  });
  const indexOf = new Map(headings.map((h, i) => [h, i]));
  const linked = lines.filter((l) => l.heading);
  const listed = new Set(linked.map((l) => indexOf.get(l.heading!)!));
  let first = Infinity;
  let last = -1;
  for (const i of listed) {
    first = Math.min(first, i);
    last = Math.max(last, i);
  }
  const perDepth = new Map<number, { kept: number; total: number; missing: Heading[] }>();
  for (let i = first; i <= last; i++) {
    const h = headings[i]!;
    const tally = perDepth.get(h.section.depth) ?? { kept: 0, total: 0, missing: [] };
    tally.total++;
    if (listed.has(i)) tally.kept++;
    else tally.missing.push(h);
    perDepth.set(h.section.depth, tally);
  }
  const completeDepths = new Map<number, Strength>();
  const missing: Heading[] = [];
  for (const [depth, tally] of perDepth) {
    if (!isKept(tally.kept, tally.total)) continue;
    completeDepths.set(depth, { kept: tally.kept, total: tally.total, scope: 'file' });
    missing.push(...tally.missing);
  }
  missing.sort((a, b) => a.span.start.offset - b.span.start.offset);
  const order = analyzeOrder(linked.map((l) => String(indexOf.get(l.heading!)!).padStart(9, '0')));
  const style: TocStyle = { lines, completeDepths, missing, order, linked };
  if (isKept(order.kept, linked.length)) style.inOrder = { kept: order.kept, total: linked.length, scope: 'file' };
  return style;
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
