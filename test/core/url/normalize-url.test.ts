import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { normalizeUrl } from '../../../src/core/url/normalize-url.js';

describe('normalizeUrl', () => {
  it.each<[string, string | undefined]>([
    ['https://example.com/', 'https://example.com'],
    ['https://example.com', 'https://example.com'],
    ['http://www.example.com/', 'https://example.com'],
    ['HTTPS://WWW.Example.COM', 'https://example.com'],
    ['  https://example.com/  ', 'https://example.com'],
    ['https://example.com:443/docs/', 'https://example.com/docs'],
    ['http://example.com:80/docs', 'https://example.com/docs'],
    ['https://example.com:8080/docs', 'https://example.com:8080/docs'],
    ['https://github.com/sindresorhus/awesome/', 'https://github.com/sindresorhus/awesome'],
    ['https://github.com/sindresorhus/awesome#readme', 'https://github.com/sindresorhus/awesome#readme'],
    ['https://example.com/#', 'https://example.com'],
    ['https://example.com/docs#', 'https://example.com/docs'],
    ['https://example.com/#a', 'https://example.com#a'],
    ['https://example.com/a/%7euser', 'https://example.com/a/~user'],
    ['https://example.com/caf%c3%a9', 'https://example.com/caf%C3%A9'],
    ['https://example.com/café', 'https://example.com/caf%C3%A9'],
    ['https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['https://example.com./x', 'https://example.com/x'],
    ['https://wwwexample.com/', 'https://wwwexample.com'],
    ['https://www2.example.com/', 'https://www2.example.com'],
    [
      'https://www.udemy.com/course/typescript/?utm_source=adwords&gclid=Cj0KCQ&couponCode=LAUNCH2024',
      'https://udemy.com/course/typescript?couponCode=LAUNCH2024',
    ],
    ['https://example.com/?utm_source=x', 'https://example.com'],
    ['https://example.com/?b=2&a=1', 'https://example.com?b=2&a=1'],
    ['https://www.youtube.com/watch?v=abc&pp=ygUE', 'https://youtube.com/watch?v=abc&pp=ygUE'],
    ['https://example.com/search?q=%7e&x=%2f', 'https://example.com/search?q=~&x=%2F'],
    ['https://user:pw@example.com/', 'https://user:pw@example.com'],
    ['//cdn.example.com/lib.js', 'https://cdn.example.com/lib.js'],
    ['#installation', '#installation'],
    ['#', '#'],
    ['mailto:Someone@Example.COM', 'mailto:someone@example.com'],
    ['MAILTO:a@b.c', 'mailto:a@b.c'],
    ['javascript:void(0)', 'javascript:void(0)'],
    [' javascript:void(0) ', 'javascript:void(0)'],
    ['slack://channel?team=T1&id=C1', 'slack://channel?team=T1&id=C1'],
    ['ftp://ftp.example.com/pub/', 'ftp://ftp.example.com/pub/'],
    ['./docs/guide.md', undefined],
    ['docs/guide.md', undefined],
    ['/absolute/path', undefined],
    ['C:\\Users\\file.md', undefined],
    ['', undefined],
    ['   ', undefined],
    ['https://', undefined],
    ['http://exa mple.com/', undefined],
    ['https://[::1', undefined],
  ])('%s → %s', (input, key) => {
    expect(normalizeUrl(input)).toBe(key);
  });

  it('treats http/https, www and trailing slash variants as one', () => {
    const variants = [
      'https://example.com/',
      'https://example.com',
      'http://www.example.com/',
      'http://example.com',
      'https://WWW.EXAMPLE.COM:443',
      'https://example.com/?utm_source=newsletter&utm_medium=email',
    ];
    const keys = new Set(variants.map(normalizeUrl));
    expect(keys.size).toBe(1);
  });

  it('keeps fragments apart', () => {
    expect(normalizeUrl('https://x.com/#a')).not.toBe(normalizeUrl('https://x.com/#b'));
    expect(normalizeUrl('https://x.com/#a')).toBe(normalizeUrl('http://www.x.com#a'));
  });

  it('keeps different query values apart', () => {
    expect(normalizeUrl('https://youtube.com/watch?v=1')).not.toBe(normalizeUrl('https://youtube.com/watch?v=2'));
    expect(normalizeUrl('https://x.com/?a=1&b=2')).not.toBe(normalizeUrl('https://x.com/?b=2&a=1'));
  });

  it('keeps path case', () => {
    expect(normalizeUrl('https://example.com/Docs')).not.toBe(normalizeUrl('https://example.com/docs'));
  });

  const hostArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}\.(com|org|dev|io)$/);
  const pathArb = fc.array(fc.stringMatching(/^[a-zA-Z0-9_.~-]{1,8}$/).filter((s) => s !== '.' && s !== '..'), {
    maxLength: 4,
  });
  const queryArb = fc.array(fc.stringMatching(/^[a-z]{1,5}=[a-zA-Z0-9]{0,5}$/), { maxLength: 3 });

  it('is idempotent on its own keys and ignores scheme, www, slash and tracking variants', () => {
    fc.assert(
      fc.property(
        hostArb,
        pathArb,
        queryArb,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (host, segments, params, http, www, slash, tracking) => {
          const path = segments.length > 0 ? `/${segments.join('/')}` : '';
          const query = params.length > 0 ? `?${params.join('&')}` : '';
          const plain = `https://${host}${path}${query}`;
          const allParams = tracking ? ['utm_source=x', ...params, 'fbclid=y'] : params;
          const variant =
            `${http ? 'http' : 'https'}://${www ? 'www.' : ''}${host}${path}${slash ? '/' : ''}` +
            (allParams.length > 0 ? `?${allParams.join('&')}` : '');
          const key = normalizeUrl(plain);
          expect(key).toBeDefined();
          expect(normalizeUrl(variant)).toBe(key);
          expect(normalizeUrl(key!)).toBe(key);
        },
      ),
    );
  });
});
