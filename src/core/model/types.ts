/**
 * The document model: what listwarden knows about one list file.
 *
 * Every position is 1-based line and column in the original file (also for content
 * inside raw HTML blocks), plus the 0-based UTF-16 offset used to build text edits.
 */

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units, as remark counts them. */
  column: number;
  /** 0-based offset into the source string. */
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

export type LinkSyntax =
  | 'markdown' // [text](url)
  | 'reference' // [text][ref] resolved through a definition
  | 'autolink' // <https://…> or a bare URL (GFM autolink literal)
  | 'html'; // <a href> / <img src> in raw HTML

export interface Link {
  /** The URL exactly as written (HTML entities decoded for HTML attributes). */
  url: string;
  /** Visible text of the link (alt text for images). */
  text: string;
  syntax: LinkSyntax;
  /** An image or a badge: a link, but never an entry's name. */
  isImage: boolean;
  /** Where the whole link is. */
  span: Span;
  /** Where the URL is written, when it can be located exactly (for fixes). */
  urlSpan?: Span;
  /** Where the visible text is written, when it can be located exactly (for fixes). */
  textSpan?: Span;
  /** The section the link sits in. */
  section: Section;
  /** The entry the link belongs to, if any. */
  entry?: Entry;
  /** True when the link sits inside an entry's description rather than naming it. */
  inDescription: boolean;
  /**
   * True for a link listed under a project rather than naming an entry of its own: the
   * `- [GitHub](…)`, `- [PyPi](…)`, `- [Docs](…)` items inside a `<details>` block whose
   * `<summary>` names the project. It belongs to that project's entry (`entry`), is checked
   * like every link, and is never an entry, a duplicate entry or a name.
   */
  subLink?: boolean;
}

export interface Section {
  /** Heading text, '' for the part of the file before the first heading. */
  title: string;
  /** Heading depth 1–6; 0 for the preamble. */
  depth: number;
  /** GitHub's anchor slug for the heading (with -1, -2 for repeats). */
  slug: string;
  span: Span;
  parent?: Section;
  /** Stable id for grouping: the path of titles from the top. */
  id: string;
}

/** A list item an entry is nested in. */
export interface ListParent {
  /** The item's own first paragraph as plain text ("Build Backends:"). */
  text: string;
  /** Whether that item is an entry itself (it starts with a link). */
  isEntry: boolean;
  span: Span;
}

export type EntryContainer =
  | { kind: 'list'; listSpan: Span; /** Items this entry is nested in, outermost first. */ parents: ListParent[] }
  | { kind: 'table'; table: Table; row: TableRow; cell: TableCell; groups: GroupCell[] }
  | { kind: 'html'; form: HtmlEntryForm; /** The element that holds the entries (`<p>`, `<ul>`, `<details>`, `<td>`, or the paragraph). */ blockSpan: Span };

/**
 * How an entry written in raw HTML is laid out:
 * - `lines`: one entry per line of a block, lines ended by `<br>`
 *   (`&nbsp;<a href="…"><b>Name</b></a> - description<br>` inside a `<p>` or a paragraph);
 * - `item`: an `<li>` of a `<ul>`/`<ol>` that starts with a link;
 * - `details`: a project named in a `<summary>`; the links listed inside the `<details>`
 *   (GitHub, PyPI, docs…) are its sub-links (`Link.subLink`), not entries;
 * - `cell`: a `<td>` of a table laid out as a grid of entries (one entry per cell, no rowspans).
 */
export type HtmlEntryForm = 'lines' | 'item' | 'details' | 'cell';

export interface GroupCell {
  /** Column header, e.g. "Stages". */
  column: string;
  /** Group value, e.g. "Stage 6". */
  value: string;
  cell: TableCell;
}

export interface Entry {
  /** The entry's name: the text of its first link (or the bold/plain lead for link-less entries). */
  name: string;
  /** Where the name is written, for name fixes. */
  nameSpan?: Span;
  /** The link that names the entry (first non-image link). */
  primaryLink?: Link;
  /** All links of the entry, including description links and badges. */
  links: Link[];
  description: string;
  /** The list item or table row. */
  span: Span;
  /** Span to delete to remove the entry (whole lines where possible). */
  removalSpan: Span;
  section: Section;
  container: EntryContainer;
  /**
   * Duplicate scope: the section (and the link-less items a list entry is nested under,
   * e.g. "Build Backends") for list entries; the section plus the group cells (e.g.
   * pipeline and stage) for table rows.
   */
  scope: string;
  /** Human label of the scope, for messages. */
  scopeLabel: string;
}

export interface TableCell {
  /** Text content, whitespace collapsed. */
  text: string;
  span: Span;
  isHeader: boolean;
  rowspan: number;
  colspan: number;
  /** The rowspan attribute as written, when present (HTML only). */
  rowspanAttr?: { raw: string; valueSpan: Span };
  links: Link[];
  /** Grid row index (0-based, body rows only) where the cell starts. */
  rowIndex: number;
  /** Grid column index (0-based) where the cell starts. */
  colIndex: number;
}

export interface TableRow {
  span: Span;
  /** Span to delete to remove the row (whole lines where possible). */
  removalSpan: Span;
  /** Cells written in this row. */
  cells: TableCell[];
  /** The grid: for each column, the cell covering it (from this or an earlier row's rowspan). */
  grid: (TableCell | undefined)[];
  isHeader: boolean;
  /** No cell is written in the row, or every written cell is blank. */
  isEmpty: boolean;
  /** 0-based index among body rows. */
  index: number;
  /** 0-based index of the row group (thead, tbody, tfoot) the row belongs to; rowspans never cross groups. */
  group: number;
  /** The kind of that row group (GFM tables: the header row is a thead, the rest a tbody). */
  groupTag: 'thead' | 'tbody' | 'tfoot';
}

export interface Table {
  syntax: 'gfm' | 'html';
  span: Span;
  section: Section;
  /** Column names from the header row (expanded for colspan). */
  columns: string[];
  headerRows: TableRow[];
  bodyRows: TableRow[];
  /** Width of the header grid (0 when there is no header). */
  headerWidth: number;
}

/** A region of raw HTML parsed as one fragment (consecutive html nodes). */
export interface HtmlRegion {
  span: Span;
  /** The raw HTML nodes of the region (Markdown may stand between them). */
  parts: Span[];
  section: Section;
}

export interface Heading {
  section: Section;
  text: string;
  span: Span;
}

/** A place where an `id` or `name` attribute defines an anchor in raw HTML. */
export interface HtmlAnchor {
  id: string;
  span: Span;
}

/** A `<!-- listwarden-disable… -->` comment. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Line the directive is written on. */
  line: number;
}

export interface TextRun {
  /** Text as written in the source (for mojibake and similar byte-level checks). */
  value: string;
  span: Span;
}

export interface ListDocument {
  path: string;
  source: string;
  sections: Section[];
  entries: Entry[];
  links: Link[];
  tables: Table[];
  htmlRegions: HtmlRegion[];
  headings: Heading[];
  htmlAnchors: HtmlAnchor[];
  directives: Directive[];
  /** Prose text nodes and HTML text outside code (with exact spans). */
  textRuns: TextRun[];
}
