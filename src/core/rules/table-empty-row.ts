import type { Fix, Rule, RuleReport } from '../findings/types.js';
import type { TableCell } from '../model/types.js';
import { analyzeTableSpans, rowspanValueEdit } from './table-rowspan.js';

/**
 * `table-empty-row`: a table body row with nothing in it — a stray `<tr>` with no cells,
 * a row of blank `<td>`s, or a GFM row of blank cells (`|   |   |`). Example: a lone
 * `<tr>` line before the next `<tr>` → delete it.
 *
 * The fix deletes the row's lines and shortens by one every rowspan from an earlier row
 * that covers it, so the table keeps its shape.
 */
export const tableEmptyRow: Rule = {
  meta: {
    id: 'table-empty-row',
    defaultSeverity: 'warning',
    description: 'Table rows with no cells or only blank cells.',
    fixable: true,
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    for (const table of doc.tables) {
      const analysis = table.syntax === 'html' ? analyzeTableSpans(doc.source, table) : undefined;
      for (const row of table.bodyRows) {
        if (!row.isEmpty) continue;
        const edits: Fix['edits'] = [{ start: row.removalSpan.start.offset, end: row.removalSpan.end.offset, text: '' }];
        let certain = true;
        if (analysis) {
          // A blank cell of this row that spans later rows holds their place: deleting it would shift them.
          if (row.cells.some((c) => Math.max(analysis.verdictOf.get(c)?.effective ?? 1, analysis.verdictOf.get(c)?.correct ?? 1) > 1)) certain = false;
          // Spans from earlier rows that cover this row lose one row.
          const declared = new Set<TableCell>(row.grid.filter((c): c is TableCell => !!c && c.rowIndex < row.index));
          const corrected = new Set<TableCell>(analysis.correctedCover.get(row) ?? []);
          for (const cell of new Set([...declared, ...corrected])) {
            if (!cell.rowspanAttr) continue;
            let count: number | undefined;
            if (declared.has(cell)) {
              if (cell.rowspan === 0) continue; // still "to the end of the group"
              const digits = /^\s*\+?(\d+)/.exec(cell.rowspanAttr.raw)?.[1];
              const written = digits === undefined ? cell.rowspan : Number(digits);
              if (!Number.isSafeInteger(written)) continue; // still reaches far past the end
              count = written - 1;
            } else {
              const verdict = analysis.verdictOf.get(cell);
              if (verdict) count = verdict.correct - 1;
            }
            const edit = count === undefined ? undefined : rowspanValueEdit(doc.source, cell, count);
            if (edit) edits.push(edit);
          }
        }
        const spans = edits.length - 1;
        const shorten = spans === 0 ? '' : spans === 1 ? ' and shorten the rowspan that covers it' : ' and shorten the rowspans that cover it';
        const message =
          row.cells.length === 0
            ? `Empty table row: a <tr> with no cells — delete it${shorten}`
            : `Table row has only blank cells — fill it in or delete it${shorten}`;
        reports.push({
          message,
          span: row.span,
          fix: { edits: edits.sort((a, b) => a.start - b.start), certain },
          data: { shortenedRowspans: spans },
        });
      }
    }
    return reports;
  },
};
