import { describe, it, expect } from '@jest/globals';
import { checkText, fixText } from '../../helpers/check-text.js';
import { entryFormat } from '../../../src/core/rules/entry-format.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';
import { changedLines } from '../../../src/review/changed-lines.js';
import { partitionFindings } from '../../../src/review/partition-findings.js';
import { entryLine, list, names, type EntryOptions } from '../style/fixtures.js';

const rules = [entryFormat];
const format = (md: string, config = resolveConfig()) => checkText(md, rules, { config }).map((f) => `${f.span.start.line} ${f.message}`);

/** `n` entries; those at `odd` indexes written with `other`. */
function section(n: number, odd: number[], other: EntryOptions): string {
  return list(names(n).map((x, i) => entryLine(x, odd.includes(i) ? other : {})));
}

describe('entry-format: separator', () => {
  it('kept (9 of 10 use " - "): the odd one is reported with the convention and its strength, and fixed', () => {
    const md = section(10, [4], { separator: ': ' });
    expect(format(md)).toEqual(['9 "Fern" separates name and description with ": " (entries use " - ": 9 of 10 entries in this section) — write " - "']);
    expect(fixText(md, rules)).toBe(section(10, [], {}));
  });
  it('not kept / mixed below the threshold (8 of 10): no finding', () => {
    expect(format(section(10, [1, 5], { separator: ': ' }))).toEqual([]);
    expect(format(section(10, [0, 2, 4, 6, 8], { separator: ' — ' }))).toEqual([]);
  });
  it('entries whose descriptions end in metadata (`MIT` `Go`) still show their separator', () => {
    const md = list(names(10).map((x, i) => entryLine(x, { separator: i === 4 ? ': ' : ' - ', description: `Grows ${x}. \`MIT\` \`Go\`` })));
    expect(format(md)).toEqual([expect.stringContaining('"Fern" separates name and description with ": " (entries use " - ": 9 of 10')]);
  });
  it('extra spaces render the same and are not a different separator', () => {
    expect(format(section(10, [4], { separator: ' -  ' }))).toEqual([]);
  });
  it('a section of 4 follows the file; with no file convention it is not judged', () => {
    expect(format(list(names(4).map((x, i) => entryLine(x, i === 0 ? { separator: ': ' } : {}))))).toEqual([]);
  });
  it('config: a forced separator applies without evidence; off turns it off', () => {
    const md = section(3, [], {});
    expect(format(md, resolveConfig({ style: { separator: ': ' } }))).toHaveLength(3);
    expect(format(section(10, [4], { separator: ': ' }), resolveConfig({ style: { separator: 'off' } }))).toEqual([]);
  });
});

describe('entry-format: final period', () => {
  it('kept: a description without the period gets one (certain fix)', () => {
    const md = section(10, [2], { description: 'Grows clover' });
    expect(format(md)).toEqual(['7 The description of "Clover" does not end with a period (descriptions end with a period: 9 of 10 entries in this section) — add one']);
    expect(fixText(md, rules)).toBe(section(10, [2], { description: 'Grows clover.' }));
  });
  it('kept the other way: no periods, one period is removed — but not "etc."', () => {
    const none = (x: string) => ({ description: `Grows ${x}` });
    const md = list(names(10).map((x, i) => entryLine(x, i === 3 ? { description: 'Grows daisies.' } : none(x))));
    expect(format(md)).toEqual([expect.stringContaining('"Daisy" ends with a period (descriptions end without one: 9 of 10')]);
    const etc = list(names(10).map((x, i) => entryLine(x, i === 3 ? { description: 'Grows daisies, clover, etc.' } : none(x))));
    expect(format(etc)).toEqual([]);
  });
  it('mixed below the threshold (8 of 10): no finding', () => {
    expect(format(section(10, [2, 7], { description: 'Grows it' }))).toEqual([]);
  });
  it('badges after the description are not its end', () => {
    const badge = ' [![OSS](https://img.example/oss.svg)](https://src.example)';
    const md = list(names(10).map((x) => `${entryLine(x)}${badge}`));
    expect(format(md)).toEqual([]);
  });
  it('a description ending in a code span or link is not judged', () => {
    expect(format(section(10, [2], { description: 'Wraps `libclover`' }))).toEqual([]);
  });
});

describe('entry-format: first letter', () => {
  it('kept: a lowercase start is reported; the capital is only suggested', () => {
    const md = section(10, [5], { description: 'grows heather.' });
    expect(format(md)).toEqual(['10 The description of "Heather" starts with a lowercase letter (descriptions start capitalised: 9 of 10 entries in this section) — write "G"']);
    expect(fixText(md, rules)).toBe(md);
  });
  it('a first word that is a name keeps its case: iOS, k8s, the entry\'s own name', () => {
    expect(format(section(10, [5], { description: 'iOS port of heather.' }))).toEqual([]);
    expect(format(section(10, [5], { description: 'k8s operator.' }))).toEqual([]);
    expect(format(section(10, [5], { description: 'heather is a shrub.' }))).toEqual([]);
  });
  it('mixed below the threshold: no finding', () => {
    expect(format(section(10, [1, 5], { description: 'grows it.' }))).toEqual([]);
  });
});

describe('entry-format: bullet', () => {
  it('kept: another bullet is reported and fixed; mixed is not', () => {
    const md = section(10, [6], { bullet: '*' });
    expect(format(md)).toEqual(['11 "Ivy" uses the bullet "*" (the list uses "-": 9 of 10 entries in this section) — write "-"']);
    expect(fixText(md, rules)).toBe(section(10, [], {}));
    expect(format(section(10, [1, 6], { bullet: '*' }))).toEqual([]);
  });
  it('table-of-contents lines are not entries', () => {
    const toc = ['- [Plants](#plants)', '- [Trees](#trees)'].join('\n');
    const md = `# Garden\n\n${toc}\n\n## Plants\n\n${names(10).map((x) => entryLine(x, { bullet: '*' })).join('\n')}\n\n## Trees\n\n${entryLine('Rowan', { bullet: '*' })}\n`;
    expect(format(md)).toEqual([]);
  });
});

describe('entry-format: PR case', () => {
  it('only the entry the pull request adds gates', () => {
    const baseLines = names(19).map((x, i) => entryLine(x, i === 2 ? { separator: ': ' } : {}));
    const base = list(baseLines);
    const headLines = [...baseLines];
    headLines.splice(8, 0, entryLine('Juniper Two', { separator: ' — ' }));
    const head = list(headLines);
    const findings = checkText(head, rules).map((f) => ({ ...f, file: 'README.md' }));
    expect(findings).toHaveLength(2);
    const { gating, existing } = partitionFindings(findings, new Map([['README.md', changedLines(base, head)]]));
    expect(gating.map((f) => f.message.slice(0, 13))).toEqual(['"Juniper Two"']);
    expect(existing.map((f) => f.message.slice(0, 8))).toEqual(['"Clover"']);
  });
});
