import type { Entry, ListDocument } from '../model/types.js';
import { isNavigation } from './entry-shape.js';

/**
 * Runs of sibling list entries: items of one list, at one depth, under one parent item,
 * with nothing but whitespace between them (a paragraph, a sub-heading or a link-less item
 * ends a run). Table rows and table-of-contents lines are not in runs. Document order, one pass.
 */
export function siblingRuns(doc: ListDocument): Entry[][] {
  const runs: Entry[][] = [];
  const open = new Map<string, Entry[]>();
  for (const entry of doc.entries) {
    if (entry.container.kind !== 'list' || isNavigation(entry)) continue;
    const parent = entry.container.parents.at(-1);
    const key = `${entry.section.id}\u0000${parent ? parent.span.start.offset : 'top'}`;
    const run = open.get(key);
    const last = run?.at(-1);
    if (run && last && doc.source.slice(last.span.end.offset, entry.span.start.offset).trim() === '') {
      run.push(entry);
    } else {
      const fresh = [entry];
      runs.push(fresh);
      open.set(key, fresh);
    }
  }
  return runs;
}
