import { describe, it, expect } from '@jest/globals';
import { frontPageSign, isDeepLink, soft404Verdict, twinSign, wordingSign, REAL_PAGE_WORDS, SAME_PAGE_SIMILARITY, type LinkPage, type TwinAnswer } from '../../../src/links/http/soft-404.js';
import { readPageSignals } from '../../../src/links/http/page-signals.js';
import { textSketch } from '../../../src/links/page-sketch.js';
import { appShell, docsNotFound, docsPage, productHome } from '../helpers/rot-pages.js';

const link = (url: string, html: string, over: Partial<LinkPage> = {}): LinkPage => ({ url, finalUrl: url, redirects: [], page: readPageSignals(html, new URL(url).pathname), ...over });
const twinOf = (html: string, over: Partial<TwinAnswer> = {}): TwinAnswer => {
  const page = readPageSignals(html, '/listwarden-no-such-page-x');
  return { url: 'https://docs.dev/listwarden-no-such-page-x', verdict: 'alive', status: 200, finalUrl: 'https://docs.dev/listwarden-no-such-page-x', redirected: false, ...(page.title ? { title: page.title } : {}), words: page.words, sketch: page.sketch, checkedAt: '2026-01-01T00:00:00Z', ...over };
};

describe('soft-404 signs', () => {
  it('deep links: not the front page, an index file or a language root', () => {
    expect(isDeepLink('https://a.dev/guide/install')).toBe(true);
    for (const url of ['https://a.dev/', 'https://a.dev', 'https://a.dev/index.html', 'https://a.dev/en/', 'https://a.dev/pt-BR']) expect(isDeepLink(url)).toBe(false);
  });

  it('wording: a title that says not found', () => {
    expect(wordingSign(link('https://docs.dev/old', docsNotFound('/old')))).toBe('its title says "Page Not Found | ToolDocs"');
    expect(wordingSign(link('https://docs.dev/install', docsPage('Install', '<p>Run it.</p>')))).toBeUndefined();
  });

  it('wording: no sign on a page whose own address names the error (a page about 404s)', () => {
    const mdn = '<title>404 Not Found - HTTP | MDN</title><h1>404 Not Found</h1><p>The HTTP 404 Not Found client error response status code indicates that the server cannot find the requested resource.</p>';
    expect(wordingSign(link('https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404', mdn))).toBeUndefined();
    expect(wordingSign(link('https://http.cat/status/404', '<title>404 Not Found</title>'))).toBeUndefined();
    expect(wordingSign(link('https://docs.dev/errors/page-not-found', '<title>Page not found</title>'))).toBeUndefined();
    // The same page under an address that does not name it is a sign.
    expect(wordingSign(link('https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/Gone', mdn))).toBe('its title says "404 Not Found - HTTP | MDN"');
  });

  it('front page: a redirect of a deep link there; not of the front page itself, not elsewhere', () => {
    const home = productHome();
    expect(frontPageSign(link('https://ship.dev/blog/x', home, { finalUrl: 'https://ship.dev/', redirects: [{ url: 'https://ship.dev/blog/x', status: 302 }] }))).toBe("it redirects to the site's front page (https://ship.dev/)");
    expect(frontPageSign(link('https://ship.dev/', home, { finalUrl: 'https://www.ship.dev/', redirects: [{ url: 'https://ship.dev/', status: 301 }] }))).toBeUndefined();
    expect(frontPageSign(link('https://ship.dev/old', home, { finalUrl: 'https://ship.dev/new', redirects: [{ url: 'https://ship.dev/old', status: 301 }] }))).toBeUndefined();
  });

  it(`front page: a canonical address of "/" counts on a page with ${REAL_PAGE_WORDS} words or more, not on an app shell`, () => {
    expect(frontPageSign(link('https://ship.dev/docs/v2', productHome('https://ship.dev/')))).toBe('it serves the front page (its canonical address is https://ship.dev/)');
    const shell = appShell().replace('<title>', '<link rel="canonical" href="/"><title>');
    expect(frontPageSign(link('https://app.dev/settings', shell))).toBeUndefined();
    const words = (n: number) => `<link rel="canonical" href="/"><title>t</title><p>${'word '.repeat(n)}</p>`;
    expect(frontPageSign(link('https://a.dev/x', words(REAL_PAGE_WORDS)))).toBeDefined();
    expect(frontPageSign(link('https://a.dev/x', words(REAL_PAGE_WORDS - 1)))).toBeUndefined();
  });

  it('twin: the same page with the path echoed, or the same redirect target', () => {
    const page = link('https://docs.dev/guide/old-config', docsNotFound('/guide/old-config'));
    expect(twinSign(page, twinOf(docsNotFound('/listwarden-no-such-page-x')))).toMatch(/^an invented path on the same host \(https:\/\/docs\.dev\/listwarden-no-such-page-x\) gives the same page \("Page Not Found \| ToolDocs"\), 100% of its text alike$/);
    const moved = link('https://ship.dev/blog/x', productHome(), { finalUrl: 'https://ship.dev/', redirects: [{ url: 'https://ship.dev/blog/x', status: 302 }] });
    expect(twinSign(moved, twinOf(productHome(), { redirected: true, finalUrl: 'https://ship.dev/' }))).toBe('an invented path on the same host (https://docs.dev/listwarden-no-such-page-x) redirects to the same place');
  });

  it('twin: a real 404, another title or other text is no sign', () => {
    const page = link('https://docs.dev/guide/old-config', docsNotFound('/guide/old-config'));
    expect(twinSign(page, twinOf('', { verdict: 'dead', status: 404 }))).toBeUndefined();
    expect(twinSign(page, twinOf(docsPage('Install', '<p>Run the installer.</p>')))).toBeUndefined();
    const sameTitleOtherText = docsNotFound('/x').replace(/<main>[\s\S]*<\/main>/, '<main><p>Completely different words about caching layers and queues in distributed systems here.</p></main>');
    expect(twinSign(page, twinOf(sameTitleOtherText))).toBeUndefined();
  });

  it(`twin: similarity ${SAME_PAGE_SIMILARITY} is the same page, just under is not`, () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const base = link('https://a.dev/x', `<title>T</title><p>${words.join(' ')}</p>`);
    const exact = twinOf(`<title>T</title><p>${words.join(' ')}</p>`);
    expect(twinSign(base, exact)).toMatch(/100% of its text alike$/);
    // Sketches of 100 hashes sharing the n smallest: similarity n / 100.
    const sketch = (n: number) => Array.from({ length: 100 }, (_, i) => (i < n ? i : 1000 + i));
    const at = (similar: number) => twinSign({ ...base, page: { ...base.page, sketch: sketch(100) } }, { ...exact, sketch: sketch(similar) });
    expect(SAME_PAGE_SIMILARITY).toBe(0.8);
    expect(at(80)).toMatch(/80% of its text alike$/);
    expect(at(81)).toBeDefined();
    expect(at(79)).toBeUndefined();
    expect(textSketch('').hashes).toEqual([]);
  });

  it('verdict: two signs make it dead, one a warning, none nothing', () => {
    expect(soft404Verdict([undefined, undefined])).toBeUndefined();
    expect(soft404Verdict(['a', undefined])).toEqual({ verdict: 'unverifiable', signs: ['a'], reason: 'looks like a soft 404: a (one sign only, so not called dead)' });
    expect(soft404Verdict(['a', undefined, 'b'])).toEqual({ verdict: 'dead', signs: ['a', 'b'], reason: 'a soft 404 (answers 200, but the page is gone): a; b' });
  });
});
