import type { Finding } from '../findings/types.js';

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

/** Decodes a file's bytes as UTF-8, or says where the first undecodable byte is. */
export function decodeInput(path: string, bytes: Uint8Array): { source: string } | { problem: Finding } {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { source: decoder.decode(bytes) };
  const text = decoder.decode(bytes.subarray(0, bad));
  const line = text.split('\n').length;
  const column = text.length - text.lastIndexOf('\n');
  const point = { line, column, offset: text.length };
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
