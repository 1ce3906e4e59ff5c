import type { Span, TableCell, TableRow } from '../model/types.js';

/** A cell as written, before it is placed in the grid. */
export interface WrittenCell {
  text: string;
  span: Span;
  isHeader: boolean;
  /** Declared rowspan (1 when absent or invalid; 0 means "to the end of the row group"). */
  rowspan: number;
  colspan: number;
  rowspanAttr?: TableCell['rowspanAttr'];
  links: TableCell['links'];
}

export interface WrittenRow {
  span: Span;
  removalSpan: Span;
  cells: WrittenCell[];
  isHeader: boolean;
}

/** The HTML spec's limits: colspan ≤ 1000, rowspan ≤ 65534. */
const MAX_COLSPAN = 1000;
const MAX_COLUMNS = 1000;

/**
 * Places the cells of one row group (thead, tbody or tfoot) into a grid, expanding rowspan
 * and colspan as browsers do: a rowspan never reaches past its row group, and a cell
 * written into a slot covered from above moves right to the next free slot.
 */
export function buildRowGroupGrid(rows: WrittenRow[], firstIndex: number, group = 0, groupTag: TableRow['groupTag'] = 'tbody'): TableRow[] {
  const coverage: { cell: TableCell; remaining: number }[] = [];
  const result: TableRow[] = [];
  rows.forEach((row, r) => {
    const rowsLeft = rows.length - r;
    const grid: (TableCell | undefined)[] = [];
    const activeAtStart = coverage.map((c) => (c && c.remaining > 0 ? c : undefined));
    activeAtStart.forEach((c, col) => {
      if (c) grid[col] = c.cell;
    });
    const placed: TableCell[] = [];
    let col = 0;
    for (const written of row.cells) {
      while (grid[col] !== undefined && col < MAX_COLUMNS) col++;
      if (col >= MAX_COLUMNS) break;
      const colspan = Math.min(Math.max(1, written.colspan), MAX_COLSPAN, MAX_COLUMNS - col);
      const effectiveRowspan = written.rowspan === 0 ? rowsLeft : Math.min(Math.max(1, written.rowspan), rowsLeft);
      const cell: TableCell = {
        text: written.text,
        span: written.span,
        isHeader: written.isHeader,
        rowspan: written.rowspan,
        colspan,
        ...(written.rowspanAttr ? { rowspanAttr: written.rowspanAttr } : {}),
        links: written.links,
        rowIndex: firstIndex + r,
        colIndex: col,
      };
      placed.push(cell);
      for (let c = col; c < col + colspan; c++) {
        grid[c] = cell;
        if (effectiveRowspan > 1) coverage[c] = { cell, remaining: effectiveRowspan };
        else if (coverage[c]) coverage[c] = { cell, remaining: 0 };
      }
      col += colspan;
    }
    // Rows covered at the start of this row used up one of their rows.
    activeAtStart.forEach((c, column) => {
      if (c && coverage[column] === c) c.remaining--;
    });
    // Cells placed now cover this row: count it.
    for (const cell of placed) {
      for (let c = cell.colIndex; c < cell.colIndex + cell.colspan; c++) {
        const cov = coverage[c];
        if (cov && cov.cell === cell && cov.remaining > 0) cov.remaining--;
      }
    }
    const isEmpty = row.cells.length === 0 || row.cells.every((c) => c.text.trim() === '' && c.links.length === 0);
    result.push({
      span: row.span,
      removalSpan: row.removalSpan,
      cells: placed,
      grid,
      isHeader: row.isHeader,
      isEmpty,
      index: firstIndex + r,
      group,
      groupTag,
    });
  });
  return result;
}

/** Width of a grid row: the last occupied column + 1. */
export function gridWidth(row: TableRow): number {
  return row.grid.length;
}

/** Parses a rowspan/colspan attribute value as browsers do (leading digits), or undefined when invalid. */
export function parseSpanAttribute(raw: string): number | undefined {
  const match = /^\s*\+?(\d+)/.exec(raw);
  if (!match) return undefined;
  const n = Number(match[1]);
  return Number.isFinite(n) ? Math.min(n, 65534) : 65534;
}
