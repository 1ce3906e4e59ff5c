import type { TextEdit } from '../findings/types.js';

/** A range of the original text, [start, end) in 0-based offsets. */
export interface OriginalRange {
  start: number;
  end: number;
}

/**
 * Maps [start, end) of the text after `passes` back to the text before them. `passes` are
 * the edits of each pass, in that pass's input coordinates, sorted by start.
 */
export function mapBack(passes: readonly TextEdit[][], start: number, end: number): OriginalRange {
  let range = { start, end };
  for (let i = passes.length - 1; i >= 0; i--) {
    range = { start: backOne(passes[i]!, range.start, 'start'), end: backOne(passes[i]!, range.end, 'end') };
  }
  return range;
}

/**
 * One pass back: an offset after the pass's edits → the offset before them. An offset
 * inside replaced text maps to the start (for a range's start) or the end (for its end) of
 * what was replaced, so the mapped range covers it.
 */
function backOne(edits: readonly TextEdit[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const edit of edits) {
    const newStart = edit.start + delta;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) break;
    if (side === 'start' ? offset < newEnd : offset > newStart && offset <= newEnd) return side === 'start' ? edit.start : edit.end;
    if (side === 'end' && offset === newStart) return edit.start;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return offset - delta;
}
