import { describe, it, expect } from '@jest/globals';
import { noDuplicateEntry } from '../../../src/core/rules/no-duplicate-entry.js';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import { runRules } from '../../../src/core/findings/run-rules.js';
import { fixDocument } from '../../../src/core/fixes/fix-document.js';
import type { Entry, HtmlEntryForm, ListDocument } from '../../../src/core/model/types.js';

/**
 * Deleting a repeated entry is certain only when the two agree in name, URL and
 * description, and are the same kind of entry-level thing (list item, table row, or raw
 * HTML of one form), and neither is a sub-link listed under a project. Each test changes
 * one of these and expects a suggestion only.
 *
 * The kind and the sub-link mark are set on a parsed document here: the rule must not
 * trust the parser to have left sub-links out of the entries.
 */
const TWINS = ['# Tools', '', '- [Foo](https://foo.example/) - Does foo.', '- [Bar](https://bar.example/) - Does bar.', '- [Foo](https://foo.example/) - Does foo.', ''].join('\n');

function duplicateFix(doc: ListDocument) {
  const findings = runRules(doc, { rules: [noDuplicateEntry] }).filter((f) => f.severity === 'error');
  expect(findings).toHaveLength(1);
  return findings[0]!.fix;
}
const fooEntries = (doc: ListDocument): [Entry, Entry] => {
  const foos = doc.entries.filter((e) => e.name === 'Foo');
  expect(foos).toHaveLength(2);
  return [foos[0]!, foos[1]!];
};
const asHtml = (entry: Entry, form: HtmlEntryForm) => {
  entry.container = { kind: 'html', form, blockSpan: entry.span };
};

describe('no-duplicate-entry deletes for certain only exact twins of one kind', () => {
  it('twins: one name, one URL, one description, both list items → certain, and fix deletes the later line', () => {
    const doc = buildDocument('list.md', TWINS);
    expect(duplicateFix(doc)?.certain).toBe(true);
    expect(fixDocument('list.md', TWINS, { rules: [noDuplicateEntry] }).output).toBe(TWINS.replace(/- \[Foo\][^\n]*\n$/, ''));
  });

  it('another name → suggestion only', () => {
    const text = TWINS.replace(/\[Foo\](?=[^\n]*\n$)/, '[Fooz]');
    expect(duplicateFix(buildDocument('list.md', text))?.certain).toBe(false);
  });

  it('another description → suggestion only', () => {
    const text = TWINS.replace(/Does foo\.\n$/, 'Does foo well.\n');
    expect(duplicateFix(buildDocument('list.md', text))?.certain).toBe(false);
  });

  it('another URL is another entry: nothing to delete', () => {
    const text = TWINS.replace(/foo\.example\/\) - Does foo\.\n$/, 'foo.example/docs) - Does foo.\n');
    expect(runRules(buildDocument('list.md', text), { rules: [noDuplicateEntry] })).toEqual([]);
  });

  it('a list item and an entry written in HTML → suggestion only', () => {
    const doc = buildDocument('list.md', TWINS);
    asHtml(fooEntries(doc)[1], 'lines');
    expect(duplicateFix(doc)?.certain).toBe(false);
  });

  it('two HTML entries: certain in one form, suggestion only across forms', () => {
    const same = buildDocument('list.md', TWINS);
    for (const entry of fooEntries(same)) asHtml(entry, 'item');
    expect(duplicateFix(same)?.certain).toBe(true);
    const other = buildDocument('list.md', TWINS);
    const [first, second] = fooEntries(other);
    asHtml(first, 'details');
    asHtml(second, 'item');
    expect(duplicateFix(other)?.certain).toBe(false);
  });

  it('a sub-link on either side → suggestion only, even between two sub-links', () => {
    for (const marked of [[0], [1], [0, 1]]) {
      const doc = buildDocument('list.md', TWINS);
      const foos = fooEntries(doc);
      for (const i of marked) foos[i]!.primaryLink!.subLink = true;
      expect(duplicateFix(doc)?.certain).toBe(false);
    }
  });

  it('in a review, the entry a pull request adds above its twin is the one deleted, only for twins of one kind', () => {
    const changedLines = new Set([3]);
    const twins = buildDocument('list.md', TWINS);
    const [added] = runRules(twins, { rules: [noDuplicateEntry], changedLines }).filter((f) => f.severity === 'error');
    expect(added!.span.start.line).toBe(3);
    expect(added!.fix?.certain).toBe(true);
    const mixed = buildDocument('list.md', TWINS);
    asHtml(fooEntries(mixed)[0], 'lines');
    const [blamed] = runRules(mixed, { rules: [noDuplicateEntry], changedLines }).filter((f) => f.severity === 'error');
    expect(blamed!.span.start.line).toBe(3);
    expect(blamed!.fix?.certain).toBe(false);
  });
});
