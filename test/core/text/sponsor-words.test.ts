import { describe, it, expect } from '@jest/globals';
import { readsAsSponsored } from '../../../src/core/text/sponsor-words.js';
import { buildDocument } from '../../../src/core/parse/build-document.js';

describe('readsAsSponsored: one vocabulary for the parser and no-tracking-params', () => {
  it.each(['Sponsors', 'Sponsored by', 'Our Partners', 'Book Deals (Affiliated)', 'Backers', 'Special thanks', 'Thanks to our supporters', 'Supported by'])('"%s" reads as sponsored', (text) => {
    expect(readsAsSponsored(text)).toBe(true);
  });

  it.each(['Non-affiliated tools', 'Not sponsored', 'Unaffiliated', 'SponsorBlock clients', 'Partnership API', 'Scanners'])('"%s" does not', (text) => {
    expect(readsAsSponsored(text)).toBe(false);
  });

  it('a section that says it is NOT sponsored keeps its HTML line entries', () => {
    const line = (n: string) => `&nbsp;<a href="https://${n}.example/"><b>${n}</b></a> - a tool.<br>`;
    const list = (heading: string) => `## ${heading}\n\n<p>\n${line('alpha')}\n${line('beta')}\n</p>\n`;
    expect(buildDocument('l.md', list('Non-affiliated tools')).entries.map((e) => e.name)).toEqual(['alpha', 'beta']);
    expect(buildDocument('l.md', list('Affiliated tools')).entries).toEqual([]);
  });
});
