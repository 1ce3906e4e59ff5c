// Detection benchmark: recall and precision of the rules on the real lists of ../shared/corpus
// (and its more/ folder), with the compiled core (lib/, built by `npm run build`).
//
//   npm run bench:detect            # build, then measure
//   node bench/detection-bench.mjs  # measure the current lib/
//
// Recall: defects are injected into copies of each list — names misspelt by one typing slip
// (a letter dropped, doubled, or two neighbours swapped), the links of two entries swapped,
// an entry written twice, a tracking parameter added to a link, a rowspan made one too long —
// several per copy, far apart, with a fixed seed. A defect counts as found when its rule
// reports on the line it was injected on. Target: ≥ 95% for every rule.
//
// Precision: every warning and error on the unchanged lists was judged by hand; the judged
// findings are listed in JUDGED below (the same as test/e2e/corpus.test.ts pins). Any other
// finding counts as unjustified. Target: ≤ 1 unjustified finding per 500 entries.
//
// The same injections run on HTML versions of the lists (their plain one-line items written
// as `<li>` items and as `<details>` projects), with the same target.
//
// Environment: LISTWARDEN_CORPUS (default ../shared/corpus), BENCH_SEED (default 13),
// BENCH_PER_LIST (defects of each kind per list, default 12).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = (path) => import(pathToFileURL(join(root, 'lib', path)).href);
const { checkSource } = await lib('core/check-source.js');
const { buildDocument } = await lib('core/parse/build-document.js');
const { linkEvidence } = await lib('core/names/link-evidence.js');
const { normalizeName } = await lib('core/names/tool-registry.js');

const CORPUS = resolve(process.env.LISTWARDEN_CORPUS ?? join(root, '..', 'shared', 'corpus'));
const PER_LIST = Number(process.env.BENCH_PER_LIST ?? 12);
let seed = Number(process.env.BENCH_SEED ?? 13);

/** Findings judged by hand as a maintainer would (file → "line rule-id"); prefer-https is judged by its line holding http://. */
const JUDGED = {
  'EthicalML__awesome-production-machine-learning__README.md': ['20 no-dead-anchor', '366 no-duplicate-entry', '489 tool-name-matches-link', '490 tool-name-matches-link'],
  'RiccardoBiosas__awesome-MLSecOps__README.md': ['197 consistent-entry-name', '347 no-duplicate-entry', '359 tool-name-spelling'],
  'kelvins__awesome-mlops__README.md': [],
  'sindresorhus__awesome__README.md': [],
  'sottlmarek__DevSecOps__README.md': ['138 table-column-count', '295 no-duplicate-entry', '300 tool-name-spelling'],
  'vinta__awesome-python__README.md': [],
  'more/Hack-with-Github__Awesome-Hacking__README.md': [],
  'more/avelino__awesome-go__README.md': ['3963 no-tracking-params'],
  'more/awesome-selfhosted__awesome-selfhosted__README.md': [],
  'more/bradtraversy__design-resources-for-developers__README.md': ['235 tool-name-spelling', '318 table-column-count', '501 tool-name-spelling', '766 no-duplicate-entry', '1137 tool-name-spelling', '1443 table-column-count', '1518 table-column-count'],
  'more/jaywcjlove__awesome-mac__README.md': ['349 no-tracking-params', '378 no-tracking-params', '851 no-tracking-params', '999 no-duplicate-entry', '1140 no-tracking-params', '1341 no-tracking-params', '1572 no-tracking-params'],
  'more/sindresorhus__awesome-nodejs__README.md': [],
  'more/tensorflow__tfjs-models__README.md': ['62 no-empty-link', '70 no-empty-link', '73 html-unclosed-tag', '105 no-empty-link', '139 no-empty-link'],
};

function random() {
  // mulberry32: a small seeded generator, so every run injects the same defects.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
function shuffle(items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function lists() {
  if (!existsSync(CORPUS)) return [];
  const out = [];
  for (const dir of ['', 'more']) {
    const full = join(CORPUS, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith('__README.md')).sort()) {
      out.push({ name: dir === '' ? f : `${dir}/${f}`, text: readFileSync(join(full, f), 'utf8') });
    }
  }
  return out;
}

/** Entries that stand on a line of their own with a plainly written name and an http(s) link. */
function plainEntries(name, text) {
  const doc = buildDocument(name, text);
  const lines = text.split('\n');
  const seen = new Set();
  const out = [];
  for (const e of doc.entries) {
    const link = e.primaryLink;
    if (!link || link.isImage || link.inDescription || !e.nameSpan || !link.urlSpan || !/^https?:\/\//.test(link.url)) continue;
    const line = e.nameSpan.start.line;
    if (seen.has(line) || link.urlSpan.start.line !== line) continue;
    seen.add(line);
    out.push({ entry: e, line, name: e.name, url: link.url, lineText: lines[line - 1] });
  }
  return out;
}

/** Whether the name is spelt by its own link (repository, package or site): the entries a slip can be measured on. */
function spelledByLink(item) {
  const folded = normalizeName(item.name);
  return folded.length >= 5 && /^[\x20-\x7e]+$/.test(item.name) && !item.name.includes(' ') &&
    linkEvidence(item.url).evidence.some((e) => e.kind !== 'owner' && normalizeName(e.text) === folded);
}

/** Applies text edits (non-overlapping) from the end, so offsets stay valid. */
function applyEdits(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Lines shift when lines are inserted: the injected line numbers in the new text. */
function spaced(items, count, gap = 6) {
  const chosen = [];
  for (const item of shuffle(items)) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => Math.abs(c.line - item.line) < gap)) continue;
    chosen.push(item);
  }
  return chosen.sort((a, b) => a.line - b.line);
}

const SLIPS = {
  dropped: (w, i) => w.slice(0, i) + w.slice(i + 1),
  doubled: (w, i) => w.slice(0, i + 1) + w[i] + w.slice(i + 1),
  swapped: (w, i) => (i + 1 < w.length && w[i] !== w[i + 1] ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : undefined),
};

/** Each injector returns { text, expected: [{ line, rule }] } for one copy of a list. */
const INJECTORS = {
  'tool-name-spelling': (name, text) => {
    const items = spaced(plainEntries(name, text).filter(spelledByLink), PER_LIST);
    const edits = [];
    const expected = [];
    items.forEach((item, k) => {
      const kind = Object.keys(SLIPS)[k % 3];
      const word = item.name;
      let slipped;
      for (let tries = 0; tries < 10 && (slipped === undefined || normalizeName(slipped) === normalizeName(word)); tries++) {
        slipped = SLIPS[kind](word, Math.floor(random() * word.length));
      }
      if (slipped === undefined || normalizeName(slipped) === normalizeName(word)) return;
      const span = item.entry.nameSpan;
      edits.push({ start: span.start.offset, end: span.end.offset, text: slipped });
      expected.push({ line: item.line, rule: 'tool-name-spelling', kind, note: `${word} → ${slipped}` });
    });
    return { text: applyEdits(text, edits), expected };
  },
  'tool-name-matches-link (swapped links)': (name, text) => {
    const items = plainEntries(name, text).filter((i) => spelledByLink(i) && linkEvidence(i.url).evidence.some((e) => e.kind === 'repo' || e.kind === 'package'));
    const pairs = [];
    const used = new Set();
    for (const a of shuffle(items)) {
      if (pairs.length >= PER_LIST / 2 || used.has(a)) continue;
      const b = items.find((x) => !used.has(x) && x !== a && x.entry.section === a.entry.section && Math.abs(x.line - a.line) < 40 && normalizeName(x.name) !== normalizeName(a.name));
      if (!b) continue;
      used.add(a).add(b);
      pairs.push([a, b]);
    }
    const edits = [];
    const expected = [];
    for (const [a, b] of pairs) {
      const ua = a.entry.primaryLink.urlSpan;
      const ub = b.entry.primaryLink.urlSpan;
      edits.push({ start: ua.start.offset, end: ua.end.offset, text: text.slice(ub.start.offset, ub.end.offset) });
      edits.push({ start: ub.start.offset, end: ub.end.offset, text: text.slice(ua.start.offset, ua.end.offset) });
      expected.push({ line: a.line, rule: 'tool-name-matches-link', note: `${a.name} ⇄ ${b.name}` }, { line: b.line, rule: 'tool-name-matches-link', note: `${b.name} ⇄ ${a.name}` });
    }
    return { text: applyEdits(text, edits), expected };
  },
  'wrong link (another listed entry\'s link)': (name, text) => {
    // An entry given the link of an entry in another section: reported by tool-name-matches-link
    // or consistent-entry-name (or no-duplicate-entry in one scope), at the changed entry.
    const items = plainEntries(name, text).filter((i) => spelledByLink(i) && linkEvidence(i.url).evidence.some((e) => e.kind === 'repo' || e.kind === 'package'));
    const chosen = spaced(items, PER_LIST / 2);
    const edits = [];
    const expected = [];
    for (const a of chosen) {
      const b = shuffle(items).find((x) => x.entry.section !== a.entry.section && !chosen.includes(x) && normalizeName(x.name) !== normalizeName(a.name));
      if (!b) continue;
      const ua = a.entry.primaryLink.urlSpan;
      const ub = b.entry.primaryLink.urlSpan;
      edits.push({ start: ua.start.offset, end: ua.end.offset, text: text.slice(ub.start.offset, ub.end.offset) });
      expected.push({ line: a.line, rule: ['tool-name-matches-link', 'consistent-entry-name', 'no-duplicate-entry'], note: `${a.name} → ${b.url}` });
    }
    return { text: applyEdits(text, edits), expected };
  },
  'no-duplicate-entry': (name, text) => {
    const items = spaced(plainEntries(name, text).filter((i) => (i.entry.container.kind === 'list' || i.entry.container.kind === 'html') && i.entry.removalSpan.start.column === 1), PER_LIST);
    const edits = [];
    const expected = [];
    let shift = 0;
    for (const item of items) {
      const { start, end } = item.entry.removalSpan;
      const block = text.slice(start.offset, end.offset);
      if (!block.endsWith('\n')) continue;
      const added = block.split('\n').length - 1;
      edits.push({ start: end.offset, end: end.offset, text: block });
      // The copy starts where the original ended; earlier copies moved it down.
      expected.push({ line: item.line + added + shift, rule: 'no-duplicate-entry', note: item.name });
      shift += added;
    }
    return { text: applyEdits(text, edits), expected };
  },
  'no-tracking-params': (name, text) => {
    const items = spaced(plainEntries(name, text).filter((i) => !/[?#]/.test(i.url)), PER_LIST);
    const edits = items.map((i) => ({ start: i.entry.primaryLink.urlSpan.end.offset, end: i.entry.primaryLink.urlSpan.end.offset, text: pick(['?utm_source=github', '?utm_medium=list&utm_campaign=x', '?fbclid=abc123']) }));
    return { text: applyEdits(text, edits), expected: items.map((i) => ({ line: i.line, rule: 'no-tracking-params', note: i.url })) };
  },
  'table-rowspan': (name, text) => {
    const found = [...text.matchAll(/rowspan="(\d+)"/g)].map((m) => ({ offset: m.index + 'rowspan="'.length, n: Number(m[1]), line: text.slice(0, m.index).split('\n').length }));
    const items = spaced(found, PER_LIST, 8);
    const edits = items.map((i) => ({ start: i.offset, end: i.offset + String(i.n).length, text: String(i.n + 5) }));
    return { text: applyEdits(text, edits), expected: items.map((i) => ({ line: i.line, rule: 'table-rowspan', note: `rowspan ${i.n} → ${i.n + 5}` })) };
  },
};

const escapeHtml = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** `- [Name](https://…) - description` on a line of its own (no nesting, no second line). */
const PLAIN_ITEM = /^[-*] \[([^[\]]+)\]\((https?:\/\/[^()\s]+)\)(.*)$/;
const HTML_FORMS = {
  '<li>': { open: ['<ul>'], item: (n, u, rest) => [`  <li><a href="${escapeHtml(u)}">${escapeHtml(n)}</a>${escapeHtml(rest)}</li>`], close: ['</ul>'] },
  '<details>': {
    open: [],
    item: (n, u, rest) => [`<details><summary><b><a href="${escapeHtml(u)}">${escapeHtml(n)}</a></b>${escapeHtml(rest)}</summary>`, '', `- [GitHub](${u})`, '</details>'],
    close: [],
  },
};

/**
 * The list with its runs of plain one-line Markdown items (blank lines around) written in
 * raw HTML instead: as `<li>` items, or as generated lists write projects in `<details>`.
 */
function asHtml(text, form) {
  const { open, item, close } = HTML_FORMS[form];
  const lines = text.split('\n');
  const out = [];
  let converted = 0;
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && PLAIN_ITEM.test(lines[j])) j++;
    const blankAround = j > i && (i === 0 || lines[i - 1].trim() === '') && (j === lines.length || lines[j].trim() === '');
    if (!blankAround) {
      out.push(lines[i]);
      i++;
      continue;
    }
    out.push(...open);
    for (let k = i; k < j; k++) {
      const [, n, u, rest] = PLAIN_ITEM.exec(lines[k]);
      out.push(...item(n, u, rest));
      converted++;
    }
    out.push(...close);
    i = j;
  }
  return { text: out.join('\n'), converted };
}

/** The corpus lists with at least 100 entries converted, in each HTML form. */
function htmlLists(all) {
  const out = [];
  for (const form of Object.keys(HTML_FORMS)) {
    for (const { name, text } of all) {
      const html = asHtml(text, form);
      if (html.converted >= 100) out.push({ name: `${name} as ${form}`, text: html.text });
    }
  }
  return out;
}

function recall(all) {
  const rows = [];
  for (const [label, inject] of Object.entries(INJECTORS)) {
    let injected = 0;
    let found = 0;
    const missed = [];
    for (const { name, text } of all) {
      const { text: changed, expected } = inject(name, text);
      if (expected.length === 0) continue;
      const findings = checkSource(name, changed).findings;
      for (const e of expected) {
        injected++;
        const rules = Array.isArray(e.rule) ? e.rule : [e.rule];
        if (findings.some((f) => rules.includes(f.ruleId) && f.severity !== 'info' && f.span.start.line === e.line)) found++;
        else missed.push(`${name}:${e.line} ${e.note}`);
      }
    }
    rows.push({ label, injected, found, missed });
  }
  return rows;
}

function precision(all) {
  const rows = [];
  for (const { name, text } of all) {
    const entries = buildDocument(name, text).entries.length;
    const lines = text.split('\n');
    const judged = [...(JUDGED[name] ?? [])];
    const findings = checkSource(name, text).findings.filter((f) => f.severity !== 'info');
    const unjustified = [];
    for (const f of findings) {
      const key = `${f.span.start.line} ${f.ruleId}`;
      if (f.ruleId === 'prefer-https' && /http:\/\//i.test(lines[f.span.start.line - 1] ?? '')) continue;
      const at = judged.indexOf(key);
      if (at >= 0) judged.splice(at, 1);
      else if (!(JUDGED[name] ?? []).includes(key)) unjustified.push(`${key}: ${f.message.slice(0, 140)}`);
    }
    rows.push({ name, entries, findings: findings.length, unjustified });
  }
  return rows;
}

const all = lists();
if (all.length === 0) {
  console.log(`no lists at ${CORPUS}: nothing to measure (set LISTWARDEN_CORPUS)`);
  process.exit(0);
}
const started = performance.now();
console.log(`Detection benchmark on ${all.length} lists of ${CORPUS} (seed ${process.env.BENCH_SEED ?? 13}, ${PER_LIST} defects of each kind per list)\n`);
console.log('rule (defect injected)                        | injected | found | recall  | target | result');
console.log('----------------------------------------------|----------|-------|---------|--------|-------');
let pass = 0;
let miss = 0;
for (const r of recall(all)) {
  const rate = r.injected === 0 ? 1 : r.found / r.injected;
  const ok = rate >= 0.95;
  if (ok) pass++;
  else miss++;
  console.log(`${r.label.padEnd(46)}| ${String(r.injected).padStart(8)} | ${String(r.found).padStart(5)} | ${(rate * 100).toFixed(1).padStart(6)}% | ≥ 95%  | ${ok ? 'PASS' : 'MISS'}`);
  for (const m of r.missed.slice(0, 8)) console.log(`    missed ${m}`);
  if (r.missed.length > 8) console.log(`    … and ${r.missed.length - 8} more`);
}
// The same defects injected into entries written in raw HTML: the lists' plain items
// rewritten as `<li>` items and as `<details>` projects (a GitHub sub-link inside each).
const html = htmlLists(all);
console.log(`\nEntries written in HTML: ${html.length} lists (${[...new Set(html.map((l) => l.name.split(' as ')[0]))].length} corpus lists as <li> and as <details>)\n`);
console.log('rule (defect injected)                        | injected | found | recall  | target | result');
console.log('----------------------------------------------|----------|-------|---------|--------|-------');
for (const form of Object.keys(HTML_FORMS)) {
  for (const r of recall(html.filter((l) => l.name.endsWith(` as ${form}`)))) {
    if (r.label === 'table-rowspan') continue;
    const rate = r.injected === 0 ? 1 : r.found / r.injected;
    const ok = rate >= 0.95;
    if (ok) pass++;
    else miss++;
    console.log(`${`${form} ${r.label}`.slice(0, 46).padEnd(46)}| ${String(r.injected).padStart(8)} | ${String(r.found).padStart(5)} | ${(rate * 100).toFixed(1).padStart(6)}% | ≥ 95%  | ${ok ? 'PASS' : 'MISS'}`);
    for (const m of r.missed.slice(0, 8)) console.log(`    missed ${m}`);
    if (r.missed.length > 8) console.log(`    … and ${r.missed.length - 8} more`);
  }
}
const p = precision(all);
const entries = p.reduce((n, r) => n + r.entries, 0);
const unjustified = p.reduce((n, r) => n + r.unjustified.length, 0);
const findings = p.reduce((n, r) => n + r.findings, 0);
console.log('\nlist                                                        | entries | warnings+errors | unjustified');
console.log('------------------------------------------------------------|---------|-----------------|------------');
for (const r of p) {
  console.log(`${r.name.padEnd(60)}| ${String(r.entries).padStart(7)} | ${String(r.findings).padStart(15)} | ${String(r.unjustified.length).padStart(11)}`);
  for (const u of r.unjustified) console.log(`    ${u}`);
}
const per500 = (unjustified / entries) * 500;
const ok = per500 <= 1;
if (ok) pass++;
else miss++;
console.log(`\nprecision: ${unjustified} unjustified of ${findings} warnings and errors on ${entries} entries = ${per500.toFixed(2)} per 500 entries [≤ 1] ${ok ? 'PASS' : 'MISS'}`);
console.log(`${pass} PASS, ${miss} MISS (${((performance.now() - started) / 1000).toFixed(1)} s)`);
