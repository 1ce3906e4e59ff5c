import type { Rule, RuleReport } from '../findings/types.js';
import type { Span } from '../model/types.js';
import { scanTags } from '../parse/html-tags.js';
import { LineIndex } from '../parse/line-index.js';
import { unpairedTags } from './unpaired-tags.js';

/**
 * `html-unclosed-tag`: an element of raw HTML that is not closed where it should be.
 * Example: `<td><a href="…">Tool</td>` → add `</a>` before `</td>`.
 *
 * Every flow HTML block of the file is read as one stream (so `<details>` … Markdown …
 * `</details>` balances) with an open-element stack: void elements never need closing,
 * elements whose end tag HTML lets you leave out (`li`, `td`, `tr`, `p`, …) are closed
 * implicitly and never reported, and a table cell, row or list item that a new one starts
 * closes what is still open inside it. Inline HTML inside paragraphs is not read.
 *
 * A cell written straight in a table (`</tr>` then `<td>…</td></tr>`, the row's `<tr>` left
 * out) is reported at the cell that starts the row, with a fix that writes the `<tr>`:
 * browsers open the row there, so its `</tr>` is not a stray.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose end tag may be left out: never reported. */
const OPTIONAL_END = new Set([
  'li', 'p', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'dt', 'dd',
  'colgroup', 'caption', 'rt', 'rp', 'html', 'head', 'body',
]);

/** A start tag that closes the nearest open `targets` element, unless one of `stops` is open above it. */
const IMPLIED_CLOSE: Record<string, { targets: string[]; stops: string[] }> = {
  td: { targets: ['td', 'th'], stops: ['tr', 'table', 'thead', 'tbody', 'tfoot'] },
  th: { targets: ['td', 'th'], stops: ['tr', 'table', 'thead', 'tbody', 'tfoot'] },
  tr: { targets: ['tr', 'td', 'th'], stops: ['table', 'thead', 'tbody', 'tfoot'] },
  thead: { targets: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], stops: ['table'] },
  tbody: { targets: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], stops: ['table'] },
  tfoot: { targets: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], stops: ['table'] },
  li: { targets: ['li'], stops: ['ul', 'ol', 'menu'] },
  dt: { targets: ['dt', 'dd'], stops: ['dl'] },
  dd: { targets: ['dt', 'dd'], stops: ['dl'] },
  option: { targets: ['option'], stops: ['select', 'datalist', 'optgroup'] },
  optgroup: { targets: ['optgroup'], stops: ['select'] },
  rt: { targets: ['rt', 'rp'], stops: ['ruby'] },
  rp: { targets: ['rt', 'rp'], stops: ['ruby'] },
};

/** What a table cell stands in: a row, or (with the row left out) a table or row group. */
const ROW_CONTEXT = ['tr', 'table', 'thead', 'tbody', 'tfoot'];

/** End tags of the table structure reach through anything but a table. */
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption']);
/** Other end tags cannot close an element outside the table cell they stand in. */
const CELLS = ['td', 'th', 'caption'];

interface Open {
  name: string;
  start: number;
  end: number;
}

interface Closer {
  /** How it is written: `</td>` or `<td>`. */
  text: string;
  /** Offset of the closing tag. */
  start: number;
  /** Where a missing end tag goes: before the closer, after the text that precedes it. */
  insertAt: number;
}

export const htmlUnclosedTag: Rule = {
  meta: {
    id: 'html-unclosed-tag',
    defaultSeverity: 'error',
    description: 'Raw HTML elements left open or closed in the wrong order.',
    fixable: true,
  },
  check({ doc }) {
    const source = doc.source;
    const parts = doc.htmlRegions.flatMap((r) => r.parts).sort((a, b) => a.start.offset - b.start.offset);
    if (parts.length === 0) return [];
    let lineIndex: LineIndex | undefined;
    const lines = () => (lineIndex ??= new LineIndex(source));
    const at = (offset: number) => {
      const p = lines().point(offset);
      return `${p.line}:${p.column}`;
    };
    const spanOf = (start: number, end: number): Span => lines().span(start, end);

    // Tags in inline HTML (paragraphs) are not read: a start or end tag there may pair with one here.
    const inStream = (offset: number) => {
      let lo = 0;
      let hi = parts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const p = parts[mid]!;
        if (offset < p.start.offset) hi = mid - 1;
        else if (offset >= p.end.offset) lo = mid + 1;
        else return true;
      }
      return false;
    };
    const outsideTags = (name: string, kind: 'start' | 'end'): number[] => {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(kind === 'start' ? `<${escaped}(?=[\\s/>])` : `</${escaped}(?=[\\s>])`, 'gi');
      const found: number[] = [];
      for (const m of source.matchAll(re)) if (!inStream(m.index)) found.push(m.index);
      return found;
    };
    const endTagsOutside = new Map<string, number[]>();
    const startTagsOutside = new Map<string, number[]>();
    /**
     * The start and end tags of `name` in inline HTML that do not pair with each other: an
     * `<a>…</a>` written in a paragraph neither opens nor closes anything of the blocks'.
     */
    const unpairedOutside = (name: string) => {
      const { starts, ends } = unpairedTags(outsideTags(name, 'start'), outsideTags(name, 'end'));
      startTagsOutside.set(name, starts);
      endTagsOutside.set(name, ends);
    };
    /** Takes the first tag of the list in (from, to), if any. */
    const take = (cache: Map<string, number[]>, name: string, from: number, to: number): boolean => {
      if (!cache.has(name)) unpairedOutside(name);
      const list = cache.get(name)!;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]! > from) hi = mid;
        else lo = mid + 1;
      }
      const i = lo;
      if (i >= list.length || list[i]! >= to) return false;
      list.splice(i, 1);
      return true;
    };

    const reports: RuleReport[] = [];
    const stack: Open[] = [];
    /** Stack indices of the open elements of each name (bottom to top). */
    const positions = new Map<string, number[]>();
    const topIndex = (name: string) => {
      const list = positions.get(name);
      return list && list.length > 0 ? list[list.length - 1]! : -1;
    };
    const push = (el: Open) => {
      stack.push(el);
      let list = positions.get(el.name);
      if (!list) positions.set(el.name, (list = []));
      list.push(stack.length - 1);
    };
    const pop = () => {
      const el = stack.pop()!;
      positions.get(el.name)!.pop();
      return el;
    };
    /** Closes stack[index] and everything above it; reports what is open above it. */
    const closeTo = (index: number, closer: Closer) => {
      const unclosed: Open[] = [];
      while (stack.length > index + 1) {
        const el = pop();
        // Closed by an end tag in inline HTML (a paragraph between the blocks) is closed.
        if (!OPTIONAL_END.has(el.name) && !take(endTagsOutside, el.name, el.end - 1, closer.start)) unclosed.push(el);
      }
      pop();
      for (const el of unclosed.reverse()) {
        reports.push({
          message: `<${el.name}> opened at ${at(el.start)} is not closed before ${closer.text} — add </${el.name}>`,
          span: spanOf(el.start, el.end),
          suggestion: `</${el.name}>`,
          fix: { edits: [{ start: closer.insertAt, end: closer.insertAt, text: `</${el.name}>` }], certain: true },
          data: { tag: el.name },
        });
      }
    };
    /** A `<td>` or `<th>` that starts a row with no `<tr>`: the fix writes the `<tr>`, on its own line when the cell starts one. */
    const missingRow = (name: string, start: number, end: number, partStart: number): RuleReport => {
      let lineStart = start;
      while (lineStart > partStart && (source[lineStart - 1] === ' ' || source[lineStart - 1] === '\t')) lineStart--;
      const ownLine = lineStart === 0 || source[lineStart - 1] === '\n';
      const edit = ownLine ? { start: lineStart, end: lineStart, text: `${source.slice(lineStart, start)}<tr>\n` } : { start, end: start, text: '<tr>' };
      return {
        message: `<${name}> at ${at(start)} starts a row with no <tr> before it (browsers open one) — add <tr> before the row`,
        span: spanOf(start, end),
        suggestion: '<tr>',
        fix: { edits: [edit], certain: true },
        data: { tag: 'tr' },
      };
    };
    const strays: { name: string; start: number; end: number; outside?: Open }[] = [];

    for (const part of parts) {
      const base = part.start.offset;
      for (const tag of scanTags(source.slice(base, part.end.offset))) {
        const start = base + tag.start;
        const end = base + tag.end;
        // A missing end tag goes right after the text before the closer (not after its indentation).
        let insertAt = start;
        while (insertAt > base && /\s/.test(source[insertAt - 1]!)) insertAt--;
        if (tag.kind === 'start') {
          if (VOID.has(tag.name) || tag.selfClosing) continue;
          const implied = IMPLIED_CLOSE[tag.name];
          if (implied) {
            // The outermost open target above the stop closes, with everything inside it
            // (a new <tr> ends the open row and its cell, or a cell whose row was implied).
            const stop = Math.max(...implied.stops.map(topIndex));
            const open = implied.targets.map(topIndex).filter((i) => i > stop);
            if (open.length > 0) closeTo(Math.min(...open), { text: `<${tag.name}>`, start, insertAt });
          }
          if (tag.name === 'td' || tag.name === 'th') {
            const context = Math.max(...ROW_CONTEXT.map(topIndex));
            if (context >= 0 && stack[context]!.name !== 'tr') {
              // A cell straight in a table: browsers open the row, and so does the stack (a </tr> closes it).
              reports.push(missingRow(tag.name, start, end, part.start.offset));
              push({ name: 'tr', start, end: start });
            }
          }
          push({ name: tag.name, start, end });
          continue;
        }
        const match = topIndex(tag.name);
        if (match < 0) {
          strays.push({ name: tag.name, start, end });
          continue;
        }
        const barrier = TABLE_PARTS.has(tag.name) ? topIndex('table') : tag.name === 'table' ? -1 : Math.max(...CELLS.map(topIndex));
        if (barrier > match) {
          strays.push({ name: tag.name, start, end, outside: stack[match]! });
          continue;
        }
        closeTo(match, { text: `</${tag.name}>`, start, insertAt });
      }
    }

    // Still open at the end of the file.
    for (const el of stack) {
      if (OPTIONAL_END.has(el.name) || take(endTagsOutside, el.name, el.end - 1, source.length)) continue;
      reports.push({
        message: `<${el.name}> opened at ${at(el.start)} is never closed — add </${el.name}> where it should end`,
        span: spanOf(el.start, el.end),
        data: { tag: el.name },
      });
    }

    for (const stray of strays) {
      // Opened in inline HTML (a paragraph before the block): not a stray.
      if (!stray.outside && take(startTagsOutside, stray.name, -1, stray.start)) continue;
      const name = stray.name;
      const message = stray.outside
        ? `Stray </${name}>: it cannot close the <${name}> opened at ${at(stray.outside.start)} from inside a table cell — remove it or close the cell first`
        : VOID.has(name)
          ? `Stray </${name}>: <${name}> never takes an end tag — remove it`
          : `Stray </${name}> with no open <${name}> — remove it`;
      reports.push({ message, span: spanOf(stray.start, stray.end), data: { tag: name } });
    }
    // A comment that never ends hides everything after it on GitHub (and from listwarden).
    for (const part of parts) {
      const text = source.slice(part.start.offset, part.end.offset);
      const open = text.indexOf('<!--');
      if (open < 0 || text.indexOf('-->', open + 4) >= 0) continue;
      if (part.end.offset < source.trimEnd().length) continue;
      const start = part.start.offset + open;
      reports.push({
        message: `HTML comment opened at ${at(start)} is never closed: everything after it is hidden — add --> where the comment should end`,
        span: spanOf(start, start + 4),
        data: { tag: '!--' },
      });
    }
    return reports;
  },
};
