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
  // 1140, 1341, 1572: Trend Micro's own utm_campaign on three of its pages, now info (deliberate) and not judged here.
  'more/jaywcjlove__awesome-mac__README.md': ['349 no-tracking-params', '378 no-tracking-params', '851 no-tracking-params', '999 no-duplicate-entry'],
  'more/sindresorhus__awesome-nodejs__README.md': [],
  'more/tensorflow__tfjs-models__README.md': ['62 no-empty-link', '69 html-unclosed-tag', '70 no-empty-link', '105 no-empty-link', '139 no-empty-link'],
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

/** Which entries defects are injected into (all, or only those of one form). */
let injectInto = () => true;

/** Entries that stand on a line of their own with a plainly written name and an http(s) link. */
function plainEntries(name, text) {
  const doc = buildDocument(name, text);
  const lines = text.split('\n');
  const seen = new Set();
  const out = [];
  for (const e of doc.entries) {
    if (!injectInto(e)) continue;
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
    const ownLines = (e) => e.container.kind === 'list' || (e.container.kind === 'html' && e.container.form === 'lines');
    const items = spaced(plainEntries(name, text).filter((i) => ownLines(i.entry) && i.entry.removalSpan.start.column === 1), PER_LIST);
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

/** `- [Name](https://…) - description` with nothing Markdown or HTML would read in the name or the description. */
const PLAIN_ITEM = /^[-*] \[([^\][<>&*_`]+)\]\((https?:\/\/[^()\s<>"&]+)\)(?: - ([^\][<>&*_`]*))?$/;

/**
 * The list with each run of plain top-level items rewritten as lines of a `<p>` block, the way
 * lists written in HTML have them: `&nbsp;&nbsp;• <a href="…"><b>Name</b></a> - description<br>`.
 */
function asHtmlLines(text) {
  const out = [];
  let run = [];
  const flush = () => {
    if (run.length > 0) out.push('', '<p>', ...run, '</p>', '');
    run = [];
  };
  for (const line of text.split('\n')) {
    const m = PLAIN_ITEM.exec(line);
    if (m) run.push(`&nbsp;&nbsp;• <a href="${m[2]}"><b>${m[1]}</b></a>${m[3] !== undefined ? ` - ${m[3]}` : ''}<br>`);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
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
// The same lists with their plain entries written as <p>/<br> lines of HTML.
const asLines = all.map(({ name, text }) => ({ name, text: asHtmlLines(text) }));
const lineEntries = asLines.reduce((n, { name, text }) => n + buildDocument(name, text).entries.filter((e) => e.container.kind === 'html' && e.container.form === 'lines').length, 0);
console.log(`\nThe same lists, their plain entries written as <p>/<br> lines of HTML (${lineEntries} such entries):\n`);
console.log('rule (defect injected into HTML lines)        | injected | found | recall  | target | result');
console.log('----------------------------------------------|----------|-------|---------|--------|-------');
injectInto = (e) => e.container.kind === 'html' && e.container.form === 'lines';
const lineRows = recall(asLines);
injectInto = () => true;
for (const r of lineRows) {
  const rate = r.injected === 0 ? 1 : r.found / r.injected;
  const ok = r.label === 'table-rowspan' || rate >= 0.95;
  if (r.label === 'table-rowspan') continue;
  if (ok) pass++;
  else miss++;
  console.log(`${r.label.padEnd(46)}| ${String(r.injected).padStart(8)} | ${String(r.found).padStart(5)} | ${(rate * 100).toFixed(1).padStart(6)}% | ≥ 95%  | ${ok ? 'PASS' : 'MISS'}`);
  for (const m of r.missed.slice(0, 8)) console.log(`    missed ${m}`);
  if (r.missed.length > 8) console.log(`    … and ${r.missed.length - 8} more`);
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
