import type { Entry, ListDocument } from '../model/types.js';

/** An item a list entry is nested in. */
export interface ListParent {
  /** 1-based line where the parent item starts. */
  line: number;
  /** The parent item's first line after its marker, as written. */
  text: string;
  /** Whether the parent item is itself an entry (it starts with a link). */
  isEntry: boolean;
}

const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const ch of whitespace) width = ch === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

/**
 * The items each list entry is nested in, outermost first, found from the source lines
 * (the model keeps no list tree): walking up, the nearest item with less indentation
 * is the parent, until a line at the margin that is not an item ends the list. Entries
 * of tables, and items inside block quotes, have none.
 */
export function listNesting(doc: ListDocument): (entry: Entry) => ListParent[] {
  const lines = doc.source.split('\n').map((line) => line.replace(/\r$/, ''));
  const entryLines = new Set(doc.entries.filter((e) => e.container.kind === 'list').map((e) => e.span.start.line));
  const cache = new Map<Entry, ListParent[]>();
  return (entry) => {
    const known = cache.get(entry);
    if (known) return known;
    const parents: ListParent[] = [];
    const own = entry.container.kind === 'list' ? LIST_ITEM.exec(lines[entry.span.start.line - 1] ?? '') : null;
    let indent = own ? indentWidth(own[1]!) : 0;
    let inFence = false;
    for (let line = entry.span.start.line - 1; line >= 1 && indent > 0; line--) {
      const text = lines[line - 1]!;
      if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
      if (inFence || text.trim() === '') continue;
      const item = LIST_ITEM.exec(text);
      if (!item) {
        if (indentWidth(/^[ \t]*/.exec(text)![0]) === 0) break;
        continue;
      }
      const itemIndent = indentWidth(item[1]!);
      if (itemIndent >= indent) continue;
      indent = itemIndent;
      parents.unshift({ line, text: (item[2] ?? '').trim(), isEntry: entryLines.has(line) });
    }
    cache.set(entry, parents);
    return parents;
  };
}
