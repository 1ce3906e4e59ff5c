/**
 * The link facts a fix job carries to a worker thread, as plain data: they answer exactly as
 * the check's facts do, for every spelling of a checked URL (fragment, host case), and
 * nothing for a URL that was not checked or is not http(s).
 */
import { describe, expect, it } from '@jest/globals';
import type { LinkFacts } from '../../src/core/findings/types.js';
import { requestUrl } from '../../src/links/collect-links.js';
import { plainRequestFacts, requestFactsOf } from '../../src/use-cases/fix-job.js';

/** Facts as the check keeps them: by request URL. */
const TITLES = new Map([['https://tool.example/', ['Tool — a tool']]]);
const HTTPS = new Map([
  ['http://plain.example/docs', true],
  ['http://other.example/', false],
]);
const checked: LinkFacts = {
  titlesFor: (url) => TITLES.get(requestUrl(url) ?? '') ?? [],
  httpsWorks: (url) => HTTPS.get(requestUrl(url) ?? ''),
};

describe('plain link facts for a fix job', () => {
  const plain = plainRequestFacts(checked, [...TITLES.keys(), ...HTTPS.keys(), 'https://nothing.example/'])!;
  const facts = requestFactsOf(structuredClone(plain));

  it('keep only what was learned', () => {
    expect(plain).toEqual({
      titles: [['https://tool.example/', ['Tool — a tool']]],
      https: [
        ['http://plain.example/docs', true],
        ['http://other.example/', false],
      ],
    });
  });

  it('answer as the check did for every spelling of a checked URL', () => {
    for (const url of ['https://tool.example/', 'https://TOOL.example/#usage', 'http://plain.example/docs#x', 'http://other.example', 'https://nothing.example/', 'mailto:a@b.example', '#local', 'not a url']) {
      expect([url, facts.titlesFor(url), facts.httpsWorks?.(url)]).toEqual([url, checked.titlesFor(url), checked.httpsWorks?.(url)]);
    }
    expect(facts.titlesFor('https://TOOL.example/#usage')).toEqual(['Tool — a tool']);
    expect(facts.httpsWorks?.('http://other.example')).toBe(false);
  });

  it('are absent when the check learned nothing', () => {
    expect(plainRequestFacts(undefined, ['https://tool.example/'])).toBeUndefined();
  });
});
