import type { Finding } from '../findings/types.js';
import { LineIndex } from './line-index.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Whether bytes start with the UTF-8 byte order mark (EF BB BF). */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Decodes a file's bytes as UTF-8, or says where the first undecodable byte is. A byte
 * order mark is not part of the text (`bom` says it was there: write it back with encodeOutput).
 */
export function decodeInput(path: string, bytes: Uint8Array): { source: string; bom: boolean } | { problem: Finding } {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { source: decoder.decode(bytes), bom: hasUtf8Bom(bytes) };
  const text = decoder.decode(bytes.subarray(0, bad));
  const point = new LineIndex(text).point(text.length);
  return {
    problem: {
      ruleId: 'unreadable-input',
      severity: 'error',
      message: `File is not valid UTF-8: byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at byte offset ${bad} cannot be decoded — re-save the file as UTF-8`,
      file: path,
      span: { start: point, end: point },
    },
  };
}
