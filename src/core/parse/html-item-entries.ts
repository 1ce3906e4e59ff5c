/**
 * Entries written as `<li>` items of a `<ul>`/`<ol>` in raw HTML (the `item` form): an item
 * that starts, after a lead-in (whitespace, bullets, emoji, badges, `<b>`), with a non-image
 * link is an entry named by that link; its description is its own text after the link.
 * Items of nested lists are entries of their own; a link-less item above them groups them,
 * as a link-less Markdown item does. Items inside tables are the table's business.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Entry, Section } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import { walkHtml, type HtmlFragment } from './html-fragment.js';
import { elementRange, leadLink, ownLinks, textAfter, type EntryScan } from './html-entry-scan.js';
import { nameSpanOf } from './name-span.js';

type Element = DefaultTreeAdapterMap['element'];

const LISTS = new Set(['ul', 'ol']);
const TABLE_PARTS = new Set(['table', 'td', 'th', 'tr']);

export interface HtmlItemInput {
  source: string;
  lines: LineIndex;
  fragment: HtmlFragment;
  scan: EntryScan;
  sectionAt: (offset: number) => Section;
  /** Whether an offset is in the region's HTML (not blanked Markdown). */
  inParts: (offset: number) => boolean;
}

/** What an element inherits from the elements around it (kept per element: no walk up the ancestors). */
interface Around {
  inTable: boolean;
  /** The nearest `<ul>`/`<ol>`. */
  list?: Element;
  /** Labels of the link-less items around, outermost first. */
  groups: string[];
}

/** One entry per `<li>` that starts with a link, in document order. */
export function htmlItemEntries(input: HtmlItemInput): Entry[] {
  const { source, lines, scan } = input;
  const entries: Entry[] = [];
  const around = new Map<Element, Around>();
  const top: Around = { inTable: false, groups: [] };
  walkHtml(input.fragment, {
    element(info, ancestors) {
      let outer = top;
      // Elements the parser implied (no place in the source) are not visited: look past them.
      for (let i = ancestors.length - 1; i >= 0; i--) {
        const found = around.get(ancestors[i]!);
        if (found) {
          outer = found;
          break;
        }
      }
      const here: Around = {
        inTable: outer.inTable || TABLE_PARTS.has(info.tag),
        ...(LISTS.has(info.tag) ? { list: info.element } : outer.list ? { list: outer.list } : {}),
        groups: outer.groups,
      };
      around.set(info.element, here);
      if (info.tag !== 'li' || here.inTable || !here.list || !input.inParts(info.start)) return;
      const range = elementRange(scan, source, info.element);
      if (!range) return;
      const primary = leadLink(scan, info.element);
      if (!primary) {
        const label = groupLabel(textAfter(scan, info.element, range.start, LISTS));
        if (label !== '') here.groups = [...outer.groups, label];
        return;
      }
      const listRange = elementRange(scan, source, here.list) ?? range;
      const groups = here.groups;
      const section = input.sectionAt(range.start);
      const sectionLabel = section.title ? `section "${section.title}"` : 'the top of the file';
      const nameSpan = nameSpanOf(source, primary);
      entries.push({
        name: primary.text.trim(),
        ...(nameSpan ? { nameSpan } : {}),
        primaryLink: primary,
        links: ownLinks(scan, info.element, LISTS),
        description: textAfter(scan, info.element, primary.span.end.offset, LISTS),
        span: lines.span(range.start, range.end),
        removalSpan: lines.wholeLineSpan(range.start, range.end),
        section,
        container: { kind: 'html', form: 'item', blockSpan: lines.span(listRange.start, listRange.end) },
        scope: [`section:${section.id}`, ...groups].join(' › '),
        scopeLabel: groups.length > 0 ? `group ${groups.map((g) => `"${g}"`).join(' › ')} of ${sectionLabel}` : sectionLabel,
      });
    },
  });
  return entries;
}

/** "Build Backends:" groups the items under it as "Build Backends". */
function groupLabel(text: string): string {
  const plain = (text.endsWith(':') ? text.slice(0, -1) : text).trim();
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
