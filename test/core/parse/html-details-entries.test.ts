import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import type { Entry, Link } from '../../../src/core/model/types.js';

const at = (s: { start: { line: number; column: number } }) => `${s.start.line}:${s.start.column}`;
const slice = (source: string, s: { start: { offset: number }; end: { offset: number } }) => source.slice(s.start.offset, s.end.offset);
const form = (e: Entry) => (e.container.kind === 'html' ? `html/${e.container.form}` : e.container.kind);

/** A project as a generated list writes it: the summary names it, the list inside holds its links. */
function project(name: string, repo: string, pkg: string, description: string): string[] {
  return [
    `<details><summary><b><a href="https://github.com/${repo}">${name}</a></b> (⭐ 1.2K · 📦 40) - ${description} <code>MIT</code></summary>`,
    '',
    `- [GitHub](https://github.com/${repo}) (👨‍💻 12 · 🔀 80):`,
    '',
    '\t```',
    `\tgit clone https://github.com/${repo}`,
    '\t```',
    `- [PyPi](https://pypi.org/project/${pkg}) (📥 9K / month):`,
    '\t```',
    `\tpip install ${pkg}`,
    '\t```',
    '</details>',
  ];
}

describe('buildDocument: <details> projects (details form)', () => {
  const md = [
    '# Best Plotting', // 1
    '', // 2
    '## Charts', // 3
    '', // 4
    ...project('Plotkit', 'plotkit/plotkit', 'plotkit', 'Charts for notebooks.'), // 5–16
    ...project('Gridline', 'gridline-org/gridline', 'gridline', 'Grids of small charts.'), // 17–28
    '',
  ].join('\n');
  const doc = buildDocument('list.md', md);

  it('makes each project one entry, named by its summary link, with the summary text after it as description', () => {
    expect(doc.entries.map((e) => `${at(e.span)}-${e.span.end.line} ${form(e)} ${e.name} ${e.primaryLink?.url}`)).toEqual([
      '5:1-16 html/details Plotkit https://github.com/plotkit/plotkit',
      '17:1-28 html/details Gridline https://github.com/gridline-org/gridline',
    ]);
    expect(doc.entries[0]!.description).toBe('(⭐ 1.2K · 📦 40) - Charts for notebooks. MIT');
    expect(doc.entries[0]!.section.title).toBe('Charts');
    expect(slice(md, doc.entries[0]!.nameSpan!)).toBe('Plotkit');
    expect(at(doc.entries[0]!.nameSpan!)).toBe(`5:${md.split('\n')[4]!.indexOf('>Plotkit<') + 2}`);
  });

  it('makes the links listed inside sub-links of the project, never entries of their own', () => {
    const plotkit = doc.entries[0]!;
    const describe = (l: Link) => `${l.span.start.line} ${l.text} ${l.url} sub=${l.subLink === true} desc=${l.inDescription} own=${l.entry === plotkit}`;
    expect(plotkit.links.map(describe)).toEqual([
      '5 Plotkit https://github.com/plotkit/plotkit sub=false desc=false own=true',
      '7 GitHub https://github.com/plotkit/plotkit sub=true desc=true own=true',
      '12 PyPi https://pypi.org/project/plotkit sub=true desc=true own=true',
    ]);
    expect(doc.entries.some((e) => e.name === 'GitHub' || e.name === 'PyPi')).toBe(false);
    // The clone URL in the code block is no link.
    expect(doc.links.filter((l) => l.url.includes('plotkit/plotkit')).map((l) => l.span.start.line)).toEqual([5, 7]);
  });

  it('removes a project by the whole lines of its <details>, and points its container at the block', () => {
    const gridline = doc.entries[1]!;
    expect(slice(md, gridline.removalSpan)).toBe(`${project('Gridline', 'gridline-org/gridline', 'gridline', 'Grids of small charts.').join('\n')}\n`);
    expect(gridline.container).toMatchObject({ kind: 'html', form: 'details', blockSpan: { start: { line: 17, column: 1 }, end: { line: 28 } } });
  });

  it('reads an inner list written in HTML as sub-links too', () => {
    const source = [
      '# L',
      '',
      '<details><summary><a href="https://github.com/acme/rocket">Rocket</a> – Fast builds.</summary>',
      '<ul>',
      '<li><a href="https://github.com/acme/rocket">GitHub</a></li>',
      '<li><a href="https://www.npmjs.com/package/rocket">npm</a></li>',
      '</ul>',
      '</details>',
      '',
    ].join('\n');
    const d = buildDocument('l.md', source);
    expect(d.entries.map((e) => `${e.name}|${e.description}|${e.links.map((l) => `${l.text}${l.subLink ? '*' : ''}`).join(',')}`)).toEqual(['Rocket|Fast builds.|Rocket,GitHub*,npm*']);
  });

  it('names a project by a link-less summary when every item inside is a label, with the first inner link as its link', () => {
    const source = [
      '# L',
      '',
      '<details><summary><b>Rocket</b> - Fast builds.</summary>',
      '',
      '- [GitHub](https://github.com/acme/rocket)',
      '- [Docs](https://rocket.acme.dev/docs)',
      '</details>',
      '',
    ].join('\n');
    const d = buildDocument('l.md', source);
    expect(d.entries).toHaveLength(1);
    const rocket = d.entries[0]!;
    expect([rocket.name, rocket.description, rocket.primaryLink?.url, rocket.primaryLink?.subLink, rocket.primaryLink?.inDescription]).toEqual([
      'Rocket',
      'Fast builds.',
      'https://github.com/acme/rocket',
      true,
      false,
    ]);
    expect(slice(source, rocket.nameSpan!)).toBe('Rocket');
    expect(rocket.links.map((l) => l.inDescription)).toEqual([false, true]);
  });

  it('leaves a fold as it is: "Expand contents", a summary over real entries, a summary link over named entries', () => {
    const source = [
      '# L', // 1
      '', // 2
      '<details><summary>Expand contents</summary>', // 3
      '', // 4
      '- [GitHub](https://github.com/acme/x)', // 5
      '- [Tools](#tools)', // 6
      '', // 7
      '</details>', // 8
      '', // 9
      '## Tools', // 10
      '', // 11
      '<details><summary>Build tools</summary>', // 12
      '', // 13
      '- [Rocket](https://github.com/acme/rocket) - Fast builds.', // 14
      '- [Hammer](https://github.com/acme/hammer) - Slow builds.', // 15
      '</details>', // 16
      '', // 17
      '<details><summary><a href="https://awesome.acme.dev">Acme tools</a></summary>', // 18
      '', // 19
      '- [Anvil](https://github.com/acme/anvil) - Heavy things.', // 20
      '- [Tongs](https://github.com/acme/tongs) - Hot things.', // 21
      '- [Docs](https://acme.dev/docs)', // 22
      '</details>', // 23
      '',
    ].join('\n');
    const d = buildDocument('l.md', source);
    expect(d.entries.map((e) => `${e.span.start.line} ${form(e)} ${e.name}`)).toEqual([
      '5 list GitHub',
      '6 list Tools',
      '14 list Rocket',
      '15 list Hammer',
      '20 list Anvil',
      '21 list Tongs',
      '22 list Docs',
    ]);
    expect(d.links.some((l) => l.subLink)).toBe(false);
  });

  it('gives a nested project its own links, and keeps the fold around it a fold', () => {
    const source = [
      '# L',
      '',
      '<details><summary>Show 2 more projects</summary>',
      '',
      '- [Hammer](https://github.com/acme/hammer) - Slow builds.',
      '',
      '<details><summary><a href="https://github.com/acme/rocket">Rocket</a></summary>',
      '',
      '- [PyPi](https://pypi.org/project/rocket)',
      '</details>',
      '</details>',
      '',
    ].join('\n');
    const d = buildDocument('l.md', source);
    expect(d.entries.map((e) => `${e.span.start.line} ${form(e)} ${e.name} ${e.links.map((l) => l.url).join(' ')}`)).toEqual([
      '5 list Hammer https://github.com/acme/hammer',
      '7 html/details Rocket https://github.com/acme/rocket https://pypi.org/project/rocket',
    ]);
  });

  it('reads the projects a generated list folds away ("Show 2 hidden projects...") as the list entries they are', () => {
    const source = [
      '## Charts', // 1
      '', // 2
      '<details><summary>Show 2 hidden projects...</summary>', // 3
      '', // 4
      '- <b><a href="https://github.com/acme/sparkline">sparkline</a></b> (🥉9 ·  ⭐ 120) - Tiny inline charts. <code>MIT</code>', // 5
      '- <strong><a href="https://github.com/acme/heatgrid">heatgrid</a></strong> - Heat maps.', // 6
      '</details>', // 7
      '',
    ].join('\n');
    const d = buildDocument('l.md', source);
    expect(d.entries.map((e) => `${e.span.start.line} ${form(e)} ${e.name} | ${e.description}`)).toEqual([
      '5 list sparkline | (🥉9 ·  ⭐ 120) - Tiny inline charts. <code>MIT</code>',
      '6 list heatgrid | Heat maps.',
    ]);
  });
});

