// Defects injected into a list written in an HTML form (bench/html-forms.mjs), for the
// detection benchmark's recall on HTML entries: the same kinds as its Markdown part.
//
// All kinds go into ONE copy of each generated list (one check per list and form keeps the
// benchmark's run time down), at distinct entries at least GAP entries apart; an entry whose
// link is lent to another (a wrong link) is never changed itself.
//
//   tool-name-spelling   a typing slip in the name (dropped, doubled or swapped letters)
//   swapped links        two entries of one section exchange their links (for <details>, the
//                        sub-links inside go with the summary's link)
//   wrong link           an entry takes the link of an entry of another section
//   no-duplicate-entry   an entry written twice: the line again (lines, item) or the whole
//                        <details> block again; expected at the copy
//   no-tracking-params   a tracking parameter appended to the entry's href (`&` as `&amp;`)
//
// A defect is expected at the line its entry starts on (the summary line for <details>), in
// the changed text.

import { TRACKING, applyEdits, namesRepoOrPackage, normalizeName, pick, shuffle, slip, spelledByLink } from './detection-common.mjs';
import { escapeAttr, escapeText } from './html-forms.mjs';

const GAP = 3;
/** How far apart (in entries) two entries of one section may be to have their links swapped. */
const SWAP_REACH = 10;

export const HTML_DEFECTS = [
  { label: 'tool-name-spelling', rules: ['tool-name-spelling'] },
  { label: 'tool-name-matches-link (swapped links)', rules: ['tool-name-matches-link'] },
  { label: "wrong link (another listed entry's link)", rules: ['tool-name-matches-link', 'consistent-entry-name', 'no-duplicate-entry'] },
  { label: 'no-duplicate-entry', rules: ['no-duplicate-entry'] },
  { label: 'no-tracking-params', rules: ['no-tracking-params'] },
];
const RULES = Object.fromEntries(HTML_DEFECTS.map((d) => [d.label, d.rules]));

/** Offsets of the '\n's of a text, for line lookups. */
function newlines(text) {
  const out = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}
const countNewlines = (text) => newlines(text).length;

/** 1-based line of an offset: newlines before it, plus one. */
function lineAt(breaks, offset) {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/**
 * Injects every kind into one copy of `generated` ({ text, entries } of writeHtmlForm), up to
 * `perKind` defects of each kind. Returns { text, expected: [{ label, rules, line, note, entry }] }
 * (`entry`: the index of the entry changed or copied).
 */
export function injectHtmlDefects(generated, perKind) {
  const { text, entries } = generated;
  const taken = new Set();
  const free = (e) => {
    for (let i = e.index - GAP + 1; i < e.index + GAP; i++) if (taken.has(i)) return false;
    return true;
  };
  const take = (...items) => items.forEach((e) => taken.add(e.index));
  const edits = [];
  const planned = [];
  const expect = (label, entry, note, anchor = entry.block.start, insertion = false) =>
    planned.push({ label, note, anchor, insertion, entry: entry.index, head: text.slice(entry.block.start, entry.urlSpan.start), tail: text.slice(entry.nameSpan.end, text.indexOf('\n', entry.nameSpan.end)) });
  const slice = (span) => text.slice(span.start, span.end);
  /** Gives `a` the link of `b` (for <details>, b's sub-links too). */
  const lend = (a, b) => {
    edits.push({ start: a.urlSpan.start, end: a.urlSpan.end, text: escapeAttr(b.url) });
    if (a.body && b.body) edits.push({ start: a.body.start, end: a.body.end, text: slice(b.body) });
  };

  // Names a slip can be measured on.
  let k = 0;
  for (const e of shuffle(entries.filter(spelledByLink))) {
    if (k >= perKind) break;
    if (!free(e)) continue;
    const kind = ['dropped', 'doubled', 'swapped'][k++ % 3];
    const slipped = slip(e.name, kind);
    if (slipped === undefined) continue;
    take(e);
    edits.push({ start: e.nameSpan.start, end: e.nameSpan.end, text: escapeText(slipped) });
    expect('tool-name-spelling', e, `${e.name} → ${slipped}`);
  }

  const linked = entries.filter((e) => spelledByLink(e) && namesRepoOrPackage(e.url));
  let pairs = 0;
  for (const a of shuffle(linked)) {
    if (pairs >= perKind / 2) break;
    if (!free(a)) continue;
    const b = linked.find((x) => x !== a && free(x) && x.sectionId === a.sectionId && Math.abs(x.index - a.index) < SWAP_REACH && Math.abs(x.index - a.index) >= GAP && normalizeName(x.name) !== normalizeName(a.name));
    if (!b) continue;
    take(a, b);
    pairs++;
    lend(a, b);
    lend(b, a);
    expect('tool-name-matches-link (swapped links)', a, `${a.name} ⇄ ${b.name}`);
    expect('tool-name-matches-link (swapped links)', b, `${b.name} ⇄ ${a.name}`);
  }

  let wrong = 0;
  for (const a of shuffle(linked)) {
    if (wrong >= perKind / 2) break;
    if (!free(a)) continue;
    const b = shuffle(linked).find((x) => x.sectionId !== a.sectionId && !taken.has(x.index) && normalizeName(x.name) !== normalizeName(a.name));
    if (!b) continue;
    take(a, b);
    wrong++;
    lend(a, b);
    expect("wrong link (another listed entry's link)", a, `${a.name} → ${b.url}`);
  }

  let copies = 0;
  for (const e of shuffle(entries)) {
    if (copies >= perKind) break;
    if (!free(e)) continue;
    take(e);
    copies++;
    edits.push({ start: e.block.end, end: e.block.end, text: slice(e.block) });
    expect('no-duplicate-entry', e, `${e.name} (copy of line ${e.line})`, e.block.end, true);
  }

  let tagged = 0;
  for (const e of shuffle(entries.filter((x) => !/[?#]/.test(x.url)))) {
    if (tagged >= perKind) break;
    if (!free(e)) continue;
    take(e);
    tagged++;
    edits.push({ start: e.urlSpan.end, end: e.urlSpan.end, text: escapeAttr(pick(TRACKING)) });
    expect('no-tracking-params', e, e.url);
  }

  // Where each defect's line is in the changed text: lines added or removed by edits before it.
  const breaks = newlines(text);
  const shifts = edits.map((e) => ({ ...e, delta: countNewlines(e.text) - countNewlines(text.slice(e.start, e.end)) })).filter((e) => e.delta !== 0);
  const expected = planned.map((p) => {
    let line = lineAt(breaks, p.anchor);
    for (const e of shifts) {
      const own = p.insertion && e.start === p.anchor && e.end === p.anchor;
      if (e.end <= p.anchor && !own) line += e.delta;
    }
    return { label: p.label, rules: RULES[p.label], line, note: p.note, entry: p.entry, head: p.head, tail: p.tail };
  });
  const changed = applyEdits(text, edits);
  // Self-check: each expected line is the entry's first line, as written before its name and after
  // it (no injector changes those parts); a wrong line would be a benchmark bug, shown as misses.
  const lines = changed.split('\n');
  for (const e of expected) {
    const at = lines[e.line - 1] ?? '';
    if (!at.startsWith(e.head) || !at.endsWith(e.tail)) throw new Error(`html-defects: ${e.label} "${e.note}" expected at line ${e.line}, which reads ${JSON.stringify(lines[e.line - 1]?.slice(0, 80))}`);
    delete e.head;
    delete e.tail;
  }
  return { text: changed, expected };
}
