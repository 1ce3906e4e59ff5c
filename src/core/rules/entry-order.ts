import type { Fix, Rule, RuleReport } from '../findings/types.js';
import type { Entry } from '../model/types.js';
import { inferOrder, type OrderedRun } from '../style/infer-order.js';
import { styleSettingsOf } from '../style/style-settings.js';
import { describeStrength } from '../style/thresholds.js';
import { entryLineSpan } from '../style/entry-line-span.js';

/**
 * `entry-order`: an entry out of alphabetical order in a section that keeps its entries
 * alphabetical (learned from the list, or forced with `style.order: alphabetical`).
 * Example: "Zeta" between "Alpha" and "Beta" in a sorted section → move it after "Gamma".
 * The move is a certain fix only inside a run of single-line entries.
 */
export const entryOrder: Rule = {
  meta: {
    id: 'entry-order',
    defaultSeverity: 'warning',
    description: 'Entries out of alphabetical order in a section that keeps its entries alphabetical.',
    fixable: true,
  },
  check({ doc, config }) {
    const reports: RuleReport[] = [];
    for (const run of inferOrder(doc, styleSettingsOf(config))) {
      if (!run.alphabetical) continue;
      const why = run.alphabetical.scope === 'config' ? 'the config asks for alphabetical order' : `this ${run.alphabetical.scope === 'section' ? 'section' : 'list'} is alphabetical: ${describeStrength(run.alphabetical)}`;
      const singleLine = run.entries.every((e) => e.span.start.line === e.span.end.line);
      for (const i of run.analysis.outOfPlace) reports.push(moveReport(doc.source, run, i, why, singleLine));
      for (const group of run.analysis.ambiguous) {
        const first = run.entries[group[0]!]!;
        const last = run.entries[group.at(-1)!]!;
        const names = group.slice(0, 3).map((i) => `"${run.entries[i]!.name}"`);
        reports.push({
          message: `${names.join(', ')}${group.length > 3 ? '…' : ''} are out of alphabetical order with each other (${why}) — put them in order`,
          span: { start: first.span.start, end: last.span.end },
          data: { names: group.map((i) => run.entries[i]!.name) },
        });
      }
    }
    return reports;
  },
};

function moveReport(source: string, run: OrderedRun, index: number, why: string, singleLine: boolean): RuleReport {
  const entry = run.entries[index]!;
  const key = run.keys[index]!;
  // The settled entries are in every sorted subsequence, so their keys are in order: find the place among them.
  const settled = run.analysis.settled;
  let lo = 0;
  let hi = settled.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run.keys[settled[mid]!]! <= key) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? run.entries[settled[lo - 1]!] : undefined;
  const after = lo < settled.length ? run.entries[settled[lo]!] : undefined;
  const where = before ? `after "${before.name}"` : after ? `before "${after.name}"` : 'to its sorted place';
  const fix = singleLine ? moveFix(source, entry, before, after) : undefined;
  return {
    message: `"${entry.name}" is out of alphabetical order (${why}) — move it ${where}`,
    span: entryLineSpan(source, entry),
    ...(fix ? { fix } : {}),
    data: { ...(before ? { after: before.name } : {}), ...(after ? { before: after.name } : {}) },
  };
}

function moveFix(source: string, entry: Entry, before: Entry | undefined, after: Entry | undefined): Fix | undefined {
  const from = entry.removalSpan;
  const line = source.slice(from.start.offset, from.end.offset);
  let at: number;
  if (after) {
    at = after.removalSpan.start.offset;
  } else if (before) {
    at = before.removalSpan.end.offset;
    if (!source.slice(before.removalSpan.start.offset, at).endsWith('\n')) return undefined;
  } else {
    return undefined;
  }
  if (!line.endsWith('\n')) return undefined;
  if (at >= from.start.offset && at <= from.end.offset) return undefined;
  return {
    edits: [
      { start: from.start.offset, end: from.end.offset, text: '' },
      { start: at, end: at, text: line },
    ].sort((a, b) => a.start - b.start),
    certain: true,
  };
}
