import { trimEndChars } from '../text/trim.js';
import type { ListDocument, Table, TableCell } from '../model/types.js';
import { isKept, MIN_ENTRIES, type Strength } from './thresholds.js';

export type ColumnKind = 'yes-no' | 'code';

export interface ColumnCell {
  cell: TableCell;
  /** The cell's text as written, without the surrounding pipes and spaces. */
  raw: string;
  start: number;
  end: number;
}

export interface ColumnConvention {
  table: Table;
  column: string;
  kind: ColumnKind;
  strength: Strength;
  cells: ColumnCell[];
  /** yes-no: the spelling the column uses for each word ("yes" → "Yes"). */
  spellings: Map<string, string>;
}

const YES_NO = new Set(['yes', 'no', 'unknown']);
/** Values that say "none" in a code column (`apiKey`, `OAuth`, No). */
const ABSENT = /^(?:no|none|n\/a|-|—|–)?$/i;
const CODE = /^`[^`]+`$/;

/** A cell's kind of value: a yes/no word, a code span, or something else. */
export function cellKinds(raw: string): { yesNo: boolean; code: boolean; absent: boolean } {
  return { yesNo: YES_NO.has(raw.toLowerCase()), code: CODE.test(raw), absent: ABSENT.test(raw) };
}

/**
 * Learns the GFM table columns that hold one kind of value: Yes/No/Unknown, or a code
 * span (`apiKey`) where a value is given. A table with at least MIN_ENTRIES values in
 * the column decides for itself; smaller tables follow all the file's tables with a column
 * of that name. Linear in the cells.
 */
export function inferTableColumns(doc: ListDocument): ColumnConvention[] {
  type Column = { table: Table; column: string; cells: ColumnCell[] };
  const columns: Column[] = [];
  for (const table of doc.tables) {
    if (table.syntax !== 'gfm') continue;
    // Each row's cells by column, once: a wide table costs rows × columns, not more.
    const byColumn = table.bodyRows.map((row) => new Map(row.cells.map((c) => [c.colIndex, c])));
    table.columns.forEach((name, index) => {
      if (name.trim() === '') return;
      const cells: ColumnCell[] = [];
      for (const rowCells of byColumn) {
        const cell = rowCells.get(index);
        if (!cell) continue;
        const written = doc.source.slice(cell.span.start.offset, cell.span.end.offset);
        const lead = /^[|\s]*/.exec(written)![0].length;
        const rest = written.slice(lead);
        const trail = rest.length - trimEndChars(rest, '| \t\n\r\f\v\u00a0').length;
        const raw = written.slice(lead, written.length - trail);
        if (raw.includes('\n')) continue;
        cells.push({ cell, raw, start: cell.span.start.offset + lead, end: cell.span.end.offset - trail });
      }
      columns.push({ table, column: name.trim(), cells });
    });
  }
  const tally = (cells: ColumnCell[]) => {
    let yesNo = 0;
    let code = 0;
    let present = 0;
    for (const c of cells) {
      const k = cellKinds(c.raw);
      if (k.yesNo) yesNo++;
      if (!k.absent) {
        present++;
        if (k.code) code++;
      }
    }
    return { yesNo, code, present, all: cells.length };
  };
  const byName = new Map<string, { yesNo: number; code: number; present: number; all: number }>();
  for (const c of columns) {
    const key = c.column.toLowerCase();
    const t = tally(c.cells);
    const sum = byName.get(key) ?? { yesNo: 0, code: 0, present: 0, all: 0 };
    byName.set(key, { yesNo: sum.yesNo + t.yesNo, code: sum.code + t.code, present: sum.present + t.present, all: sum.all + t.all });
  }
  const out: ColumnConvention[] = [];
  for (const c of columns) {
    const own = tally(c.cells);
    const file = byName.get(c.column.toLowerCase())!;
    const yes = own.all >= MIN_ENTRIES ? { t: own, scope: 'table' as const } : { t: file, scope: 'file' as const };
    const code = own.present >= MIN_ENTRIES ? { t: own, scope: 'table' as const } : { t: file, scope: 'file' as const };
    if (isKept(yes.t.yesNo, yes.t.all)) {
      const spellings = new Map<string, Map<string, number>>();
      for (const cell of c.cells) {
        const word = cell.raw.toLowerCase();
        if (!YES_NO.has(word)) continue;
        const counts = spellings.get(word) ?? new Map<string, number>();
        counts.set(cell.raw, (counts.get(cell.raw) ?? 0) + 1);
        spellings.set(word, counts);
      }
      const usual = new Map<string, string>();
      for (const [word, counts] of spellings) {
        let best: [string, number] = ['', 0];
        for (const [spelling, n] of counts) if (n > best[1]) best = [spelling, n];
        let total = 0;
        for (const n of counts.values()) total += n;
        if (isKept(best[1], total)) usual.set(word, best[0]);
      }
      out.push({ table: c.table, column: c.column, kind: 'yes-no', strength: { kept: yes.t.yesNo, total: yes.t.all, scope: yes.scope }, cells: c.cells, spellings: usual });
    } else if (isKept(code.t.code, code.t.present)) {
      out.push({ table: c.table, column: c.column, kind: 'code', strength: { kept: code.t.code, total: code.t.present, scope: code.scope }, cells: c.cells, spellings: new Map() });
    }
  }
  return out;
}
