import { describe, expect, test } from '@jest/globals';
import { fixBoxLine, ignoreBoxLine, ignoreMarker, tickedBoxes } from '../../src/report/checkboxes.js';
import { exactUrlPatterns, ignoredUrlTest } from '../../src/report/ignored-urls.js';
import { compileUrlPatterns } from '../../src/core/findings/url-pattern.js';

const tick = (line: string) => line.replace('- [ ]', '- [x]');

describe('report checkboxes', () => {
  test('an unticked body asks for nothing', () => {
    const body = [ignoreBoxLine('https://a.example/x', '  '), fixBoxLine(2)].join('\n');
    expect(tickedBoxes(body)).toEqual({ ignoreUrls: [], fixRequested: false });
  });

  test('ticked ignore boxes give their URLs, once each, in order; the fix box asks for a PR', () => {
    const body = [
      '- `https://b.example/` — 404',
      tick(ignoreBoxLine('https://b.example/', '  ')),
      tick(ignoreBoxLine('https://a.example/x?q=1&r=2', '  ')),
      '  - [X] ignore `https://b.example/` ' + ignoreMarker('https://b.example/'),
      '- [ ] ignore `https://c.example/` ' + ignoreMarker('https://c.example/'),
      tick(fixBoxLine(1)),
    ].join('\r\n');
    expect(tickedBoxes(body)).toEqual({ ignoreUrls: ['https://b.example/', 'https://a.example/x?q=1&r=2'], fixRequested: true });
  });

  test('URLs that could end the HTML comment are encoded and come back intact', () => {
    for (const url of ['https://a.example/--x', 'https://a.example/a b', 'https://a.example/x-', 'docs/<guide>.md', 'https://a.example/%2D-->']) {
      const line = ignoreBoxLine(url);
      expect(line.match(/-->/g)).toHaveLength(1);
      expect(tickedBoxes(tick(line)).ignoreUrls).toEqual([url]);
    }
  });

  test('a marker that is not at the end of a ticked task-list line means nothing', () => {
    const body = [
      '- [x] see <!-- listwarden:fix --> here, not at the end',
      '- [x] a ticked line without a marker',
      'text <!-- listwarden:ignore url=https://quoted.example/ -->',
      '```',
      '- [x] ignore ' + ignoreMarker('https://fenced.example/'),
      '```',
      '> - [x] ignore ' + ignoreMarker('https://quoted.example/'),
    ].join('\n');
    expect(tickedBoxes(body)).toEqual({ ignoreUrls: [], fixRequested: false });
    expect(tickedBoxes(undefined)).toEqual({ ignoreUrls: [], fixRequested: false });
  });

  test('the visible URL cannot fake a marker: angle brackets and backticks are neutralized', () => {
    const line = ignoreBoxLine('docs/a`<!-- listwarden:fix -->`.md');
    expect(line.indexOf('<!--')).toBe(line.lastIndexOf('<!--'));
    expect(tickedBoxes(tick(line))).toEqual({ ignoreUrls: ['docs/a`<!-- listwarden:fix -->`.md'], fixRequested: false });
  });
});

describe('ignored URLs are exact', () => {
  test('the config patterns match the URL as written or normalized, with any fragment, and nothing below it', () => {
    const ignored = compileUrlPatterns(exactUrlPatterns(['https://a.example/page', 'https://b.example', 'https://c.example/x*y']));
    expect(ignored('https://a.example/page')).toBe(true);
    expect(ignored('https://a.example/page#part')).toBe(true);
    expect(ignored('https://a.example/page/')).toBe(false);
    expect(ignored('https://a.example/page/sub')).toBe(false);
    expect(ignored('https://a.example/pages')).toBe(false);
    expect(ignored('https://b.example')).toBe(true);
    expect(ignored('https://b.example/')).toBe(true);
    expect(ignored('https://b.example/other')).toBe(false);
    expect(ignored('https://c.example/x*y')).toBe(true);
    expect(ignored('https://c.example/xzzy')).toBe(false);
  });

  test('the test for findings agrees', () => {
    const ignored = ignoredUrlTest(['https://a.example/page', 'docs/gone.md']);
    expect(ignored('https://a.example/page#x')).toBe(true);
    expect(ignored('HTTPS://A.example/page')).toBe(true);
    expect(ignored('docs/gone.md')).toBe(true);
    expect(ignored('https://a.example/page/sub')).toBe(false);
    expect(ignored('docs/other.md')).toBe(false);
  });
});
