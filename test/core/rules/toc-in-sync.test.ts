import { describe, it, expect } from '@jest/globals';
import { checkText, fixText } from '../../helpers/check-text.js';
import { tocInSync } from '../../../src/core/rules/toc-in-sync.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';
import { changedLines } from '../../../src/review/changed-lines.js';
import { partitionFindings } from '../../../src/review/partition-findings.js';
import { names } from '../style/fixtures.js';

const rules = [tocInSync];
const toc = (md: string, config = resolveConfig()) => checkText(md, rules, { config }).map((f) => `${f.span.start.line} ${f.message}`);

function doc(listed: string[], sections: string[], tail = ''): string {
  const contents = listed.map((s) => `- [${s}](#${s.toLowerCase()})`).join('\n');
  const body = sections.map((s) => `## ${s}\n\n- [${s} kit](https://${s.toLowerCase()}.example) - Tools for ${s}.`).join('\n\n');
  return `# Garden\n\n## Contents\n\n${contents}\n\n${body}\n${tail}`;
}

describe('toc-in-sync', () => {
  it('kept (9 of 10 sections listed): the missing one is reported and its line added after the section before', () => {
    const all = names(10);
    const md = doc(all.filter((s) => s !== 'Fern'), all);
    expect(toc(md)).toEqual([expect.stringMatching(/^\d+ Section "Fern" is missing from the table of contents \(it lists 9 of 10 sections of this level\) — add a line for it$/)]);
    expect(fixText(md, rules)).toBe(doc(all, all));
  });
  it('below the threshold (8 of 10 listed) and with fewer than 5 lines: no finding', () => {
    const all = names(10);
    expect(toc(doc(all.filter((s) => s !== 'Fern' && s !== 'Ivy'), all))).toEqual([]);
    expect(toc(doc(names(4).filter((s) => s !== 'Bramble'), names(4)))).toEqual([]);
  });
  it('sections after the last listed one (Contributing, License) are not asked for', () => {
    const all = names(10);
    expect(toc(doc(all, all, '\n## Contributing\n\nSend a pull request.\n\n## License\n\nCC0.\n'))).toEqual([]);
  });
  it('a contents line out of document order is reported; a shuffled contents is not judged', () => {
    const all = names(10);
    const moved = [...all];
    moved.splice(1, 0, moved.splice(6, 1)[0]!);
    expect(toc(doc(moved, all))).toEqual([expect.stringContaining('The contents line "Ivy" is out of document order (9 of 10 lines follow the sections)')]);
    const shuffled = ['Moss', 'Acorn', 'Lupin', 'Fern', 'Clover', 'Juniper', 'Bramble', 'Ivy', 'Daisy', 'Heather'];
    expect(toc(doc(shuffled, all))).toEqual([]);
  });
  it('config: toc off reports nothing', () => {
    const all = names(10);
    expect(toc(doc(all.filter((s) => s !== 'Fern'), all), resolveConfig({ style: { toc: 'off' } }))).toEqual([]);
  });
  it('PR case: a pull request adding a section without a contents line gates on the heading it adds', () => {
    const all = names(12).filter((s) => s !== 'Fern');
    const base = doc(all, all);
    const headSections = [...all];
    headSections.splice(4, 0, 'Fern');
    const head = doc(all, headSections);
    const findings = checkText(head, rules).map((f) => ({ ...f, file: 'README.md' }));
    const { gating } = partitionFindings(findings, new Map([['README.md', changedLines(base, head)]]));
    expect(gating.map((f) => f.message.slice(0, 14))).toEqual(['Section "Fern"']);
  });
});
