import type { Rule, RuleReport } from '../findings/types.js';
import { analyzeTableSpans } from './table-rowspan.js';
import { trailingEmptyCellsEdit } from './trailing-empty-cells.js';

/**
 * `table-column-count`: a body row with more or fewer columns than the header. For GFM
 * tables the cells written in the row count (GitHub drops extra cells and pads missing
 * ones); for HTML tables the grid the browser builds, rowspans and colspans included.
 * Example: `| [Tool](…) |` under a two-column header → add the description cell.
 *
 * A GFM row whose extra cells are all empty (`| a | b | c | |` under three columns) renders
 * exactly like a row of the header's width: `info`, with a certain fix that removes them.
 *
 * Empty rows are left to table-empty-row, and rows that come out right once the rowspans
 * have their right counts to table-rowspan: one defect, one report.
 */
export const tableColumnCount: Rule = {
  meta: {
    id: 'table-column-count',
    defaultSeverity: 'warning',
    description: 'Table rows whose number of columns differs from the header.',
    fixable: true,
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    const cells = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
    for (const table of doc.tables) {
      const width = table.headerWidth;
      if (width === 0) continue;
      if (table.syntax === 'gfm') {
        for (const row of table.bodyRows) {
          const n = row.cells.length;
          if (row.isEmpty || n === width) continue;
          const edit = n > width ? trailingEmptyCellsEdit(doc.source, row, width) : undefined;
          if (edit) {
            // GitHub drops the cells past the header: empty ones change nothing a reader sees.
            const extra = n - width === 1 ? 'one extra empty cell' : `${n - width} extra empty cells`;
            reports.push({
              message: `Row has ${extra} at the end (${cells(n)}, the header has ${width}) — remove the empty cell${n - width === 1 ? '' : 's'}`,
              span: row.span,
              severity: 'info',
              fix: { edits: [edit], certain: true },
              data: { cells: n, columns: width },
            });
            continue;
          }
          const message =
            n < width
              ? `Row has ${cells(n)} but the header has ${width} — add the missing ${cells(width - n).replace(/^\d+ /, '')}`
              : `Row has ${cells(n)} but the header has ${width} — GitHub drops the extra ${cells(n - width).replace(/^\d+ /, '')}; remove ${n - width === 1 ? 'it' : 'them'} or add a header column`;
          reports.push({ message, span: row.span, data: { cells: n, columns: width } });
        }
        continue;
      }
      const analysis = analyzeTableSpans(doc.source, table);
      for (const row of table.bodyRows) {
        if (row.isEmpty) continue;
        const occupied = row.grid.filter((c) => c !== undefined).length;
        const wide = row.grid.length;
        if (occupied === width && wide === width) continue;
        // Right once the rowspans are: table-rowspan reports the cause.
        if (analysis.correctedWidth.get(row) === width) continue;
        const message =
          wide > width
            ? `Row is ${wide} columns wide but the header is ${width} — remove the extra cell${wide - width === 1 ? '' : 's'} or widen the header`
            : `Row fills ${occupied} of the header's ${width} columns — add the missing cell${width - occupied === 1 ? '' : 's'}`;
        reports.push({ message, span: row.span, data: { columns: wide > width ? wide : occupied, headerColumns: width } });
      }
    }
    return reports;
  },
};
