import { encodeOutput } from './encode-output.js';

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Lengths of the common prefix and (after it) the common suffix of two texts, never splitting a surrogate pair. */
function commonEnds(a: string, b: string): { head: number; tail: number } {
  const max = Math.min(a.length, b.length);
  let head = 0;
  while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  if (head > 0 && head < a.length && isLowSurrogate(a.charCodeAt(head))) head--;
  let tail = 0;
  while (tail < max - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(a.charCodeAt(a.length - tail))) tail--;
  return { head, tail };
}

function sameBytes(a: Uint8Array, b: Uint8Array, from: number, to: number, shift: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== b[i + shift]) return false;
  return true;
}

/**
 * The bytes to write for a fixed text, or why not: the original bytes must be exactly what
 * `source` (and the byte order mark) encode to — nothing was lost in reading — and the
 * new bytes must equal the old ones before and after the changed part. Anything else would
 * change bytes no fix meant to touch, and is refused.
 */
export function encodeFixed(original: Uint8Array, source: string, bom: boolean, output: string): { bytes: Uint8Array } | { refused: string } {
  const before = encodeOutput(source, bom);
  if (before.length !== original.length || !sameBytes(before, original, 0, before.length, 0)) {
    return { refused: 'its text does not encode back to the bytes read (it would change bytes no fix touches)' };
  }
  const after = encodeOutput(output, bom);
  const { head, tail } = commonEnds(source, output);
  const headBytes = encodeOutput(source.slice(0, head), bom).length;
  const tailBytes = new TextEncoder().encode(source.slice(source.length - tail)).length;
  const shift = after.length - original.length;
  if (headBytes + tailBytes > original.length || headBytes + tailBytes > after.length) return { refused: 'the changed part could not be located' };
  if (!sameBytes(original, after, 0, headBytes, 0) || !sameBytes(original, after, original.length - tailBytes, original.length, shift)) {
    return { refused: 'bytes outside the fixes would change' };
  }
  return { bytes: after };
}
