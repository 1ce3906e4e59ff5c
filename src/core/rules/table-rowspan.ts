import type { Fix, Rule, RuleReport } from '../findings/types.js';
import type { Table, TableCell, TableRow } from '../model/types.js';

/**
 * `table-rowspan`: a `rowspan` with the wrong count in an HTML table. Example: a
 * `<td rowspan="30">` over the 18 rows of its table → `rowspan="18"`.
 *
 * The right counts come from a greedy pass over each row group that simulates the grid
 * the way browsers build it (see parse/table-grid.ts):
 *  - a row that would come out wider than the header because spans from above still
 *    cover it (it starts new cells in their columns) ends the rightmost covering span
 *    on the row before, until the row fits — unless that leaves rows the span covers
 *    short, which means the row has an extra cell instead (table-column-count's case);
 *  - a non-empty row that comes out narrower than the header extends the spans that
 *    ended on the previous non-empty row (rightmost first) when that makes it exactly
 *    as wide as the header and every cell that starts a group of its own (it has a
 *    rowspan attribute) lands in a column where such cells stand, right of the spans;
 *  - empty rows use up coverage but are never short (table-empty-row deals with them);
 *  - a span never reaches past the end of its row group.
 * table-empty-row and table-column-count read the same analysis, so one defect is
 * reported once, by the rule that names its cause.
 */

const MAX_COLUMNS = 1000;
const MAX_COLSPAN = 1000;
/** Spans tried per short row: bounds the work on pathological tables. */
const MAX_EXTENSION_TRIES = 8;

export interface SpanVerdict {
  cell: TableCell;
  /** The row the cell is written in. */
  row: TableRow;
  /** Rows the span covers in the browser's layout (clamped to its row group). */
  effective: number;
  /** Rows the span should cover. */
  correct: number;
  /** Rows from the cell's row to the end of its row group, the cell's row included. */
  rowsLeft: number;
  /** The cell's row group is the last one of the table. */
  lastGroup: boolean;
  /** `tbody`, `thead` or `tfoot`. */
  groupTag: string;
  /** The row that starts new cells in the span's columns, where the span was ended. */
  cutAt?: TableRow;
  /** The first row that was left short because the span ended too early. */
  shortAt?: TableRow;
}

export interface TableSpanAnalysis {
  /** Width the rows should have: the header's (0 when the table has no header). */
  width: number;
  /** One verdict per cell that has a rowspan attribute, in source order. */
  verdicts: SpanVerdict[];
  verdictOf: Map<TableCell, SpanVerdict>;
  /** Occupied grid columns of each row once every rowspan has its right count. */
  correctedWidth: Map<TableRow, number>;
  /** Cells of earlier rows whose corrected span covers the row. */
  correctedCover: Map<TableRow, TableCell[]>;
}

interface Active {
  cell: TableCell;
  /** Index of the cell's row in its group. */
  row: number;
  col: number;
  colspan: number;
  /** Last row (group index) covered, inclusive. */
  end: number;
  verdict?: SpanVerdict;
}

const cache = new WeakMap<Table, TableSpanAnalysis>();

/** Re-runs allowed after a doubtful cut (each one pins at least one more span). */
const MAX_RUNS = 4;

/** Works out the right rowspan of every cell of an HTML table (memoised per table). */
export function analyzeTableSpans(source: string, table: Table): TableSpanAnalysis {
  const cached = cache.get(table);
  if (cached) return cached;
  const groups = table.syntax === 'html' ? rowGroups(table) : [];
  // Spans whose cut would leave rows they cover short: the cutting row more likely has an
  // extra cell (table-column-count reports it), so they keep their count.
  const pinned = new Set<TableCell>();
  let analysis: TableSpanAnalysis;
  for (let run = 1; ; run++) {
    analysis = { width: table.headerWidth, verdicts: [], verdictOf: new Map(), correctedWidth: new Map(), correctedCover: new Map() };
    const spanColumns = new Set<number>();
    groups.forEach((group, i) => simulateGroup(group.rows, group.tag, i === groups.length - 1, analysis, spanColumns, pinned));
    const doubtful = analysis.verdicts.filter((v) => v.cutAt && cutLeavesRowsShort(analysis, v));
    if (doubtful.length === 0 || run === MAX_RUNS) break;
    for (const v of doubtful) pinned.add(v.cell);
  }
  cache.set(table, analysis);
  return analysis;
}

function cutLeavesRowsShort(analysis: TableSpanAnalysis, verdict: SpanVerdict): boolean {
  const rows = groupRowsOf.get(verdict.row) ?? [];
  const from = rows.indexOf(verdict.cutAt!);
  const last = Math.min(rows.length - 1, rows.indexOf(verdict.row) + verdict.effective - 1);
  for (let r = from + 1; r <= last; r++) {
    const row = rows[r]!;
    if (!row.isEmpty && analysis.correctedWidth.get(row) !== analysis.width) return true;
  }
  return false;
}

/** The rows of the group each row belongs to (filled by rowGroups). */
const groupRowsOf = new WeakMap<TableRow, TableRow[]>();

/** Splits the rows of an HTML table into its row groups (thead, tbody, tfoot), as the parser recorded them. */
function rowGroups(table: Table): { rows: TableRow[]; tag: string }[] {
  const rows = [...table.headerRows, ...table.bodyRows].sort((a, b) => a.span.start.offset - b.span.start.offset);
  const groups: { rows: TableRow[]; tag: string; key: number }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.key === row.group) last.rows.push(row);
    else groups.push({ rows: [row], tag: row.groupTag, key: row.group });
  }
  for (const group of groups) for (const row of group.rows) groupRowsOf.set(row, group.rows);
  return groups;
}

function clampColspan(cell: TableCell, col: number): number {
  return Math.min(Math.max(1, cell.colspan), MAX_COLSPAN, MAX_COLUMNS - col);
}

/** Columns where the written cells of a row land, given what covers the row (as browsers place them). */
function place(cells: TableCell[], covered: (col: number) => boolean): { cols: number[]; occupied: number } {
  const cols: number[] = [];
  let occupied = 0;
  let col = 0;
  // Cells go left to right, so a cell never lands on one placed before it in the row.
  for (const cell of cells) {
    while (col < MAX_COLUMNS && covered(col)) col++;
    if (col >= MAX_COLUMNS) break;
    const colspan = clampColspan(cell, col);
    cols.push(col);
    occupied += colspan;
    col += colspan;
  }
  return { cols, occupied };
}

function simulateGroup(
  rows: TableRow[],
  groupTag: string,
  lastGroup: boolean,
  analysis: TableSpanAnalysis,
  spanColumns: Set<number>,
  pinned: Set<TableCell>,
): void {
  const n = rows.length;
  const W = analysis.width;
  const cover: (Active | undefined)[] = [];
  const withVerdict: Active[] = [];
  let lastNonEmpty = -1;
  rows.forEach((row, r) => {
    const isCovering = (a: Active | undefined): a is Active => !!a && a.row < r && a.end >= r;
    // Spans from earlier rows that cover this row, left to right.
    const covering: Active[] = [];
    for (let col = 0; col < cover.length; col++) {
      const a = cover[col];
      if (isCovering(a) && a.col === col) covering.push(a);
    }
    let c = covering.reduce((sum, a) => sum + a.colspan, 0);
    const w = place(row.cells, () => false).occupied;

    if (W > 0 && !row.isHeader && !row.isEmpty) {
      // Too wide: the row starts new cells where spans still reach. End the innermost first.
      while (w + c > W && covering.length > 0 && !pinned.has(covering[covering.length - 1]!.cell)) {
        const a = covering.pop()!;
        a.end = r - 1;
        if (a.verdict && !a.verdict.cutAt) a.verdict.cutAt = row;
        c -= a.colspan;
      }
      // Too narrow: extend spans that ended on the previous non-empty row.
      if (w + c < W && lastNonEmpty >= 0) {
        const seen = new Set<Active>();
        const candidates: Active[] = [];
        for (let col = cover.length - 1; col >= 0 && candidates.length < MAX_EXTENSION_TRIES; col--) {
          const a = cover[col];
          if (!a || seen.has(a)) continue;
          seen.add(a);
          if (!a.cell.rowspanAttr || a.end < lastNonEmpty || a.end >= r) continue;
          let free = true;
          for (let k = a.col; k < a.col + a.colspan; k++) if (cover[k] !== a) free = false;
          if (free) candidates.push(a);
        }
        const chosen: Active[] = [];
        let total = w + c;
        for (const cand of candidates) {
          if (total + cand.colspan > W) continue;
          const trial = [...chosen, cand];
          if (!extensionFits(row, trial, (col) => isCovering(cover[col]), spanColumns)) continue;
          chosen.push(cand);
          total += cand.colspan;
          if (total === W) break;
        }
        if (total === W && chosen.length > 0) {
          for (const a of chosen) {
            a.end = r;
            if (a.verdict && !a.verdict.shortAt) a.verdict.shortAt = row;
            c += a.colspan;
          }
        }
      }
    }

    // Place the row's own cells under the corrected coverage.
    const placed = place(row.cells, (col) => isCovering(cover[col]));
    row.cells.forEach((cell, i) => {
      const col = placed.cols[i];
      if (col === undefined) return;
      const rowsLeft = n - r;
      const effective = cell.rowspan === 0 ? rowsLeft : Math.min(Math.max(1, cell.rowspan), rowsLeft);
      const active: Active = { cell, row: r, col, colspan: clampColspan(cell, col), end: r + effective - 1 };
      if (cell.rowspanAttr) {
        const verdict: SpanVerdict = { cell, row, effective, correct: effective, rowsLeft, lastGroup, groupTag };
        active.verdict = verdict;
        withVerdict.push(active);
        analysis.verdicts.push(verdict);
        analysis.verdictOf.set(cell, verdict);
      }
      for (let k = col; k < col + active.colspan; k++) cover[k] = active;
    });
    row.cells.forEach((cell, i) => {
      const col = placed.cols[i];
      if (cell.rowspanAttr && col !== undefined) spanColumns.add(col);
    });
    analysis.correctedWidth.set(row, c + placed.occupied);
    if (!row.isEmpty) lastNonEmpty = r;
  });
  // The spans' final counts, and the rows each one covers.
  for (const row of rows) analysis.correctedCover.set(row, []);
  for (const a of withVerdict) {
    a.verdict!.correct = a.end - a.row + 1;
    for (let r = a.row + 1; r <= a.end; r++) analysis.correctedCover.get(rows[r]!)!.push(a.cell);
  }
}

/**
 * Would extending these spans into the row put every cell that starts a group of its own
 * (it has a rowspan attribute) into a column where such cells stand, right of the spans?
 */
function extensionFits(row: TableRow, extended: Active[], covered: (col: number) => boolean, spanColumns: Set<number>): boolean {
  const extra = new Set<number>();
  for (const a of extended) for (let k = a.col; k < a.col + a.colspan; k++) extra.add(k);
  const { cols } = place(row.cells, (col) => covered(col) || extra.has(col));
  const rightmost = Math.max(...extended.map((a) => a.col));
  return row.cells.every((cell, i) => {
    const col = cols[i];
    if (!cell.rowspanAttr || col === undefined) return true;
    return spanColumns.has(col) && col > rightmost;
  });
}

/** The attribute value as written: a valid count, or not. */
function parseWritten(raw: string): { valid: boolean; value: number } {
  const valid = /^\s*\d+\s*$/.test(raw);
  const digits = /^\s*\+?(\d+)/.exec(raw)?.[1];
  return { valid, value: digits === undefined ? NaN : Number(digits) };
}

const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

/** The replacement for a rowspan attribute's value (adds `="…"` when the attribute has none). */
export function rowspanValueEdit(source: string, cell: TableCell, count: number): Fix['edits'][number] | undefined {
  const attr = cell.rowspanAttr;
  if (!attr) return undefined;
  const { start, end } = attr.valueSpan;
  const before = source[start.offset - 1];
  const text = start.offset === end.offset && before !== '"' && before !== "'" && before !== '=' ? `="${count}"` : String(count);
  return { start: start.offset, end: end.offset, text };
}

export const tableRowspan: Rule = {
  meta: {
    id: 'table-rowspan',
    defaultSeverity: 'error',
    description: 'HTML table rowspans that reach past their group or the table, or end too early.',
    fixable: true,
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    for (const table of doc.tables) {
      if (table.syntax !== 'html') continue;
      const analysis = analyzeTableSpans(doc.source, table);
      for (const v of analysis.verdicts) {
        const attr = v.cell.rowspanAttr!;
        const raw = attr.raw;
        const { valid, value } = parseWritten(raw);
        const correct = v.correct;
        const wrong = !valid || (value === 0 ? correct !== v.rowsLeft : value !== correct);
        if (!wrong) continue;
        const set = `set rowspan="${correct}"`;
        const end = v.lastGroup ? 'the end of the table' : `the end of its <${v.groupTag}>`;
        let what: string;
        if (!valid) what = `rowspan="${raw}" is not a valid row count`;
        else if (correct < v.effective && v.cutAt) {
          what = `rowspan="${raw}" runs ${rows(v.effective - correct)} past its group (the row on line ${v.cutAt.span.start.line} starts a new one)`;
        } else if (correct > v.effective && v.shortAt) {
          what = `rowspan="${raw}" ends ${rows(correct - v.effective)} too early, leaving the row on line ${v.shortAt.span.start.line} a cell short`;
        } else if (value > v.rowsLeft) {
          what = Number.isSafeInteger(value) ? `rowspan="${raw}" reaches ${rows(value - v.rowsLeft)} past ${end}` : `rowspan="${raw}" reaches far past ${end}`;
        } else what = `rowspan="${raw}" should be ${correct}`;
        const edit = rowspanValueEdit(doc.source, v.cell, correct);
        reports.push({
          message: `${what} — ${set}`,
          span: attr.valueSpan,
          suggestion: String(correct),
          ...(edit ? { fix: { edits: [edit], certain: true } } : {}),
          data: { rowspan: raw, suggested: correct },
        });
      }
    }
    return reports;
  },
};
