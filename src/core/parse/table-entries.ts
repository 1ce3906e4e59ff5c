import type { Entry, GroupCell, Link, Span, Table, TableCell } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import { nameSpanOf } from './name-span.js';

const NAME_COLUMN = /^(tools?|names?|projects?|titles?|librar(y|ies)|resources?|repos?|repositor(y|ies)|links?|frameworks?|software|packages?|papers?|products?|services?|apps?|applications?|courses?|books?|articles?)\b/i;

/** The column that names the entries: by header, else the first column whose cells mostly hold links. */
export function nameColumn(table: Table): number {
  const byHeader = table.columns.findIndex((c) => NAME_COLUMN.test(c.trim()));
  if (byHeader >= 0) return byHeader;
  const width = Math.max(table.headerWidth, ...table.bodyRows.map((r) => r.grid.length), 0);
  for (let col = 0; col < width; col++) {
    const withLinks = table.bodyRows.filter((r) => {
      const cell = r.grid[col];
      return cell && cell.rowIndex === r.index && cell.links.some((l) => !l.isImage);
    }).length;
    if (withLinks > 0 && withLinks * 2 >= table.bodyRows.filter((r) => !r.isEmpty).length) return col;
  }
  return 0;
}

/**
 * One entry per non-image link in a row's name cell. Cells left of the name column
 * (spanning several rows or not) are the entry's groups, e.g. pipeline and stage.
 */
export function entriesFromTable(table: Table, lines: LineIndex): Entry[] {
  const source = lines.source;
  const nameCol = nameColumn(table);
  const entries: Entry[] = [];
  for (const row of table.bodyRows) {
    const cell = row.grid[nameCol];
    // The name cell must be written in this row (not a rowspan from above).
    if (!cell || cell.rowIndex !== row.index) continue;
    const groups: GroupCell[] = [];
    for (let col = 0; col < nameCol; col++) {
      const g = row.grid[col];
      if (g && !groups.some((x) => x.cell === g)) groups.push({ column: table.columns[col] ?? `column ${col + 1}`, value: g.text, cell: g });
    }
    const description = row.grid
      .filter((c, i): c is TableCell => !!c && i > nameCol && c.rowIndex === row.index)
      .filter((c, i, all) => all.indexOf(c) === i)
      .map((c) => c.text)
      .join(' ')
      .trim();
    const rowLinks = row.cells.flatMap((c) => c.links);
    const scopeParts = [table.section.id, ...groups.map((g) => `${g.column}=${g.value}`)];
    const groupLabel = groups.map((g) => `${g.column} "${g.value}"`).join(', ');
    const scopeLabel = groups.length > 0 ? `${groupLabel} of the table` : table.section.title ? `the table in section "${table.section.title}"` : 'the table';
    const entry = (name: string, link: Link, links: Link[], nameSpan?: Span): Entry => ({
      name,
      ...(nameSpan ? { nameSpan } : {}),
      primaryLink: link,
      links,
      description,
      span: row.span,
      removalSpan: row.removalSpan,
      section: table.section,
      container: { kind: 'table', table, row, cell, groups },
      scope: `table:${scopeParts.join(' | ')}`,
      scopeLabel,
    });
    const nameLinks = cell.links.filter((l) => !l.isImage);
    if (nameLinks.length === 0) {
      // "| **cdxgen** | [https://github.com/…](…) | …": the name is plain text and the link
      // stands in another column (Website, Link); the entry is named by the text.
      const link = row.cells.filter((c) => c !== cell).flatMap((c) => c.links).find((l) => !l.isImage);
      if (link && cell.text !== '') entries.push(entry(cell.text, link, rowLinks));
      continue;
    }
    for (const link of nameLinks) entries.push(entry(link.text.trim(), link, nameLinks.length > 1 ? [link] : rowLinks, nameSpanOf(source, link)));
  }
  return entries;
}
