// Detection benchmark: recall and precision of the rules on the real lists of ../shared/corpus
// (and its more/ folder), with the compiled core (lib/, built by `npm run build`).
//
//   npm run bench:detect            # build, then measure
//   node bench/detection-bench.mjs  # measure the current lib/
//
// Part 1, the Markdown lists as written.
// Recall: defects are injected into copies of each list — names misspelt by one typing slip
// (a letter dropped, doubled, or two neighbours swapped), the links of two entries swapped,
// an entry given the link of an entry of another section, an entry written twice, a tracking
// parameter added to a link, a rowspan made one too long — several per copy, far apart, with a
// fixed seed. A defect counts as found when its rule reports a warning or error on the line it
// was injected on (for a duplicate: the copy's line). Target: ≥ 95% for every rule.
// Precision: every warning and error on the unchanged lists was judged by hand; the judged
// findings are listed in JUDGED below (the same as test/e2e/corpus.test.ts pins). Any other
// finding counts as unjustified. Target: ≤ 1 unjustified finding per 500 entries (all the
// entries the parser models, HTML entries included). The house-style rules (STYLE_RULES) are
// judged in test/e2e/corpus-style.test.ts and left out here, as in corpus.test.ts.
//
// Part 2, HTML entries. The corpus has almost no lists written in HTML, so each list's own
// entries are written again, section by section, as `<p>` lines ended by `<br>`, as `<ul><li>`
// items and as best-of-lists `<details><summary>` projects with GitHub/Docs sub-links
// (bench/html-forms.mjs). For each form it prints:
// - coverage: how many written entries the parser models as HTML entries of that form at their
//   line, with their name and URL (and samples of those it does not, and of other entries);
// - recall: the same defect kinds injected into one copy per list and form, at the entry's line
//   in the HTML (bench/html-defects.mjs); target ≥ 95% per form and rule;
// - precision on the unchanged forms: a warning or error is justified only when the Markdown
//   original had one of that rule on the entry of that name (prefer-https: on an http:// line;
//   the three rules that report one link given to two entries count as one); target ≤ 1
//   unjustified per 500 parsed entries.
//
// Environment: LISTWARDEN_CORPUS (default ../shared/corpus), BENCH_SEED (default 13),
// BENCH_PER_LIST (defects of each kind per list, default 12), BENCH_FORMS (HTML forms to
// measure, default "lines,item,details"; "" skips part 2). Takes about 2 minutes of CPU.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  STYLE_RULES, TRACKING, applyEdits, check, judgedSeverity, namesRepoOrPackage, normalizeName,
  normalizeUrl, pick, root, setSeed, shuffle, slip, spaced, spelledByLink,
} from './detection-common.mjs';
import { HTML_FORMS, sourceEntries, writeHtmlForm } from './html-forms.mjs';
import { HTML_DEFECTS, injectHtmlDefects } from './html-defects.mjs';

const CORPUS = resolve(process.env.LISTWARDEN_CORPUS ?? join(root, '..', 'shared', 'corpus'));
const PER_LIST = Number(process.env.BENCH_PER_LIST ?? 12);
const SEED = Number(process.env.BENCH_SEED ?? 13);
setSeed(SEED);

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
  'more/tensorflow__tfjs-models__README.md': ['62 no-empty-link', '70 no-empty-link', '69 html-unclosed-tag', '105 no-empty-link', '139 no-empty-link'],
};

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

/** The parsed original of each list and its findings, parsed once (injectors only read offsets from it). */
const originals = new Map();
function original(name, text) {
  if (!originals.has(name)) originals.set(name, check(name, text));
  return originals.get(name);
}

/** Entries that stand on a line of their own with a plainly written name and an http(s) link. */
function plainEntries(name, text) {
  const { doc } = original(name, text);
  const lines = text.split('\n');
  const seen = new Set();
  const out = [];
  for (const e of doc?.entries ?? []) {
    const link = e.primaryLink;
    if (!link || link.isImage || link.inDescription || link.subLink || !e.nameSpan || !link.urlSpan || !/^https?:\/\//.test(link.url)) continue;
    const line = e.nameSpan.start.line;
    if (seen.has(line) || link.urlSpan.start.line !== line) continue;
    seen.add(line);
    out.push({ entry: e, line, name: e.name, url: link.url, lineText: lines[line - 1] });
  }
  return out;
}

/** Each injector returns { text, expected: [{ line, rule }] } for one copy of a list. */
const INJECTORS = {
  'tool-name-spelling': (name, text) => {
    const items = spaced(plainEntries(name, text).filter(spelledByLink), PER_LIST);
    const edits = [];
    const expected = [];
    items.forEach((item, k) => {
      const kind = ['dropped', 'doubled', 'swapped'][k % 3];
      const word = item.name;
      const slipped = slip(word, kind);
      if (slipped === undefined) return;
      const span = item.entry.nameSpan;
      edits.push({ start: span.start.offset, end: span.end.offset, text: slipped });
      expected.push({ line: item.line, rule: 'tool-name-spelling', kind, note: `${word} → ${slipped}` });
    });
    return { text: applyEdits(text, edits), expected };
  },
  'tool-name-matches-link (swapped links)': (name, text) => {
    const items = plainEntries(name, text).filter((i) => spelledByLink(i) && namesRepoOrPackage(i.url));
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
    const items = plainEntries(name, text).filter((i) => spelledByLink(i) && namesRepoOrPackage(i.url));
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
    const edits = items.map((i) => ({ start: i.entry.primaryLink.urlSpan.end.offset, end: i.entry.primaryLink.urlSpan.end.offset, text: pick(TRACKING) }));
    return { text: applyEdits(text, edits), expected: items.map((i) => ({ line: i.line, rule: 'no-tracking-params', note: i.url })) };
  },
  'table-rowspan': (name, text) => {
    const found = [...text.matchAll(/rowspan="(\d+)"/g)].map((m) => ({ offset: m.index + 'rowspan="'.length, n: Number(m[1]), line: text.slice(0, m.index).split('\n').length }));
    const items = spaced(found, PER_LIST, 8);
    const edits = items.map((i) => ({ start: i.offset, end: i.offset + String(i.n).length, text: String(i.n + 5) }));
    return { text: applyEdits(text, edits), expected: items.map((i) => ({ line: i.line, rule: 'table-rowspan', note: `rowspan ${i.n} → ${i.n + 5}` })) };
  },
};

const FORMS = (process.env.BENCH_FORMS ?? HTML_FORMS.join(',')).split(',').map((f) => f.trim()).filter((f) => f !== '');
for (const f of FORMS) if (!HTML_FORMS.includes(f)) throw new Error(`BENCH_FORMS: unknown form "${f}" (use ${HTML_FORMS.join(', ')})`);

const plainText = (text) => text.replace(/\s+/g, ' ').trim();
const isFound = (findings, rules, line) => findings.some((f) => rules.includes(f.ruleId) && f.severity !== 'info' && f.span.start.line === line);
/** What the rules reported on a line instead, for a miss: "rule-a, rule-b (info)" or "nothing". */
function reportedAt(findings, line) {
  const there = findings.filter((f) => f.span.start.line === line).map((f) => (f.severity === 'info' ? `${f.ruleId} (info)` : f.ruleId));
  return there.length > 0 ? [...new Set(there)].join(', ') : 'nothing';
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
      const { findings } = check(name, changed);
      for (const e of expected) {
        injected++;
        if (isFound(findings, Array.isArray(e.rule) ? e.rule : [e.rule], e.line)) found++;
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
    const { doc, findings: found } = original(name, text);
    const lines = text.split('\n');
    const judged = [...(JUDGED[name] ?? [])];
    const findings = found.filter(judgedSeverity);
    const unjustified = [];
    for (const f of findings) {
      const key = `${f.span.start.line} ${f.ruleId}`;
      if (f.ruleId === 'prefer-https' && /http:\/\//i.test(lines[f.span.start.line - 1] ?? '')) continue;
      const at = judged.indexOf(key);
      if (at >= 0) judged.splice(at, 1);
      else if (!(JUDGED[name] ?? []).includes(key)) unjustified.push(`${key}: ${f.message.slice(0, 140)}`);
    }
    rows.push({ name, entries: doc?.entries.length ?? 0, findings: findings.length, unjustified });
  }
  return rows;
}

/** CPU time of the checks of each HTML form (parse and rules), in seconds. */
const cpuByForm = new Map();
function timedCheck(form, file, text) {
  const before = process.cpuUsage();
  const result = check(file, text);
  const used = process.cpuUsage(before);
  cpuByForm.set(form, (cpuByForm.get(form) ?? 0) + (used.user + used.system) / 1e6);
  return result;
}

/** Each list written in each HTML form: [{ name, form, file, text, entries }]. */
function htmlLists(all) {
  const out = [];
  for (const { name, text } of all) {
    const { doc } = original(name, text);
    if (!doc) continue;
    const sections = sourceEntries(doc, normalizeUrl);
    for (const form of FORMS) out.push({ name, form, file: name.replace(/\.md$/, `.${form}.md`), ...writeHtmlForm(sections, form) });
  }
  return out;
}

/** Whether the parser models each written entry as an HTML entry of its form, at its line, with its name. */
function coverage(list, doc) {
  const atLine = new Map();
  for (const e of doc?.entries ?? []) {
    const line = e.primaryLink?.span.start.line;
    if (line !== undefined && !atLine.has(line)) atLine.set(line, e);
  }
  const missing = [];
  const matched = new Set();
  const modelledEntries = new Set();
  for (const item of list.entries) {
    const e = atLine.get(item.line);
    const ok = e && e.container.kind === 'html' && e.container.form === list.form && plainText(e.name) === item.name && e.primaryLink.url === item.url;
    if (ok) {
      matched.add(e);
      modelledEntries.add(item.index);
      continue;
    }
    const got = e ? `parsed as ${e.container.kind}${e.container.form ? `/${e.container.form}` : ''} entry "${e.name}" → ${e.primaryLink?.url}` : 'no entry at this line';
    missing.push({ described: item.description !== '', text: `${list.file}:${item.line} "${item.name}" (${item.description === '' ? 'no description' : 'described'}): ${got}` });
  }
  const extra = (doc?.entries ?? []).filter((e) => !matched.has(e)).map((e) => `${list.file}:${e.span.start.line} "${e.name}" (${e.container.kind}${e.container.form ? `/${e.container.form}` : ''}${e.primaryLink?.subLink ? ', a sub-link' : ''})`);
  return { modelled: matched.size, modelledEntries, missing, extra };
}

/** Recall on defects injected into the HTML forms, and the parser's coverage of the unchanged forms. */
function htmlRecall(generated, modelled) {
  const rows = new Map();
  for (const form of FORMS) for (const d of HTML_DEFECTS) rows.set(`${form} ${d.label}`, { form, label: d.label, injected: 0, found: 0, missed: [] });
  for (const list of generated) {
    const { text, expected } = injectHtmlDefects(list, PER_LIST);
    const { findings } = timedCheck(list.form, list.file, text);
    for (const e of expected) {
      const row = rows.get(`${list.form} ${e.label}`);
      row.injected++;
      if (isFound(findings, e.rules, e.line)) row.found++;
      else row.missed.push(`${list.file}:${e.line} ${e.note} — reported there: ${reportedAt(findings, e.line)}${modelled.get(list.file).has(e.entry) ? '' : ' (the entry is not modelled)'}`);
    }
  }
  return [...rows.values()];
}

/**
 * One link given to two entries is one defect, which three rules may report (as the wrong-link
 * injector counts them): the HTML form may well name it by another of the three.
 */
const SAME_DEFECT = { 'tool-name-matches-link': 'one link, two entries', 'consistent-entry-name': 'one link, two entries', 'no-duplicate-entry': 'one link, two entries' };
const defectKey = (name, ruleId) => `${name}\u0000${SAME_DEFECT[ruleId] ?? ruleId}`;

/**
 * Precision on the unchanged HTML forms: a warning or error is justified when the Markdown
 * original had a warning or error of that rule (or of the same defect, SAME_DEFECT) on the entry
 * of that name, or for prefer-https when its line holds an http:// link; anything else, and
 * anything outside an entry, is not.
 */
function htmlPrecision(all, generated) {
  const justified = new Map();
  for (const { name, text } of all) {
    const { doc, findings } = original(name, text);
    const byLine = new Map();
    for (const e of doc?.entries ?? []) {
      for (let l = e.span.start.line; l <= e.span.end.line; l++) byLine.set(l, [...(byLine.get(l) ?? []), e]);
    }
    justified.set(name, new Set(findings.filter(judgedSeverity).flatMap((f) => (byLine.get(f.span.start.line) ?? []).map((e) => defectKey(plainText(e.name), f.ruleId)))));
  }
  const rows = [];
  for (const list of generated) {
    const { doc, findings: found } = timedCheck(list.form, list.file, list.text);
    const lines = list.text.split('\n');
    const itemAt = new Map();
    for (const item of list.entries) for (let l = item.line; l < item.line + item.lines; l++) itemAt.set(l, item);
    const findings = found.filter(judgedSeverity);
    const unjustified = [];
    for (const f of findings) {
      const line = f.span.start.line;
      if (f.ruleId === 'prefer-https' && /http:\/\//i.test(lines[line - 1] ?? '')) continue;
      const item = itemAt.get(line);
      if (item && justified.get(list.name).has(defectKey(item.name, f.ruleId))) continue;
      unjustified.push(`${list.file}:${line} ${f.ruleId}: ${item ? '' : '(outside the entries) '}${f.message.slice(0, 140)}`);
    }
    rows.push({ ...list, parsed: doc?.entries.length ?? 0, findings: findings.length, unjustified, ...coverage(list, doc) });
  }
  return rows;
}

const all = lists();
if (all.length === 0) {
  console.log(`no lists at ${CORPUS}: nothing to measure (set LISTWARDEN_CORPUS)`);
  process.exit(0);
}
const started = performance.now();
const seconds = () => {
  const cpu = process.cpuUsage();
  return `${((performance.now() - started) / 1000).toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`;
};
const percent = (found, injected) => (injected === 0 ? 1 : found / injected);
let pass = 0;
let miss = 0;
const verdict = (ok) => {
  if (ok) pass++;
  else miss++;
  return ok ? 'PASS' : 'MISS';
};
const misses = (missed, indent = '    ') => {
  for (const m of missed.slice(0, 8)) console.log(`${indent}missed ${m}`);
  if (missed.length > 8) console.log(`${indent}… and ${missed.length - 8} more`);
};

console.log(`Detection benchmark on ${all.length} lists of ${CORPUS} (seed ${SEED}, ${PER_LIST} defects of each kind per list)\n`);
console.log('Markdown lists as written');
console.log('rule (defect injected)                        | injected | found | recall  | target | result');
console.log('----------------------------------------------|----------|-------|---------|--------|-------');
for (const r of recall(all)) {
  const rate = percent(r.found, r.injected);
  console.log(`${r.label.padEnd(46)}| ${String(r.injected).padStart(8)} | ${String(r.found).padStart(5)} | ${(rate * 100).toFixed(1).padStart(6)}% | ≥ 95%  | ${verdict(rate >= 0.95)}`);
  misses(r.missed);
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
console.log(`\nprecision: ${unjustified} unjustified of ${findings} warnings and errors on ${entries} entries = ${per500.toFixed(2)} per 500 entries [≤ 1] ${verdict(per500 <= 1)}`);
console.log(`(Markdown part: ${seconds()}; house-style rules ${[...STYLE_RULES].join(', ')} are judged in test/e2e/corpus-style.test.ts)`);

if (FORMS.length > 0) {
  const generated = htmlLists(all);
  console.log(`\nThe same lists written again with HTML entries (bench/html-forms.mjs): ${FORMS.join(', ')}`);
  const hp = htmlPrecision(all, generated);
  console.log('form     | entries written | parsed entries | modelled at their line | other parsed entries');
  console.log('---------|-----------------|----------------|------------------------|---------------------');
  for (const form of FORMS) {
    const rows = hp.filter((r) => r.form === form);
    const sum = (key) => rows.reduce((n, r) => n + (typeof r[key] === 'number' ? r[key] : r[key].length), 0);
    console.log(`${form.padEnd(9)}| ${String(sum('entries')).padStart(15)} | ${String(sum('parsed')).padStart(14)} | ${String(sum('modelled')).padStart(22)} | ${String(sum('extra')).padStart(20)}`);
    const missing = rows.flatMap((r) => r.missing);
    if (missing.length > 0) {
      const described = missing.filter((m) => m.described);
      console.log(`    not modelled: ${described.length} with a description, ${missing.length - described.length} without`);
      for (const m of [...described.slice(0, 3), ...missing.filter((x) => !x.described).slice(0, 3)]) console.log(`    not modelled ${m.text}`);
    }
    const extra = rows.flatMap((r) => r.extra);
    for (const m of extra.slice(0, 3)) console.log(`    other entry ${m}`);
    if (extra.length > 3) console.log(`    … and ${extra.length - 3} more other entries`);
  }

  console.log('\nform     | rule (defect injected)                        | injected | found | recall  | target | result');
  console.log('---------|-----------------------------------------------|----------|-------|---------|--------|-------');
  for (const r of htmlRecall(generated, new Map(hp.map((r) => [r.file, r.modelledEntries])))) {
    const rate = percent(r.found, r.injected);
    console.log(`${r.form.padEnd(9)}| ${r.label.padEnd(46)}| ${String(r.injected).padStart(8)} | ${String(r.found).padStart(5)} | ${(rate * 100).toFixed(1).padStart(6)}% | ≥ 95%  | ${verdict(rate >= 0.95)}`);
    misses(r.missed);
  }

  console.log(`\nCPU of the checks (unchanged and injected copy of each list): ${FORMS.map((f) => `${f} ${cpuByForm.get(f).toFixed(1)} s`).join(', ')}`);
  console.log('\nform     | parsed entries | warnings+errors | unjustified | per 500 entries | target | result');
  console.log('---------|----------------|-----------------|-------------|-----------------|--------|-------');
  const details = [];
  for (const form of FORMS) {
    const rows = hp.filter((r) => r.form === form);
    const parsed = rows.reduce((n, r) => n + r.parsed, 0);
    const bad = rows.flatMap((r) => r.unjustified);
    const rate = bad.length === 0 ? 0 : parsed === 0 ? Infinity : (bad.length / parsed) * 500;
    // With no entry of the form modelled, there is nothing to measure precision on.
    const result = rows.some((r) => r.modelled > 0) ? verdict(rate <= 1) : 'n/a (no entry of this form modelled)';
    console.log(`${form.padEnd(9)}| ${String(parsed).padStart(14)} | ${String(rows.reduce((n, r) => n + r.findings, 0)).padStart(15)} | ${String(bad.length).padStart(11)} | ${rate.toFixed(2).padStart(15)} | ≤ 1    | ${result}`);
    details.push(...bad.slice(0, 6).map((u) => `    ${u}`));
    if (bad.length > 6) details.push(`    … and ${bad.length - 6} more (${form})`);
  }
  for (const d of details) console.log(d);
}
console.log(`\n${pass} PASS, ${miss} MISS (${seconds()})`);
