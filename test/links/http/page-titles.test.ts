import { describe, it, expect } from '@jest/globals';
import { extractTitles } from '../../../src/links/http/page-titles.js';
import { decodePrefix } from '../../../src/links/http/read-prefix.js';

describe('extractTitles', () => {
  it('reads <title>, og:site_name and og:title in that order', () => {
    const html = `<!doctype html><html><head>
      <meta property="og:title" content="Fast JSON &mdash; docs">
      <title>
        fastjson   | Home
      </title>
      <meta property="og:site_name" content="fastjson">
    </head><body></body></html>`;
    expect(extractTitles(html)).toEqual(['fastjson | Home', 'fastjson', 'Fast JSON — docs']);
  });

  it('decodes character references and drops duplicates and empty values', () => {
    expect(extractTitles('<title>A &amp; B</title><meta name="og:title" content="A &amp; B"><meta property="og:site_name" content=" ">')).toEqual(['A & B']);
  });

  it('is not fooled by comments, scripts, quoted > or an SVG title', () => {
    const html = `<head><!-- <title>commented</title> -->
      <script>document.write("<title>scripted</title>")</script>
      <meta content="x > y" property="og:site_name">
      <svg><title>icon</title></svg>
      <title>Real <b>markup</b> stays text</title></head>`;
    expect(extractTitles(html)).toEqual(['Real <b>markup</b> stays text', 'x > y']);
  });

  it('takes the first title only', () => {
    expect(extractTitles('<title>one</title><title>two</title>')).toEqual(['one']);
  });

  it('keeps what a cut prefix holds', () => {
    expect(extractTitles('<html><head><title>Cut short')).toEqual(['Cut short']);
    expect(extractTitles('<html><head><meta property="og:title" cont')).toEqual([]);
    expect(extractTitles('')).toEqual([]);
  });

  it('bounds a huge title', () => {
    expect(extractTitles(`<title>${'x'.repeat(5000)}</title>`)[0]).toHaveLength(300);
  });
});

describe('decodePrefix', () => {
  it('uses the Content-Type charset, UTF-8 otherwise', () => {
    expect(decodePrefix(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=ISO-8859-1')).toBe('café');
    expect(decodePrefix(Buffer.from('café', 'utf8'), 'text/html')).toBe('café');
    expect(decodePrefix(Buffer.from('café', 'utf8'), 'text/html; charset=bogus-charset')).toBe('café');
  });
});
