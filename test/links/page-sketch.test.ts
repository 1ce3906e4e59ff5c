import { describe, it, expect } from '@jest/globals';
import { sketchSimilarity, textSketch, SKETCH_SIZE } from '../../src/links/page-sketch.js';
import { readPageSignals } from '../../src/links/http/page-signals.js';
import { extractTitles } from '../../src/links/http/page-titles.js';
import * as pages from './helpers/rot-pages.js';

describe('page sketch', () => {
  it('the same text is 1, unrelated text 0, a few changed words still alike', () => {
    const text = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    expect(sketchSimilarity(textSketch(text).hashes, textSketch(text).hashes)).toBe(1);
    const other = Array.from({ length: 300 }, (_, i) => `other${i}`).join(' ');
    expect(sketchSimilarity(textSketch(text).hashes, textSketch(other).hashes)).toBe(0);
    const edited = text.replace('word10 ', 'changed ').replace('word200 ', 'changed ');
    const similarity = sketchSimilarity(textSketch(text).hashes, textSketch(edited).hashes);
    expect(similarity).toBeGreaterThan(0.8);
    expect(textSketch(text).hashes).toHaveLength(SKETCH_SIZE);
  });

  it('empty texts are the same page; empty and non-empty are not', () => {
    expect(sketchSimilarity([], [])).toBe(1);
    expect(sketchSimilarity([], textSketch('a b').hashes)).toBe(0);
  });
});

describe('readPageSignals', () => {
  it('reads title, first h1, canonical, visible text (not scripts or styles), resources and inline script', () => {
    const signals = readPageSignals(`<!doctype html><html><head><title> Docs  | Tool </title><link rel="canonical" href="https://tool.dev/">
      <style>p { color: red }</style><script src="/app.js"></script><script>var x = "https://cdn.example/a.js";</script>
      <meta http-equiv="refresh" content="5; url=https://elsewhere.example/"></head>
      <body><h2>Sub</h2><h1>Main <em>heading</em></h1><p>Hello&nbsp;world</p><iframe src="https://ads.example/frame"></iframe></body></html>`);
    expect(signals.title).toBe('Docs | Tool');
    expect(signals.heading).toBe('Main heading');
    expect(signals.canonical).toBe('https://tool.dev/');
    expect(signals.text).toBe('Sub Main heading Hello world');
    expect(signals.words).toBe(5);
    expect(signals.resources).toEqual(['/app.js', 'https://elsewhere.example/', 'https://ads.example/frame']);
    expect(signals.script).toBe('var x = "https://cdn.example/a.js";');
  });

  it('cuts the asked path from the text, so an echoing "not found" page sketches alike for any path', () => {
    const page = (path: string) => `<title>Not found</title><p>We could not find ${path} on this site. Try the search.</p>`;
    const a = readPageSignals(page('/guide/old'), '/guide/old');
    const b = readPageSignals(page('/some-invented-path'), '/some-invented-path');
    expect(a.text).toBe(b.text);
    expect(sketchSimilarity(a.sketch, b.sketch)).toBe(1);
  });

  it('gives the titles extractTitles gives (the prober reads each page once)', () => {
    const samples = [
      '<head><meta property="og:title" content="Fast JSON &mdash; docs"><title>\n fastjson   | Home\n</title><meta property="og:site_name" content="fastjson"></head>',
      '<title>A &amp; B</title><meta name="og:title" content="A &amp; B"><meta property="og:site_name" content=" ">',
      '<head><!-- <title>commented</title> --><script>document.write("<title>scripted</title>")</script><meta content="x > y" property="og:site_name"><svg><title>icon</title></svg><title>Real <b>markup</b> stays text</title></head>',
      '<title>First</title><title>Second</title>',
      '<noscript><title>hidden</title></noscript><title>Shown</title>',
      '<head><title>Cut mid-ti',
      '<math><title>m</title></math><svg/><title>After foreign</title>',
      pages.parkedPage('x.dev'),
      pages.docsNotFound('/a'),
      pages.appShell(),
      '',
    ];
    for (const html of samples) expect({ html, titles: readPageSignals(html).titles }).toEqual({ html, titles: extractTitles(html) });
  });

  it('takes an h2 when the prefix has no h1', () => {
    expect(readPageSignals('<h2>Only</h2><p>x</p>').heading).toBe('Only');
  });
});

describe('page text a terminal shows', () => {
  it('drops control characters from titles and headings', () => {
    const signals = readPageSignals('<title>Page\u001b[2J not found\u0007</title><h1>Gone\u009b31m</h1>');
    expect(signals.title).toBe('Page [2J not found');
    expect(signals.heading).toBe('Gone 31m');
  });
});
