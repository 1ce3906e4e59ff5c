import { describe, it, expect } from '@jest/globals';
import { checkText, fixText } from '../../helpers/check-text.js';
import { tableColumnValues } from '../../../src/core/rules/table-column-values.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';
import { changedLines } from '../../../src/review/changed-lines.js';
import { partitionFindings } from '../../../src/review/partition-findings.js';
import { names } from '../style/fixtures.js';

const rules = [tableColumnValues];
const cells = (md: string, config = resolveConfig()) => checkText(md, rules, { config }).map((f) => `${f.span.start.line} ${f.message}`);

function table(column: string, values: string[]): string {
  const rows = values.map((v, i) => `| [${names(20)[i]}](https://${names(20)[i]!.toLowerCase()}.example) | ${v} |`);
  return `# APIs\n\n## Plants\n\n| API | ${column} |\n| --- | --- |\n${rows.join('\n')}\n`;
}

const yesNo = (n: number): string[] => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'No' : 'Yes'));

describe('table-column-values: Yes/No/Unknown', () => {
  it('kept: a value outside Yes/No/Unknown is reported with the evidence', () => {
    const values = yesNo(9);
    values.push('Maybe');
    expect(cells(table('HTTPS', values))).toEqual(['16 "Maybe" in column "HTTPS" is not Yes, No or Unknown (the column holds those: 9 of 10 cells in this table) — write one of them']);
  });
  it('a word spelled unlike the column ("yes" among "Yes") is fixed to the column\'s spelling', () => {
    const values = [...Array(10).fill('Yes'), 'yes', 'No'];
    const md = table('CORS', values);
    expect(cells(md)).toEqual([expect.stringContaining('"yes" in column "CORS" is spelled "Yes" elsewhere')]);
    expect(fixText(md, rules)).toBe(table('CORS', [...Array(11).fill('Yes'), 'No']));
  });
  it('not kept / mixed below the threshold (8 of 10): no finding', () => {
    const values = yesNo(8);
    values.push('Maybe', 'Partly');
    expect(cells(table('HTTPS', values))).toEqual([]);
    expect(cells(table('Notes', ['Fast', 'Slow', 'Yes', 'Old', 'New', 'Big']))).toEqual([]);
  });
});

describe('table-column-values: code column', () => {
  it('kept: a plain value is reported and wrapped in backticks; No is "none" and not judged', () => {
    const values = ['`apiKey`', 'No', '`OAuth`', '`apiKey`', '`apiKey`', 'No', '`OAuth`', '`apiKey`', '`apiKey`', '`X-Key`', '`apiKey`', 'OAuth'];
    const md = table('Auth', values);
    expect(cells(md)).toEqual(['18 "OAuth" in column "Auth" is not written as code (the column uses code spans: 9 of 10 cells in this table) — write it in backticks']);
    expect(fixText(md, rules)).toBe(table('Auth', values.map((v) => (v === 'OAuth' ? '`OAuth`' : v))));
  });
  it('mixed below the threshold: no finding', () => {
    expect(cells(table('Auth', ['`apiKey`', 'OAuth', '`apiKey`', 'token', '`apiKey`', '`apiKey`', '`OAuth`', '`apiKey`']))).toEqual([]);
  });
  it('config: tableColumns off reports nothing', () => {
    const values = yesNo(9);
    values.push('Maybe');
    expect(cells(table('HTTPS', values), resolveConfig({ style: { tableColumns: 'off' } }))).toEqual([]);
  });
  it('PR case: only the row the pull request adds gates', () => {
    const baseValues = yesNo(19);
    baseValues[4] = 'Sometimes';
    const base = table('HTTPS', baseValues);
    const head = table('HTTPS', [...baseValues, 'Perhaps']);
    const findings = checkText(head, rules).map((f) => ({ ...f, file: 'README.md' }));
    expect(findings).toHaveLength(2);
    const { gating } = partitionFindings(findings, new Map([['README.md', changedLines(base, head)]]));
    expect(gating.map((f) => f.message.slice(0, 9))).toEqual(['"Perhaps"']);
  });
});
