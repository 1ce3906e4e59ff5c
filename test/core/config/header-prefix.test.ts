import { describe, it, expect } from '@jest/globals';
import { parseHeaderPrefix, prefixMatches, type HeaderPrefix } from '../../../src/core/config/header-prefix.js';

function prefix(text: string): HeaderPrefix {
  const parsed = parseHeaderPrefix(text);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}
const matches = (p: string, url: string) => prefixMatches(prefix(p), new URL(url));

describe('links.headers prefixes match on origin and path, never on the raw text', () => {
  it('a host name followed by @ (a user name before another host) does not match', () => {
    expect(matches('https://internal.example.com', 'https://internal.example.com@attacker.example/')).toBe(false);
    expect(matches('https://internal.example.com', 'https://internal.example.com:secret@attacker.example/x')).toBe(false);
  });

  it('a longer host name that starts with the prefix host does not match', () => {
    expect(matches('https://internal.example.com', 'https://internal.example.com.attacker.example/')).toBe(false);
    expect(matches('https://internal.example.com', 'https://internal.example.community/')).toBe(false);
  });

  it('a URL with a user name or password never matches, even on the prefix host', () => {
    expect(matches('https://internal.example.com', 'https://someone@internal.example.com/')).toBe(false);
    expect(matches('https://internal.example.com', 'https://:pw@internal.example.com/')).toBe(false);
  });

  it('the same origin matches, as the URL standard writes it (case, default port)', () => {
    expect(matches('https://internal.example.com', 'https://internal.example.com/')).toBe(true);
    expect(matches('https://internal.example.com', 'https://INTERNAL.example.com/docs?q=1#top')).toBe(true);
    expect(matches('https://internal.example.com:443/', 'https://internal.example.com/docs')).toBe(true);
  });

  it('another scheme or port is another origin', () => {
    expect(matches('https://internal.example.com', 'http://internal.example.com/')).toBe(false);
    expect(matches('https://internal.example.com', 'https://internal.example.com:8443/')).toBe(false);
    expect(matches('http://127.0.0.1:8080/api', 'http://127.0.0.1:8081/api')).toBe(false);
  });

  it('a path prefix matches at a segment boundary only', () => {
    const p = 'https://internal.example.com/api';
    expect(matches(p, 'https://internal.example.com/api')).toBe(true);
    expect(matches(p, 'https://internal.example.com/api/')).toBe(true);
    expect(matches(p, 'https://internal.example.com/api/v1/items')).toBe(true);
    expect(matches(p, 'https://internal.example.com/api?x=1')).toBe(true);
    expect(matches(p, 'https://internal.example.com/apis')).toBe(false);
    expect(matches(p, 'https://internal.example.com/ap')).toBe(false);
    expect(matches(p, 'https://internal.example.com/')).toBe(false);
    // A prefix ending in / covers what is below it, not the bare segment.
    expect(matches('https://internal.example.com/api/', 'https://internal.example.com/api/v1')).toBe(true);
    expect(matches('https://internal.example.com/api/', 'https://internal.example.com/api')).toBe(false);
  });
});

describe('links.headers prefixes must be plain absolute http(s) URLs', () => {
  it.each([
    ['internal.example.com', /not an absolute URL/],
    ['/api', /not an absolute URL/],
    ['ftp://internal.example.com/', /scheme ftp:/],
    ['https://user@internal.example.com/', /user name or password/],
    ['https://user:pw@internal.example.com/', /user name or password/],
    ['https://internal.example.com/?token=1', /query or a fragment/],
    ['https://internal.example.com/#x', /query or a fragment/],
  ])('%s is refused', (text, why) => {
    const parsed = parseHeaderPrefix(text);
    expect('problem' in parsed && parsed.problem).toMatch(why);
  });

  it('an origin with or without a path is read', () => {
    expect(parseHeaderPrefix('https://Internal.Example.com')).toEqual({ origin: 'https://internal.example.com', path: '/' });
    expect(parseHeaderPrefix('http://127.0.0.1:8080/api')).toEqual({ origin: 'http://127.0.0.1:8080', path: '/api' });
  });
});
