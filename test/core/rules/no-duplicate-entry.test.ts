import { describe, it, expect } from '@jest/globals';
import { noDuplicateEntry } from '../../../src/core/rules/no-duplicate-entry.js';
import { noEmptyLink } from '../../../src/core/rules/no-empty-link.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';
import type { Finding } from '../../../src/core/findings/types.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR, corpusLists, peerFiles, readShared, seed } from '../../helpers/shared-files.js';

const rules = [noDuplicateEntry];
const bySeverity = (findings: Finding[], severity: string) => findings.filter((f) => f.severity === severity);

const HTML_TABLE = [
  '## Tools',
  '',
  '<table>',
  '  <thead>',
  '    <tr><th>Pipeline</th><th>Stage</th><th>Tool</th></tr>',
  '  </thead>',
  '  <tbody>',
  '    <tr>',
  '      <td rowspan="4">Build</td>',
  '      <td rowspan="3">Stage 1</td>',
  '      <td><a href="https://gitleaks.io/">Gitleaks</a></td>',
  '    </tr>',
  '    <tr>',
  '      <td><a href="https://trivy.dev/">Trivy</a></td>',
  '    </tr>',
  '    <tr>',
  '      <td><a href="https://gitleaks.io">Gitleaks</a></td>',
  '    </tr>',
  '    <tr>',
  '      <td rowspan="1">Stage 2</td>',
  '      <td><a href="https://gitleaks.io/">Gitleaks</a></td>',
  '    </tr>',
  '  </tbody>',
  '</table>',
  '',
].join('\n');

describe('no-duplicate-entry: lists', () => {
  const md = [
    '# List',
    '',
    '## Scanners',
    '',
    '- [Gitleaks](https://gitleaks.io/) - Finds secrets.',
    '- [Trivy](https://trivy.dev) - Scans images.',
    '- [Gitleaks](http://www.gitleaks.io) - Finds secrets.',
    '',
    '## Secrets',
    '',
    '- [Gitleaks](https://gitleaks.io/) - finds secrets',
    '',
  ].join('\n');

  it('reports the later entry of one section as an error, naming the first place', () => {
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['7:3 no-duplicate-entry', '11:3 no-duplicate-entry']);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toBe(
      'Duplicate entry: http://www.gitleaks.io is already listed at 5:3 ("Gitleaks") in section "Scanners" — remove this one',
    );
    expect(findings[0]!.data).toEqual({ url: 'http://www.gitleaks.io', first: { line: 5, column: 3, scope: 'section "Scanners"' }, scope: 'section "Scanners"' });
    expect(findings[0]!.fix?.certain).toBe(true);
  });

  it('reports the same link in another section as info, without a fix', () => {
    const other = checkText(md, rules)[1]!;
    expect(other.severity).toBe('info');
    expect(other.fix).toBeUndefined();
    expect(other.message).toBe(
      'https://gitleaks.io/ is also listed at 5:3 ("Gitleaks") in section "Scanners" (this one is in section "Secrets") — fine when it belongs in both places, otherwise remove one',
    );
  });

  it('deletes the repeated line and nothing else', () => {
    expect(fixText(md, rules)).toBe(md.replace('- [Gitleaks](http://www.gitleaks.io) - Finds secrets.\n', ''));
  });

  it('with duplicates.scope "file", any repeat in the file is an error', () => {
    const config = resolveConfig({ duplicates: { scope: 'file' } });
    const findings = checkText(md, rules, { config });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(findings[1]!.message).toBe(
      'Duplicate entry: https://gitleaks.io/ is already listed at 5:3 ("Gitleaks") in section "Scanners" — remove this one',
    );
    expect(fixText(md, rules, { config })).toBe(
      md.replace('- [Gitleaks](http://www.gitleaks.io) - Finds secrets.\n', '').replace('- [Gitleaks](https://gitleaks.io/) - finds secrets\n', ''),
    );
  });

  it('deletes for certain only twins: the same name and description (case, spacing and a closing stop aside)', () => {
    const twins = '- [Gitleaks](https://gitleaks.io/) - Finds  secrets.\n- [Gitleaks](https://gitleaks.io) - finds secrets\n';
    expect(checkText(twins, rules)[0]!.fix?.certain).toBe(true);
    const described = '- [Gitleaks](https://gitleaks.io/) - Finds secrets.\n- [Gitleaks](https://gitleaks.io) - Finds secrets in git history.\n';
    const [finding] = checkText(described, rules);
    expect(finding!.fix).toEqual({ edits: [{ start: 52, end: described.length, text: '' }], certain: false });
    expect(fixText(described, rules)).toBe(described);
  });

  it('blames the entry whose name does not fit the shared link, wherever it is', () => {
    const text = [
      '- [Markestack](https://apilayer.com/products/mediastack) - Stock market data.',
      '- [Mediastack](https://apilayer.com/products/mediastack) - News data.',
      '',
    ].join('\n');
    const findings = checkText(text, rules);
    expect(where(findings)).toEqual(['1:3 no-duplicate-entry']);
    expect(findings[0]!.message).toBe(
      'Duplicate entry: https://apilayer.com/products/mediastack is also listed at 2:3 ("Mediastack") in the top of the file, whose name fits it, and "Markestack" does not — correct this one\'s URL, or remove it',
    );
    expect(findings[0]!.fix?.certain).toBe(false);
    expect(fixText(text, rules)).toBe(text);
    // When both names fit, or neither does, the later entry is the duplicate.
    const neither = '- [Alpha](https://x.example/a) - One.\n- [Beta](https://x.example/a) - Two.\n';
    expect(where(checkText(neither, rules))).toEqual(['2:3 no-duplicate-entry']);
  });

  describe('in a pull request\'s review (changedLines: the lines it adds or changes)', () => {
    const twins = ['## Tools', '', '- [Foo](https://foo.example) - Foo.', '- [Bar](https://bar.example) - Bar.', '- [Foo](https://foo.example/) - Foo.', ''].join('\n');

    it('reports the entry on a changed line even when it is the first, names the original, and deletes only it', () => {
      const findings = checkText(twins, rules, { changedLines: new Set([3]) });
      expect(where(findings)).toEqual(['3:3 no-duplicate-entry']);
      expect(findings[0]!.message).toBe(
        'Duplicate entry: https://foo.example is already listed at 5:3 ("Foo") in section "Tools", an entry this pull request does not change — remove the one it adds',
      );
      expect(findings[0]!.data).toEqual({ url: 'https://foo.example', first: { line: 5, column: 3, scope: 'section "Tools"' }, scope: 'section "Tools"' });
      expect(findings[0]!.fix?.certain).toBe(true);
      expect(fixText(twins, rules, { changedLines: new Set([3]) })).toBe(twins.replace('- [Foo](https://foo.example) - Foo.\n', ''));
    });

    it('keeps the later entry when it is the changed one, and the plain order when both or neither changed', () => {
      expect(where(checkText(twins, rules, { changedLines: new Set([5]) }))).toEqual(['5:3 no-duplicate-entry']);
      expect(where(checkText(twins, rules, { changedLines: new Set([3, 5]) }))).toEqual(['5:3 no-duplicate-entry']);
      expect(where(checkText(twins, rules, { changedLines: new Set([4]) }))).toEqual(['5:3 no-duplicate-entry']);
      expect(where(checkText(twins, rules, { changedLines: new Set() }))).toEqual(['5:3 no-duplicate-entry']);
    });

    it('never blames the untouched entry for its name: an added entry is the duplicate even when only its name fits the link', () => {
      const text = ['- [Mediastack](https://apilayer.com/products/mediastack) - News data.', '- [Markestack](https://apilayer.com/products/mediastack) - Stock market data.', ''].join('\n');
      // Outside a review the misnamed one is blamed; the pull request added line 1, so line 1 it is.
      expect(where(checkText(text, rules))).toEqual(['2:3 no-duplicate-entry']);
      const [added] = checkText(text, rules, { changedLines: new Set([1]) });
      expect(where([added!])).toEqual(['1:3 no-duplicate-entry']);
      expect(added!.message).toContain('remove the one it adds, or correct its URL if "Mediastack" is something else');
      expect(added!.fix).toEqual({ edits: [{ start: 0, end: text.indexOf('\n') + 1, text: '' }], certain: false });
      // The added one is later and its name does not fit: it stays the one reported.
      expect(where(checkText(text, rules, { changedLines: new Set([2]) }))).toEqual(['2:3 no-duplicate-entry']);
      // The untouched misnamed entry above an added one that fits: outside a review line 1 is blamed; in it, the added line 2.
      const reversed = ['- [Markestack](https://apilayer.com/products/mediastack) - Stock market data.', '- [Mediastack](https://apilayer.com/products/mediastack) - News data.', ''].join('\n');
      expect(where(checkText(reversed, rules))).toEqual(['1:3 no-duplicate-entry']);
      const [second] = checkText(reversed, rules, { changedLines: new Set([2]) });
      expect(where([second!])).toEqual(['2:3 no-duplicate-entry']);
      expect(second!.fix?.edits).toEqual([{ start: reversed.indexOf('\n') + 1, end: reversed.length, text: '' }]);
    });
  });

  it('ignores description links, badges and empty links', () => {
    const text = [
      '- [Alpha](https://alpha.dev) - Built on [core](https://core.dev).',
      '- [Beta](https://beta.dev) - Also built on [core](https://core.dev). ![badge](https://img.shields.io/x.svg)',
      '- [Gamma](https://gamma.dev) ![badge](https://img.shields.io/x.svg)',
      '- [Empty]()',
      '- [Empty again]()',
      '- [Placeholder](#)',
      '- [Placeholder again](#)',
      '',
    ].join('\n');
    expect(checkText(text, rules)).toEqual([]);
  });

  it('counts in-page anchors and other schemes by their exact text', () => {
    const text = '- [Intro](#intro)\n- [Start here](#intro)\n- [Other](#other)\n- [Run](javascript:void(0))\n- [Run again](javascript:void(0))\n';
    expect(where(checkText(text, rules))).toEqual(['2:3 no-duplicate-entry', '5:3 no-duplicate-entry']);
  });

  it('only suggests deleting an entry that has another name (it may just have the wrong URL)', () => {
    const text = '- [MLPerf](https://github.com/mlcommons/inference)\n- [MTEB](https://github.com/mlcommons/inference)\n';
    const [finding] = checkText(text, rules);
    expect(finding!.message).toBe(
      'Duplicate entry: https://github.com/mlcommons/inference is already listed at 1:3 ("MLPerf") in the top of the file — remove this one, or correct its URL if "MTEB" is something else',
    );
    expect(finding!.fix).toEqual({ edits: [{ start: 51, end: text.length, text: '' }], certain: false });
    expect(fixText(text, rules)).toBe(text);
  });

  it('takes names that differ in case, spacing or a parenthesised aside as the same name', () => {
    const text = '- [OpenPubKey](https://github.com/openpubkey/openpubkey)\n- [Openpubkey (protocol)](https://github.com/openpubkey/openpubkey/)\n';
    expect(checkText(text, rules)[0]!.fix?.certain).toBe(true);
  });

  it('treats link-less parent items as groups of their own', () => {
    const text = [
      '## Packaging',
      '',
      '- Package managers',
      '  - [hatch](https://github.com/pypa/hatch) - Project manager.',
      '- Build backends',
      '  - [hatchling](https://github.com/pypa/hatch) - Build backend.',
      '  - [hatchling](https://github.com/pypa/hatch/) - Build backend.',
      '',
    ].join('\n');
    const findings = checkText(text, rules);
    expect(findings.map((f) => `${f.span.start.line} ${f.severity}`)).toEqual(['6 info', '7 error']);
    expect(findings[0]!.message).toContain('in group "Package managers" of section "Packaging" (this one is in group "Build backends" of section "Packaging")');
  });

  it('does not delete an item that holds other entries', () => {
    const text = '- [Alpha](https://alpha.dev)\n- [Alpha](https://alpha.dev)\n  - [Alpha plugin](https://alpha.dev/plugin)\n';
    const [finding] = checkText(text, rules);
    expect(finding!.span.start.line).toBe(2);
    expect(finding!.fix).toBeUndefined();
  });

  it('only suggests deleting an item that does not stand on lines of its own', () => {
    const text = '> - [Alpha](https://alpha.dev)\n> - [Alpha](https://alpha.dev)\n';
    const [finding] = checkText(text, rules);
    expect(finding!.fix?.certain).toBe(false);
  });
});

describe('no-duplicate-entry: tables', () => {
  it('compares rows within one group cell: same stage is an error, another stage is info', () => {
    const findings = checkText(HTML_TABLE, rules);
    expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.severity}`)).toEqual(['17:11 error', '21:11 info']);
    expect(findings[0]!.message).toBe(
      'Duplicate entry: https://gitleaks.io is already listed at 11:11 ("Gitleaks") in Pipeline "Build", Stage "Stage 1" of the table — remove this one',
    );
    expect(findings[1]!.message).toBe(
      'https://gitleaks.io/ is also listed at 11:11 ("Gitleaks") in Pipeline "Build", Stage "Stage 1" of the table (this one is in Pipeline "Build", Stage "Stage 2" of the table) — fine when it belongs in both places, otherwise remove one',
    );
  });

  it('deletes the HTML row and shortens every rowspan that covered it', () => {
    const fixed = fixText(HTML_TABLE, rules);
    const expected = HTML_TABLE.replace(
      '    <tr>\n      <td><a href="https://gitleaks.io">Gitleaks</a></td>\n    </tr>\n',
      '',
    )
      .replace('rowspan="4">Build', 'rowspan="3">Build')
      .replace('rowspan="3">Stage 1', 'rowspan="2">Stage 1');
    expect(fixed).toBe(expected);
    // The stage-2 row is still in its own group: only the info remains.
    expect(checkText(fixed, rules).map((f) => f.severity)).toEqual(['info']);
  });

  it('leaves rowspan="0" alone and gives no fix when the row starts a spanning cell', () => {
    const zero = HTML_TABLE.replace('rowspan="4">Build', 'rowspan="0">Build');
    expect(fixText(zero, rules)).toBe(
      zero
        .replace('    <tr>\n      <td><a href="https://gitleaks.io">Gitleaks</a></td>\n    </tr>\n', '')
        .replace('rowspan="3">Stage 1', 'rowspan="2">Stage 1'),
    );
    const spanning = HTML_TABLE.replace('<td><a href="https://gitleaks.io">Gitleaks</a></td>', '<td><a href="https://gitleaks.io">Gitleaks</a></td><td rowspan="2">Notes</td>');
    const finding = checkText(spanning, rules).find((f) => f.severity === 'error');
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeUndefined();
  });

  it('gives no fix when the name cell holds several entries', () => {
    const md = [
      '<table>',
      '<tr><th>Tool</th><th>About</th></tr>',
      '<tr><td><a href="https://a.dev">A</a></td><td>x</td></tr>',
      '<tr><td><a href="https://a.dev">A</a><br><a href="https://b.dev">B</a></td><td>y</td></tr>',
      '</table>',
      '',
    ].join('\n');
    const [finding] = checkText(md, rules);
    expect(finding!.span.start.line).toBe(4);
    expect(finding!.fix).toBeUndefined();
  });

  it('deletes a GFM row', () => {
    const md = ['| Tool | About |', '| --- | --- |', '| [A](https://a.dev) | x |', '| [B](https://b.dev) | y |', '| [A](https://a.dev/) | x |', ''].join('\n');
    expect(where(checkText(md, rules))).toEqual(['5:3 no-duplicate-entry']);
    expect(fixText(md, rules)).toBe(md.replace('| [A](https://a.dev/) | x |\n', ''));
  });
});

describe('no-duplicate-entry: reference files', () => {
  const s002 = seed('002');
  (s002 ? it : it.skip)('seed 002: the pipeline table repeats tools across stages, which is never more than info', () => {
    const findings = checkText(s002!, rules);
    expect(bySeverity(findings, 'error')).toEqual([]);
    expect(bySeverity(findings, 'warning')).toEqual([]);
    expect(findings.map((f) => f.span.start.line)).toEqual([111, 183, 187, 193, 197, 201, 206, 210, 215, 219, 223, 227, 231, 251, 292, 301, 305, 318, 322]);
    const s3 = findings.filter((f) => f.data?.url === 'https://aws.amazon.com/s3/');
    expect(s3.map((f) => f.span.start.line)).toEqual([183, 206, 301]);
    expect(fixText(s002!, rules)).toBe(s002);
  });

  const peers = peerFiles('awesome-lint', 'double-link');
  const expected: Record<string, number[]> = {
    'duplicate.md': [3],
    'unique-hashes.md': [],
    'duplicate-with-hash.md': [3],
    'no-duplicates.md': [],
    'duplicate-anchors.md': [3],
    'edge-cases.md': [3],
    'normalized-duplicates.md': [3, 4],
    'links-in-descriptions.md': [],
    'repo-url-ignored.md': [],
  };
  (peers.length > 0 ? it : it.skip)('agrees with awesome-lint double-link verdicts, file by file', () => {
    const table = readShared('peers', 'awesome-lint', 'double-link', 'EXPECTED.md') ?? '';
    for (const [name, text] of peers) {
      if (name === 'EXPECTED.md') continue;
      expect(table).toContain(name);
      const config = name === 'repo-url-ignored.md' ? resolveConfig({ ignore: { urls: ['https://project-website.com'] } }) : undefined;
      const lines = checkText(text, rules, config ? { config } : {}).map((f) => f.span.start.line);
      expect([name, lines]).toEqual([name, expected[name]]);
    }
    const edge = peers.find(([name]) => name === 'edge-cases.md');
    if (edge) expect(where(checkText(edge[1], [noDuplicateEntry, noEmptyLink]))).toEqual(['3:3 no-duplicate-entry', '4:3 no-empty-link', '5:3 no-empty-link']);
  });

  // The real lists, those of corpus/more/ included. A well-kept list repeats an entry in one
  // section rarely; repeating it in another section (info) is how big lists are written, so
  // only errors are bounded.
  const more = join(SHARED_DIR, 'corpus', 'more');
  const lists = [
    ...corpusLists(),
    ...(existsSync(more) ? readdirSync(more).filter((f) => f.endsWith('.md')).map((f): [string, string] => [`more/${f}`, readFileSync(join(more, f), 'utf8')]) : []),
  ];
  (lists.length > 0 ? it : it.skip)('stays within bounds on real lists', () => {
    const counts: Record<string, string> = {};
    for (const [name, text] of lists) {
      const findings = checkText(text, rules);
      counts[name] = `${bySeverity(findings, 'error').length} error, ${bySeverity(findings, 'info').length} info`;
      expect({ name, errors: bySeverity(findings, 'error').length <= 3 }).toEqual({ name, errors: true });
    }
    console.log('no-duplicate-entry on corpus:', counts);
  });
});
