// Generates a synthetic awesome list of a given number of entries, deterministically.
//
//   node bench/generate-list.mjs 10000 > /tmp/list.md
//
// Shape: sections (## / ###) of bullet entries `- [Name N](https://host-K.example/path/N) - description`,
// with a GFM table every few sections and a raw HTML table with rowspans now and then (their rows
// count as entries too), a few duplicate entries, tracking parameters, plain-http links and
// mojibake sprinkled in — about 1 in 50 entries carries one of those problems.

import { pathToFileURL } from 'node:url';

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['fast', 'tiny', 'secure', 'modern', 'static', 'typed', 'async', 'cloud', 'local', 'open',
  'scanner', 'parser', 'linter', 'server', 'client', 'toolkit', 'library', 'framework', 'runtime', 'engine'];
const MOJIBAKE = ['Ã©', 'â€™', 'ðŸ’¥', 'Ã¼', 'â€œ'];
const TRACKING = ['utm_source=newsletter', 'utm_medium=social&utm_campaign=launch', 'fbclid=IwAR0abc', 'gclid=Cj0KCQ'];

/**
 * Returns the Markdown text of a list with `count` entries (bullets plus table rows).
 * @param {number} count
 * @param {number} [seed]
 */
export function generateList(count, seed = 42) {
  const random = rng(seed);
  const pick = (arr) => arr[Math.floor(random() * arr.length)];
  const description = () => {
    const n = 3 + Math.floor(random() * 6);
    const words = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const text = words.join(' ');
    return text[0].toUpperCase() + text.slice(1) + '.';
  };
  const url = (n, k) => {
    let u = `https://host-${k}.example/path/${n}`;
    const roll = random();
    if (roll < 0.01) u += `?${pick(TRACKING)}`;
    else if (roll < 0.015) u = u.replace('https:', 'http:');
    return u;
  };
  const name = (n) => (random() < 0.005 ? `Name ${pick(MOJIBAKE)} ${n}` : `Name ${n}`);

  const out = ['# Awesome Generated', '', `> A synthetic list of ${count} entries for benchmarking.`, '', '## Contents', ''];
  const sectionSize = 40;
  const sectionCount = Math.max(1, Math.ceil(count / sectionSize));
  for (let s = 0; s < Math.min(sectionCount, 50); s++) out.push(`- [Section ${s}](#section-${s})`);
  out.push('');

  const recent = []; // recent entries, to duplicate now and then
  let n = 0;
  let section = 0;
  while (n < count) {
    out.push(section % 5 === 0 ? `## Section ${section}` : `### Section ${section}`, '');
    const inSection = Math.min(sectionSize, count - n);
    const kind = section % 11 === 3 ? 'gfm' : section % 13 === 7 ? 'html' : 'bullets';
    if (kind === 'gfm') {
      out.push('| Name | Description | Stars |', '| --- | --- | ---: |');
      for (let i = 0; i < inSection; i++, n++) {
        out.push(`| [${name(n)}](${url(n, n % 97)}) | ${description()} | ${Math.floor(random() * 10000)} |`);
      }
      out.push('');
    } else if (kind === 'html') {
      out.push('<table>', '  <thead>', '    <tr><th>Group</th><th>Tool</th><th>Description</th></tr>', '  </thead>', '  <tbody>');
      let i = 0;
      const overshoot = random() < 0.3; // the last group of this table claims one row too many
      while (i < inSection) {
        const group = Math.min(inSection - i, 1 + Math.floor(random() * 5));
        const written = overshoot && i + group >= inSection ? group + 1 : group;
        for (let g = 0; g < group; g++, i++, n++) {
          const first = g === 0 ? `<td rowspan="${written}">Group ${section}.${i}</td>` : '';
          out.push(`    <tr>${first}<td><a href="${url(n, n % 97)}">${name(n)}</a></td><td>${description()}</td></tr>`);
        }
      }
      out.push('  </tbody>', '</table>', '');
    } else {
      for (let i = 0; i < inSection; i++, n++) {
        if (recent.length > 10 && random() < 0.004) {
          // A duplicate of a recent entry: same name, same URL.
          out.push(pick(recent));
          continue;
        }
        const line = `- [${name(n)}](${url(n, n % 97)}) - ${description()}`;
        out.push(line);
        if (random() < 0.05) {
          recent.push(line);
          if (recent.length > 50) recent.shift();
        }
      }
      out.push('');
    }
    section++;
  }
  out.push('## License', '', 'CC0.', '');
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 10000);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: node bench/generate-list.mjs <entries> [seed]\n');
    process.exit(2);
  }
  process.stdout.write(generateList(count, Number(process.argv[3] ?? 42)));
}
