// Types of bench/html-forms.mjs, for test/bench/html-forms.test.ts.
import type { ListDocument, Section } from '../src/core/model/types.js';

export type HtmlForm = 'lines' | 'item' | 'details';
export const HTML_FORMS: HtmlForm[];
export function escapeText(text: string): string;
export function escapeAttr(text: string): string;
export function githubRepo(url: string): string | undefined;

export interface SourceItem {
  name: string;
  url: string;
  /** Plain text. */
  description: string;
  /** The description as written: text, and its links where their text stands. */
  parts: { text: string; url?: string }[];
}
export function sourceEntries(doc: ListDocument, urlKey: (url: string) => string | undefined): { section: Section; items: SourceItem[] }[];

export interface OffsetSpan {
  start: number;
  end: number;
}
export interface WrittenEntry extends SourceItem {
  sectionId: string;
  index: number;
  /** First line of the entry's block (1-based). */
  line: number;
  /** Lines the block takes. */
  lines: number;
  block: OffsetSpan;
  urlSpan: OffsetSpan;
  nameSpan: OffsetSpan;
  /** The sub-links of a <details> entry. */
  body?: OffsetSpan;
}
export function writeHtmlForm(sections: { section: Section; items: SourceItem[] }[], form: HtmlForm): { text: string; entries: WrittenEntry[] };
