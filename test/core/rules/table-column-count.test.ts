import { describe, it, expect } from '@jest/globals';
import { tableColumnCount } from '../../../src/core/rules/table-column-count.js';
import { tableRowspan } from '../../../src/core/rules/table-rowspan.js';
import { tableEmptyRow } from '../../../src/core/rules/table-empty-row.js';
import { htmlUnclosedTag } from '../../../src/core/rules/html-unclosed-tag.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';
import { seed } from '../../helpers/shared-files.js';

const rules = [tableColumnCount];
const tableRules = [tableRowspan, tableEmptyRow, tableColumnCount, htmlUnclosedTag];

describe('table-column-count', () => {
  it('flags GFM rows with fewer or more cells than the header', () => {
    const md = ['| Name | About | License |', '| --- | --- | --- |', '| [A](https://a.example) | Does a. |', '| B | b | MIT | extra |', '| C | c | MIT |', ''].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['3:1 table-column-count', '4:1 table-column-count']);
    expect(findings.map((f) => f.message)).toEqual([
      'Row has 2 cells but the header has 3 — add the missing cell',
      'Row has 4 cells but the header has 3 — GitHub drops the extra cell; remove it or add a header column',
    ]);
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.fix).toBeUndefined();
    expect(fixText(md, rules)).toBe(md);
  });

  describe('a GFM row whose extra cells are empty (renders exactly like a row of the header width)', () => {
    const header = ['| Name | About | License |', '| --- | --- | --- |'];
    const table = (...rows: string[]) => [...header, ...rows, ''].join('\n');

    it('is info, says so, and the certain fix removes just the trailing empty cell', () => {
      const md = table('| [A](https://a.example) | Does a. | Unknown | |', '| B | b | MIT |');
      const findings = checkText(md, rules);
      expect(where(findings)).toEqual(['3:1 table-column-count']);
      expect(findings[0]!.severity).toBe('info');
      expect(findings[0]!.message).toBe('Row has one extra empty cell at the end (4 cells, the header has 3) — remove the empty cell');
      expect(findings[0]!.fix?.certain).toBe(true);
      const fixed = fixText(md, rules);
      expect(fixed).toBe(md.replace('| Unknown | |', '| Unknown |'));
      expect(checkText(fixed, rules)).toEqual([]);
      expect(fixText(fixed, rules)).toBe(fixed);
    });

    it('keeps the rest of the row byte for byte: no leading pipe, wide padding, trailing spaces, a quote', () => {
      const md = ['> | Name | About | License |', '> | --- | --- | --- |', '> A |  a  | `x\\|y` |    |  ', '', '| N | A |', '|---|---|', 'B | b | |', ''].join('\n');
      expect(where(checkText(md, rules))).toEqual(['3:3 table-column-count', '7:1 table-column-count']);
      expect(fixText(md, rules)).toBe(md.replace('`x\\|y` |    |  ', '`x\\|y` |  ').replace('B | b | |', 'B | b |'));
    });

    it('says nothing at 0 extra cells, info at exactly 1 and at 2 empty ones (each fixed), a warning for a missing cell', () => {
      const md = table('| A | a |', '| B | b | MIT |', '| C | c | MIT | |', '| D | d | MIT | | |');
      const findings = checkText(md, rules);
      expect(where(findings)).toEqual(['3:1 table-column-count', '5:1 table-column-count', '6:1 table-column-count']);
      expect(findings.map((f) => f.severity)).toEqual(['warning', 'info', 'info']);
      expect(findings[2]!.message).toBe('Row has 2 extra empty cells at the end (5 cells, the header has 3) — remove the empty cells');
      expect(fixText(md, rules)).toBe(md.replace('| MIT | |', '| MIT |').replace('| MIT | | |', '| MIT |'));
    });

    it('stays a warning without a fix when an extra cell holds text, or the empty cell is in the middle', () => {
      const md = table('| A | a | MIT | dropped |', '| B | | b | MIT |', '| C | c | MIT | | dropped |', '| D | d | MIT | dropped | |');
      const findings = checkText(md, rules);
      expect(where(findings)).toEqual(['3:1 table-column-count', '4:1 table-column-count', '5:1 table-column-count', '6:1 table-column-count']);
      expect(findings.every((f) => f.severity === 'warning' && f.fix === undefined)).toBe(true);
      expect(findings[1]!.message).toBe('Row has 4 cells but the header has 3 — GitHub drops the extra cell; remove it or add a header column');
      expect(fixText(md, rules)).toBe(md);
    });
  });

  it('counts the HTML grid, rowspans and colspans included', () => {
    const md = [
      '<table>',
      '<tr><th>Stage</th><th>Tool</th><th>About</th></tr>',
      '<tr><td rowspan="2">Build</td><td>A</td><td>a</td></tr>',
      '<tr><td>B</td><td>b</td></tr>',
      '<tr><td colspan="2">C</td><td>c</td></tr>',
      '<tr><td>D</td><td>d</td></tr>',
      '<tr><td>E</td><td>e</td><td>more</td><td>most</td></tr>',
      '</table>',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['6:1 table-column-count', '7:1 table-column-count']);
    expect(findings.map((f) => f.message)).toEqual([
      "Row fills 2 of the header's 3 columns — add the missing cell",
      'Row is 4 columns wide but the header is 3 — remove the extra cell or widen the header',
    ]);
  });

  it('leaves rows to table-rowspan when the right rowspan makes them fit, and empty rows to table-empty-row', () => {
    const md = [
      '<table>',
      '<tr><th>Pipeline</th><th>Stage</th><th>Tool</th><th>About</th></tr>',
      '<tr><td rowspan="5">Build</td><td rowspan="3">Stage 1</td><td>A</td><td>a</td></tr>',
      '<tr><td>B</td><td>b</td></tr>',
      '<tr><td rowspan="2">Stage 2</td><td>C</td><td>c</td></tr>',
      '<tr><td>D</td><td>d</td></tr>',
      '<tr></tr>',
      '<tr><td rowspan="1">Ship</td><td>Stage 3</td><td>E</td><td>e</td></tr>',
      '</table>',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
    expect(where(checkText(md, tableRules))).toEqual(['3:44 table-rowspan', '7:1 table-empty-row']);
    const fixed = fixText(md, tableRules);
    expect(checkText(fixed, tableRules)).toEqual([]);
    expect(fixText(fixed, tableRules)).toBe(fixed);
  });

  it('stays quiet on tables without a header, and on blank header names', () => {
    expect(checkText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>\n', rules)).toEqual([]);
    expect(checkText('| Date | Title |  |\n|---|---|---|\n| 2024 | A | x |\n', rules)).toEqual([]);
  });

  const seeds = ['000', '001', '002'] as const;
  for (const id of seeds) {
    const text = seed(id);
    (text ? it : it.skip)(`seed ${id}: no row differs from its header`, () => {
      expect(checkText(text!, rules)).toEqual([]);
    });
  }
});
