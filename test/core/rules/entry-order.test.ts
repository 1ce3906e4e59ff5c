import { describe, it, expect } from '@jest/globals';
import { checkText, fixText } from '../../helpers/check-text.js';
import { entryOrder } from '../../../src/core/rules/entry-order.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';
import { changedLines } from '../../../src/review/changed-lines.js';
import { partitionFindings } from '../../../src/review/partition-findings.js';
import { entryLine, list, names } from '../style/fixtures.js';

const rules = [entryOrder];
const order = (md: string, config = resolveConfig()) => checkText(md, rules, { config }).map((f) => `${f.span.start.line} ${f.message}`);

/** n sorted entries with `name` inserted at `at` (0-based). */
function withIntruder(n: number, name: string, at: number): string {
  const lines = names(n).map((x) => entryLine(x));
  lines.splice(at, 0, entryLine(name));
  return list(lines);
}

describe('entry-order', () => {
  it('kept: a section alphabetical but for one entry (9 of 10) reports it, says how strong, and the fix moves it', () => {
    const md = withIntruder(9, 'Zebra Grass', 1);
    expect(order(md)).toEqual(['6 "Zebra Grass" is out of alphabetical order (this section is alphabetical: 9 of 10 entries in this section) — move it after "Lupin"']);
    const fixed = fixText(md, rules);
    expect(fixed).toBe(list([...names(9), 'Zebra Grass'].map((x) => entryLine(x))));
    expect(checkText(fixed, rules)).toEqual([]);
  });

  it('at the share threshold: 9 of 10 in order is reported, 8 of 9 (below 90%) is not, 10 of 11 is', () => {
    expect(order(withIntruder(9, 'Zebra Grass', 1))).toHaveLength(1);
    expect(order(withIntruder(8, 'Zebra Grass', 1))).toEqual([]);
    expect(order(withIntruder(10, 'Zebra Grass', 1))).toHaveLength(1);
  });

  it('not kept: a section in no particular order gets no finding', () => {
    const shuffled = ['Moss', 'Acorn', 'Zinnia', 'Fern', 'Clover', 'Yarrow', 'Bramble', 'Ivy', 'Daisy', 'Lupin'];
    expect(order(list(shuffled.map((x) => entryLine(x))))).toEqual([]);
  });

  it('mixed below the threshold: 17 of 20 in order (85%) gets no finding', () => {
    const lines = names(17).map((x) => entryLine(x));
    lines.splice(2, 0, entryLine('Zz Top'));
    lines.splice(5, 0, entryLine('Zz Second'));
    lines.splice(9, 0, entryLine('Aa First'));
    expect(order(list(lines))).toEqual([]);
  });

  it('sorts as people do: case, a leading "The" and punctuation do not count', () => {
    const lines = ['acorn', 'The Bramble', 'clover', '.daisy', 'Fern', 'heather', 'IVY'].map((x) => entryLine(x));
    expect(order(list(lines))).toEqual([]);
  });

  it('a list sorted by a script over raw lines (go-cache before gocache) is judged by that sorting', () => {
    const lines = ['go-cache', 'go-kit', 'go-zero', 'gobuffalo', 'gocache', 'godotenv', 'gomock', 'gorm', 'gotest', 'goyave'].map((x) => entryLine(x));
    expect(order(list(lines))).toEqual([]);
  });

  it('two entries swapped with each other are named together, and nothing is moved', () => {
    const lines = names(10).map((x) => entryLine(x));
    [lines[3], lines[4]] = [lines[4]!, lines[3]!];
    const md = list(lines);
    expect(order(md)).toEqual(['8 "Fern", "Daisy" are out of alphabetical order with each other (this section is alphabetical: 9 of 10 entries in this section) — put them in order']);
    expect(fixText(md, rules)).toBe(md);
  });

  it('the move is only suggested when the list has multi-line entries', () => {
    const lines = names(9).map((x) => entryLine(x));
    lines.splice(1, 0, entryLine('Zebra Grass'));
    lines[4] = `${lines[4]!}\n  continued on a second line.`;
    const md = list(lines);
    expect(order(md)).toHaveLength(1);
    expect(fixText(md, rules)).toBe(md);
  });

  it('small sections follow the file: a 3-entry section out of order in an alphabetical file', () => {
    const big = names(10).map((x) => entryLine(x)).join('\n');
    const md = `# Garden\n\n## Big\n\n${big}\n\n## Small\n\n${['Rowan', 'Acorn', 'Moss'].map((x) => entryLine(x)).join('\n')}\n`;
    expect(order(md)).toEqual([expect.stringContaining('"Rowan" is out of alphabetical order (this list is alphabetical: 12 of 13 entries in this file)')]);
  });

  it('config: order off reports nothing; order alphabetical holds even an unsorted section to it', () => {
    const md = withIntruder(9, 'Zebra Grass', 1);
    expect(order(md, resolveConfig({ style: { order: 'off' } }))).toEqual([]);
    const shuffled = list(['Moss', 'Acorn', 'Bramble'].map((x) => entryLine(x)));
    expect(order(shuffled, resolveConfig({ style: { order: 'alphabetical' } }))).toEqual([
      '5 "Moss" is out of alphabetical order (the config asks for alphabetical order) — move it after "Bramble"',
    ]);
  });

  it('PR case: only the entry the pull request adds gates; an old deviation stays existing', () => {
    // The base already has one entry out of place (19 of 20); the PR adds another out of place.
    const baseLines = names(19).map((x) => entryLine(x));
    baseLines.splice(3, 0, entryLine('Aardvark Moss'));
    const base = list(baseLines);
    const headLines = [...baseLines];
    headLines.splice(10, 0, entryLine('Beech'));
    const head = list(headLines);
    const findings = checkText(head, rules);
    expect(findings.map((f) => f.message.slice(0, 16))).toEqual(['"Aardvark Moss" ', '"Beech" is out o']);
    const { gating, existing } = partitionFindings(
      findings.map((f) => ({ ...f, file: 'README.md' })),
      new Map([['README.md', changedLines(base, head)]]),
    );
    expect(gating.map((f) => f.message.slice(0, 8))).toEqual(['"Beech" ']);
    expect(existing.map((f) => f.message.slice(0, 15))).toEqual(['"Aardvark Moss"']);
  });
});
