import type { Entry, ListDocument } from '../model/types.js';
import { siblingRuns } from './sibling-runs.js';
import { sortKey, type SortRule } from './sort-key.js';
import { analyzeOrder, type OrderAnalysis } from './sorted-subsequence.js';
import { defaultStyle, type StyleSettings } from './style-settings.js';
import { isKept, MIN_ENTRIES, type Strength } from './thresholds.js';

export interface OrderedRun {
  entries: Entry[];
  /** The sorting the run is judged by (the one its section keeps best), its keys and analysis. */
  rule: SortRule;
  keys: string[];
  analysis: OrderAnalysis;
  byRule: Record<SortRule, { keys: string[]; analysis: OrderAnalysis }>;
  /** Set when the run is held to alphabetical order, with the evidence. */
  alphabetical?: Strength;
}

/** In order of preference when sortings keep a section equally well. */
const RULES: SortRule[] = ['words', 'spaced', 'literal', 'line'];

interface Tally {
  kept: Record<SortRule, number>;
  total: number;
}

function newTally(): Tally {
  return { kept: { words: 0, spaced: 0, literal: 0, line: 0 }, total: 0 };
}

/**
 * Learns where the list keeps its entries in alphabetical order. Each run of two or more
 * sibling entries counts its entries in a longest sorted subsequence as kept; a section
 * with at least MIN_ENTRIES such entries decides for itself, a smaller one follows the
 * file. Four sortings are tried — by words, as people sort (punctuation dropped or read as a
 * space), and by the literal text or the raw line, as scripts sort — and a section is judged by the one it keeps best. Sorting the keys makes
 * this O(n log n).
 */
export function inferOrder(doc: ListDocument, settings: StyleSettings = defaultStyle): OrderedRun[] {
  if (settings.order === 'off') return [];
  const runs: OrderedRun[] = siblingRuns(doc)
    .filter((entries) => entries.length >= 2)
    .map((entries) => {
      const byRule = {} as OrderedRun['byRule'];
      for (const rule of RULES) {
        const keys = entries.map((e) => sortKey(e.name, rule));
        byRule[rule] = { keys, analysis: analyzeOrder(keys) };
      }
      return { entries, rule: 'words' as SortRule, ...byRule.words, byRule };
    });
  const bySection = new Map<string, Tally>();
  const file = newTally();
  for (const run of runs) {
    const id = run.entries[0]!.section.id;
    const tally = bySection.get(id) ?? newTally();
    bySection.set(id, tally);
    for (const t of [tally, file]) {
      t.total += run.entries.length;
      for (const rule of RULES) t.kept[rule] += run.byRule[rule].analysis.kept;
    }
  }
  for (const run of runs) {
    const section = bySection.get(run.entries[0]!.section.id)!;
    const evidence = section.total >= MIN_ENTRIES || settings.order === 'alphabetical' ? section : file;
    // The sorting the evidence keeps best; "words" (as people sort) when both keep it as well.
    let rule: SortRule = 'words';
    for (const r of RULES) if (evidence.kept[r] > evidence.kept[rule]) rule = r;
    Object.assign(run, { rule, ...run.byRule[rule] });
    const kept = evidence.kept[rule];
    if (settings.order === 'alphabetical') run.alphabetical = { kept: 0, total: 0, scope: 'config' };
    else if (isKept(kept, evidence.total)) run.alphabetical = { kept, total: evidence.total, scope: evidence === section ? 'section' : 'file' };
  }
  return runs;
}
