import GithubSlugger from 'github-slugger';
import type { Heading, Section, Span } from '../model/types.js';

export interface HeadingInput {
  depth: number;
  text: string;
  /** The text GitHub slugs (without image alt text and HTML tags), when it differs from `text`. */
  slugText?: string;
  span: Span;
}

/** Builds the section tree from the headings, in document order. */
export class SectionIndex {
  readonly sections: Section[] = [];
  readonly headings: Heading[] = [];
  private readonly starts: number[] = [];

  constructor(headings: HeadingInput[], documentSpan: Span) {
    const root: Section = { title: '', depth: 0, slug: '', span: documentSpan, id: '(top)' };
    this.sections.push(root);
    this.starts.push(0);
    const slugger = new GithubSlugger();
    const open: Section[] = [root];
    for (const heading of headings) {
      while (open.length > 1 && open[open.length - 1]!.depth >= heading.depth) open.pop();
      const parent = open[open.length - 1]!;
      const section: Section = {
        title: heading.text,
        depth: heading.depth,
        slug: slugger.slug(heading.slugText ?? heading.text),
        span: heading.span,
        parent,
        id: parent.depth === 0 ? heading.text : `${parent.id} › ${heading.text}`,
      };
      open.push(section);
      this.sections.push(section);
      this.starts.push(heading.span.start.offset);
      this.headings.push({ section, text: heading.text, span: heading.span });
    }
  }

  /** The section an offset falls in (the last heading at or before it). */
  at(offset: number): Section {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.sections[lo]!;
  }
}
