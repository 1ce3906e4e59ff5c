import { describe, it, expect } from '@jest/globals';
import { parkingEvidence, parkingHost } from '../../../src/links/http/parked-domain.js';
import { readPageSignals } from '../../../src/links/http/page-signals.js';
import { articleMentioning404, forSalePage, parkedPage, productHome } from '../helpers/rot-pages.js';

const page = (html: string) => readPageSignals(html);

describe('parkingEvidence', () => {
  it('a parking script or frame', () => {
    expect(parkingEvidence({ url: 'https://oldtool.dev/', chain: ['https://oldtool.dev/'], page: page(parkedPage('oldtool.dev')) })).toEqual([
      'loads img.sedoparking.com',
      'a 20-word landing page that says "this domain may be for sale"',
    ]);
  });

  it('a for-sale title', () => {
    expect(parkingEvidence({ url: 'https://fastcache.io/', chain: ['https://fastcache.io/'], page: page(forSalePage('fastcache.io')) })).toEqual(['its title says "fastcache.io is for sale | Buy this domain"']);
  });

  it('a redirect to a marketplace, whatever the marketplace answers', () => {
    expect(parkingEvidence({ url: 'https://oldtool.dev/docs', chain: ['https://oldtool.dev/docs', 'https://www.hugedomains.com/domain_profile.cfm?d=oldtool.dev'] })).toEqual(['redirects to www.hugedomains.com']);
    expect(parkingEvidence({ url: 'http://x.io/', chain: ['http://x.io/', 'https://dan.com/buy-domain/x.io'] })).toEqual(['redirects to dan.com']);
  });

  it("AdSense for Domains and GoDaddy's parking lander, also from an inline script", () => {
    const afd = page('<html><head><title>x.io</title><script src="https://www.google.com/adsense/domains/caf.js"></script></head><body></body></html>');
    expect(parkingEvidence({ url: 'https://x.io/', chain: ['https://x.io/'], page: afd })).toEqual(['loads AdSense for Domains (parked-domain ads)']);
    const lander = page('<html><head><title>x.io</title><script>var s=document.createElement("script");s.src="https://img1.wsimg.com/parking-lander/static/js/main.js";document.head.appendChild(s);</script></head></html>');
    expect(parkingEvidence({ url: 'https://x.io/', chain: ['https://x.io/'], page: lander })).toEqual(["loads GoDaddy's parking lander"]);
  });

  it('stays silent on real pages', () => {
    expect(parkingEvidence({ url: 'https://shipyard.dev/', chain: ['https://shipyard.dev/'], page: page(productHome()) })).toEqual([]);
    expect(parkingEvidence({ url: 'https://notes.dev/x', chain: ['https://notes.dev/x'], page: page(articleMentioning404()) })).toEqual([]);
    // Google's ordinary scripts are not parking.
    const analytics = page('<title>Blog</title><script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><script src="https://www.google.com/recaptcha/api.js"></script><p>Hello</p>');
    expect(parkingEvidence({ url: 'https://blog.dev/', chain: ['https://blog.dev/'], page: analytics })).toEqual([]);
  });

  it('a long article about buying domains is not a landing page', () => {
    const words = 'Domains change hands every day, and a registrar is only one of many places to buy them. '.repeat(20);
    const article = page(`<title>How domain aftermarkets work</title><article><p>${words}</p><p>Sellers write "buy this domain" on a lander.</p></article>`);
    expect(article.words).toBeGreaterThan(300);
    expect(parkingEvidence({ url: 'https://notes.dev/domains', chain: ['https://notes.dev/domains'], page: article })).toEqual([]);
  });

  it('the 300-word landing-page bound: at 300 words a phrase counts, at 301 it does not', () => {
    const at = (n: number) => page(`<title>x</title><p>${'word '.repeat(n - 3)}buy this domain</p>`);
    expect(at(300).words).toBe(300);
    expect(parkingEvidence({ url: 'https://x.io/', chain: ['https://x.io/'], page: at(300) })).toEqual(['a 300-word landing page that says "buy this domain"']);
    expect(parkingEvidence({ url: 'https://x.io/', chain: ['https://x.io/'], page: at(301) })).toEqual([]);
  });

  it("a link to the marketplace's own site is not parked", () => {
    expect(parkingEvidence({ url: 'https://sedo.com/us/', chain: ['https://sedo.com/us/'], page: page(forSalePage('sedo.com')) })).toEqual([]);
    expect(parkingHost('img.sedoparking.com')).toBe('sedoparking.com');
    expect(parkingHost('notsedo.com')).toBeUndefined();
  });
});
