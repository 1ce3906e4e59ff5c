import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { isTrackingParam, stripTrackingParams } from '../../../src/core/url/tracking-params.js';

describe('isTrackingParam', () => {
  it.each([
    'utm_source',
    'utm_medium',
    'UTM_Campaign',
    'utm_content',
    'utm_term',
    'utm_id',
    'gclid',
    'GCLID',
    'fbclid',
    'dclid',
    'gbraid',
    'wbraid',
    'msclkid',
    'mc_cid',
    'mc_eid',
    'igshid',
    'yclid',
    '_hsenc',
    '_hsmi',
    'mkt_tok',
    'vero_id',
    'oly_anon_id',
    'oly_enc_id',
    'rb_clickid',
    's_cid',
    'gad_source',
    'ref_src',
    '__s',
    '_ga',
    '_gl',
    'twclid',
    'ttclid',
    'li_fat_id',
    'sc_cid',
    'trk',
  ])('%s is tracking', (name) => {
    expect(isTrackingParam(name)).toBe(true);
  });

  it.each([
    'ref',
    'source',
    'si',
    'pp',
    't',
    's',
    'v',
    'q',
    'page',
    'couponCode',
    'trkInfo',
    'trk_xyz',
    'utm',
    'utm_',
    'utmsource',
    'id',
    'tab',
    'lang',
  ])('%s is not tracking', (name) => {
    expect(isTrackingParam(name)).toBe(false);
  });
});

describe('stripTrackingParams', () => {
  it.each<[string, string, string[]]>([
    [
      'https://www.udemy.com/course/typescript/?utm_source=adwords&gclid=Cj0KCQ&couponCode=LAUNCH2024',
      'https://www.udemy.com/course/typescript/?couponCode=LAUNCH2024',
      ['utm_source', 'gclid'],
    ],
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&pp=ygUEcmljaw%3D%3D',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&pp=ygUEcmljaw%3D%3D',
      [],
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ?si=abc123&t=42',
      'https://youtu.be/dQw4w9WgXcQ?si=abc123&t=42',
      [],
    ],
    ['https://example.com/?utm_source=x', 'https://example.com/', ['utm_source']],
    ['https://example.com/?utm_source=x#install', 'https://example.com/#install', ['utm_source']],
    [
      'https://example.com/a?b=1&utm_medium=social&c=%20x+y#frag?utm_source=z',
      'https://example.com/a?b=1&c=%20x+y#frag?utm_source=z',
      ['utm_medium'],
    ],
    ['https://example.com/a?fbclid=1&&b=2', 'https://example.com/a?b=2', ['fbclid']],
    ['https://example.com/a?utm%5Fsource=x&k', 'https://example.com/a?k', ['utm_source']],
    ['https://twitter.com/user/status/1?ref_src=twsrc%5Etfw', 'https://twitter.com/user/status/1', ['ref_src']],
    ['https://www.linkedin.com/in/someone?trk=public_profile', 'https://www.linkedin.com/in/someone', ['trk']],
    ['https://www.linkedin.com/in/someone?trkInfo=x', 'https://www.linkedin.com/in/someone?trkInfo=x', []],
    ['docs/guide.md?utm_source=readme#top', 'docs/guide.md#top', ['utm_source']],
    ['docs/guide.md', 'docs/guide.md', []],
    ['#utm_source=x', '#utm_source=x', []],
    ['https://example.com/?', 'https://example.com/?', []],
    ['https://example.com/?a=%E2%9C%93&Utm_Source=X', 'https://example.com/?a=%E2%9C%93', ['Utm_Source']],
  ])('%s', (input, output, removed) => {
    expect(stripTrackingParams(input)).toEqual({ url: output, removed });
  });

  const nameArb = fc.oneof(
    fc.constantFrom('utm_source', 'utm_campaign', 'gclid', 'fbclid', 'ref', 'pp', 'si', 'v', 'couponCode', 'q', 'page'),
    fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_%]{0,8}$/),
  );
  const paramArb = fc.tuple(nameArb, fc.option(fc.stringMatching(/^[a-zA-Z0-9%+.=-]{0,10}$/))).map(([n, v]) =>
    v === null ? n : `${n}=${v}`,
  );
  const urlArb = fc
    .tuple(
      fc.constantFrom('https://example.com', 'http://www.example.org/path/', 'relative/file.md', ''),
      fc.option(fc.array(paramArb, { maxLength: 6 })),
      fc.option(fc.stringMatching(/^[a-zA-Z0-9?&=_-]{0,10}$/)),
    )
    .map(([base, params, frag]) => `${base}${params === null ? '' : `?${params.join('&')}`}${frag === null ? '' : `#${frag}`}`);

  it('is idempotent', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const once = stripTrackingParams(url).url;
        expect(stripTrackingParams(once)).toEqual({ url: once, removed: [] });
      }),
    );
  });

  it('never changes a URL without tracking parameters', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const query = url.split('#')[0]!.split('?').slice(1).join('?');
        const names = query === '' ? [] : query.split('&').map((p) => p.split('=')[0]!);
        const hasTracking = names.some((n) => {
          let decoded = n;
          try {
            decoded = decodeURIComponent(n);
          } catch {
            // keep raw
          }
          return isTrackingParam(decoded);
        });
        fc.pre(!hasTracking);
        expect(stripTrackingParams(url)).toEqual({ url, removed: [] });
      }),
    );
  });

  it('removes exactly the tracking parameters and keeps the rest in order', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const { url: out } = stripTrackingParams(url);
        const query = (u: string): string[] => {
          const q = u.split('#')[0]!.split('?').slice(1).join('?');
          return q === '' ? [] : q.split('&').filter((p) => p !== '');
        };
        const kept = query(url).filter((p) => {
          const n = p.split('=')[0]!.replace(/\+/g, ' ');
          let decoded = n;
          try {
            decoded = decodeURIComponent(n);
          } catch {
            // keep raw
          }
          return !isTrackingParam(decoded);
        });
        expect(query(out)).toEqual(kept);
        expect(out.split('#').slice(1)).toEqual(url.split('#').slice(1));
      }),
    );
  });
});
