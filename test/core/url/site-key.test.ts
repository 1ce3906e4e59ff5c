import { describe, it, expect } from '@jest/globals';
import { registrableDomain, siteKey } from '../../../src/core/url/site-key.js';

describe('registrableDomain', () => {
  it.each([
    ['acme.dev', 'acme.dev'],
    ['docs.acme.dev', 'acme.dev'],
    ['a.b.WWW.Acme.Dev.', 'acme.dev'],
    ['shop.acme.co.uk', 'acme.co.uk'],
    ['acme.co.uk', 'acme.co.uk'],
    ['ann.github.io', 'ann.github.io'],
    ['docs.ann.github.io', 'ann.github.io'],
    ['my-app.netlify.app', 'my-app.netlify.app'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
  ])('%s → %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));
});

describe('siteKey', () => {
  it('is the registrable domain of an http(s) URL', () => {
    expect(siteKey('https://www.acme.dev/pricing?utm_source=x')).toBe('acme.dev');
    expect(siteKey('http://cleaner.vendor.com/a/')).toBe('vendor.com');
  });

  it('on a code host, adds the owner: repositories of two owners are two sites', () => {
    expect(siteKey('https://github.com/Acme/tool?utm_source=x')).toBe('github.com/acme');
    expect(siteKey('https://www.github.com/acme/other')).toBe('github.com/acme');
    expect(siteKey('https://github.com/bob/tool')).toBe('github.com/bob');
    expect(siteKey('https://github.com/')).toBe('github.com');
    expect(siteKey('https://gist.github.com/bob/1')).toBe('gist.github.com/bob');
  });

  it('is undefined for relative links, other schemes and text that is not a URL', () => {
    expect(siteKey('/docs/page?utm_source=x')).toBeUndefined();
    expect(siteKey('mailto:a@b.dev')).toBeUndefined();
    expect(siteKey('https://')).toBeUndefined();
    expect(siteKey('not a url')).toBeUndefined();
  });
});
