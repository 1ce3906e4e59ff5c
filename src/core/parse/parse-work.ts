/**
 * An upper bound on the work the Markdown parser (micromark, under remark) would do on a
 * text, found by one pass over its lines, before parsing it. micromark is quadratic within
 * one run of inline text (a paragraph, a list item's text, a table row): each `]` without a
 * `[` before it walks back over the whole run (GFM footnote calls), and each construct that
 * fails (`[a](` repeated) splits the run's data and is merged back by a splice over the
 * whole run. Over many short runs that is linear; over one long run it is not.
 *
 * The bound counts, per run of inline text, `specials × length` plus, for each `]`, the
 * distance back to the nearest `[`: a real list (entries of a few hundred characters) stays
 * near 10 per character; `[a](` or `]x` repeated on one 60 KB line reaches billions.
 */

/** Characters that open or close an inline construct micromark tries (and may fail). */
const SPECIALS = new Set(['[', ']', '(', '*', '_', '`', '<', '!']);

/** Work allowed per character of the text, and in all (what a real list never nears). */
export const PARSE_WORK_PER_CHAR = 60;
export const PARSE_WORK_FLOOR = 20_000_000;

export interface ParseWork {
  /** The bound for the whole text. */
  work: number;
  /** Where the run of inline text with the most work starts (a 0-based offset). */
  worstOffset: number;
}

/** Whether a line starts a new block (so ends the run of inline text before it). */
function startsBlock(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const c = line[i];
  if (c === undefined) return true; // blank
  if (c === '#' || c === '|' || c === '>') return true;
  if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t' || line[i + 1] === undefined)) return true;
  let d = i;
  while (d < line.length && d - i < 10 && line.charCodeAt(d) >= 48 && line.charCodeAt(d) <= 57) d++;
  return d > i && (line[d] === '.' || line[d] === ')');
}

/** A fence line (``` or ~~~, up to three spaces in): what follows until the closing fence is not inline text. */
function fenceOf(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return undefined;
  let j = i;
  while (line[j] === c) j++;
  return j - i >= 3 ? c.repeat(j - i) : undefined;
}

/** An HTML block start (`<div`, `</td`, `<!--`): its lines are kept raw, not parsed as inline text. */
function startsHtml(line: string): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '<') return false;
  const next = line[i + (line[i + 1] === '/' ? 2 : 1)];
  return next !== undefined && (/[A-Za-z]/.test(next) || next === '!' || next === '?');
}

/** The bound on micromark's work for `source` (see the file's comment). One pass; no regex over the lines' text. */
export function parseWork(source: string): ParseWork {
  let work = 0;
  let worst = 0;
  let worstOffset = 0;
  let runStart = 0;
  let runLength = 0;
  let runSpecials = 0;
  let runWalk = 0;
  let sinceOpen = 0;
  let fence: string | undefined;
  let inHtml = false;
  const endRun = () => {
    const runWork = runSpecials * runLength + runWalk;
    work += runWork;
    if (runWork > worst) {
      worst = runWork;
      worstOffset = runStart;
    }
    runLength = runSpecials = runWalk = sinceOpen = 0;
  };
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    const blank = line.trim() === '';
    if (fence !== undefined) {
      if (fenceOf(line)?.startsWith(fence)) fence = undefined;
    } else if (inHtml) {
      if (blank) inHtml = false;
    } else {
      const opened = fenceOf(line);
      if (opened || startsHtml(line) || startsBlock(line)) endRun();
      if (opened) fence = opened;
      else if (startsHtml(line)) inHtml = true;
      else if (!blank) {
        if (runLength === 0) runStart = lineStart;
        for (let i = 0; i < line.length; i++) {
          const c = line[i]!;
          sinceOpen++;
          if (!SPECIALS.has(c)) continue;
          runSpecials++;
          if (c === '[') sinceOpen = 0;
          else if (c === ']') runWalk += sinceOpen;
        }
        runLength += line.length + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  endRun();
  return { work, worstOffset };
}

/** Whether parsing `source` stays within the work a real list of its size needs. */
export function parseWorkAllowed(source: string, work: ParseWork = parseWork(source)): boolean {
  return work.work <= Math.max(PARSE_WORK_FLOOR, PARSE_WORK_PER_CHAR * source.length);
}
