import { describe, it, expect } from '@jest/globals';
import { checkSource } from '../../../src/core/check-source.js';
import { toolNameSpelling } from '../../../src/core/rules/tool-name-spelling.js';
import { toolNameMatchesLink } from '../../../src/core/rules/tool-name-matches-link.js';
import { consistentEntryName } from '../../../src/core/rules/consistent-entry-name.js';
import { noDuplicateEntry } from '../../../src/core/rules/no-duplicate-entry.js';
import { noTrackingParams } from '../../../src/core/rules/no-tracking-params.js';
import { noEmptyLink } from '../../../src/core/rules/no-empty-link.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';
import { P_BR_LIST } from '../../helpers/html-entry-lists.js';

describe('rules on entries written as lines of HTML', () => {
  it('the <p>/<br> list reports its tracking parameter and its duplicate, each with a certain fix', () => {
    const findings = checkSource('README.md', P_BR_LIST).findings.filter((f) => f.severity !== 'info');
    expect(where(findings)).toEqual(['6:22 no-tracking-params', '8:13 no-duplicate-entry']);
    expect(findings.every((f) => f.fix?.certain)).toBe(true);
    expect(findings[1]!.message).toContain('already listed at 7:13 ("Beta") in section "Tools"');
  });

  it('fix strips the parameter (keeping &amp;) and deletes the twin line, nothing else', () => {
    const fixed = fixText(P_BR_LIST);
    const lines = P_BR_LIST.split('\n');
    expect(fixed).toBe([...lines.slice(0, 5), lines[5]!.replace('?utm_source=newsletter&amp;lang=en', '?lang=en'), lines[6], ...lines.slice(8)].join('\n'));
    expect(fixText(fixed)).toBe(fixed);
  });

  it('the same list as a Markdown paragraph of inline HTML reports both too', () => {
    const paragraph = P_BR_LIST.replace('<p>\n', '').replace('</p>\n', '');
    const findings = checkText(paragraph, [noTrackingParams, noDuplicateEntry]);
    expect(where(findings)).toEqual(['5:22 no-tracking-params', '7:13 no-duplicate-entry']);
    expect(fixText(paragraph, [noTrackingParams, noDuplicateEntry])).toBe(
      paragraph.replace('?utm_source=newsletter&amp;lang=en', '?lang=en').replace('&nbsp;&nbsp;<a href="https://beta.example/"><b>Beta</b></a> - tests things.<br>\n', ''),
    );
  });

  it('a duplicate that shares its line with other markup is only suggested for deletion', () => {
    const md = '## T\n\n<p>&nbsp;<a href="https://x.example"><b>X</b></a> - x<br>\n&nbsp;<a href="https://x.example"><b>X</b></a> - x<br></p>\n';
    const [dup] = checkText(md, [noDuplicateEntry]);
    expect(dup!.fix).toMatchObject({ certain: false });
    expect(fixText(md, [noDuplicateEntry])).toBe(md);
  });

  it('a duplicate under another description is an error whose deletion is not certain', () => {
    const md = P_BR_LIST.replace('<b>Beta</b></a> - tests things.<br>\n</p>', '<b>Beta</b></a> - runs checks.<br>\n</p>');
    const dup = checkText(md, [noDuplicateEntry])[0]!;
    expect(dup.severity).toBe('error');
    expect(dup.fix?.certain).toBe(false);
  });

  it('a tracking parameter on a link outside any entry (a sponsor banner) stays unreported', () => {
    const md = '<p>\n<a href="https://sponsor.example/?utm_source=list"><div><img src="s.png"></div><b>Fast builds</b></a><br>\n</p>\n';
    expect(checkText(md, [noTrackingParams])).toEqual([]);
  });

  it('the name rules read the name of a line and fix it in place', () => {
    const md = '## Scanners\n\n<p>\n&nbsp;&nbsp;<a href="https://github.com/globocom/huskyci"><b>HusckyCI</b></a> - CI security checks.<br>\n</p>\n';
    const findings = checkText(md, [toolNameSpelling]);
    expect(findings.map((f) => `${where([f])[0]} ${f.suggestion}`)).toEqual(['4:62 tool-name-spelling HuskyCI']);
    expect(fixText(md, [toolNameSpelling])).toBe(md.replace('<b>HusckyCI</b>', '<b>HuskyCI</b>'));
  });

  it('two lines with each other\'s links are reported by tool-name-matches-link', () => {
    const md = [
      '## Models',
      '',
      '<p>',
      '&nbsp;<a href="https://github.com/someorg/LLaMA2-Accessory"><b>LLMBox</b></a> - a box of models.<br>',
      '&nbsp;<a href="https://github.com/otherorg/LLMBox"><b>LLaMA2-Accessory</b></a> - an accessory.<br>',
      '</p>',
      '',
    ].join('\n');
    expect(where(checkText(md, [toolNameMatchesLink]))).toEqual(['4:64 tool-name-matches-link', '5:55 tool-name-matches-link']);
  });

  it('one link under two names in lines and in a list is reported by consistent-entry-name', () => {
    const md = [
      '## Static analysis',
      '',
      '<p>',
      '&nbsp;<a href="https://github.com/someorg/glue"><b>Juice Shop</b></a> - a vulnerable app.<br>',
      '&nbsp;<a href="https://other.example"><b>Other</b></a> - other.<br>',
      '</p>',
      '',
      '## Pipelines',
      '',
      '- [Glue](https://github.com/someorg/glue) - a security pipeline.',
      '',
    ].join('\n');
    expect(where(checkText(md, [consistentEntryName]))).toEqual(['4:52 consistent-entry-name']);
  });

  it('no-empty-link sees an empty href on a line', () => {
    const md = '## T\n\n<p>\n&nbsp;<a href=""><b>Nowhere</b></a> - has no target.<br>\n&nbsp;<a href="https://y.example"><b>Y</b></a> - y.<br>\n</p>\n';
    expect(where(checkText(md, [noEmptyLink]))).toEqual(['4:7 no-empty-link']);
  });

  it('grid cells: a duplicate cell is reported, its deletion only suggested; a tracking parameter is fixed', () => {
    const md = [
      '## Apps',
      '',
      '<table>',
      '<tr><td><a href="https://one.example/?utm_medium=grid">One</a><br>first</td><td><a href="https://two.example">Two</a><br>second</td></tr>',
      '<tr><td><a href="https://two.example">Two</a><br>second</td><td><a href="https://three.example">Three</a><br>third</td></tr>',
      '</table>',
      '',
    ].join('\n');
    const findings = checkText(md, [noTrackingParams, noDuplicateEntry]);
    expect(where(findings)).toEqual(['4:18 no-tracking-params', '5:9 no-duplicate-entry']);
    expect(findings[1]!.fix?.certain).toBe(false);
    expect(fixText(md, [noTrackingParams, noDuplicateEntry])).toBe(md.replace('/?utm_medium=grid', '/'));
  });
});
