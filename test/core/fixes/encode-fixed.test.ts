import { describe, it, expect } from '@jest/globals';
import { encodeFixed } from '../../../src/core/fixes/encode-fixed.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('encodeFixed', () => {
  it('gives the fixed text’s bytes, with the byte order mark the file had', () => {
    const source = '# Café 🎉\n- [a](https://a.example/?utm=1)\n';
    const output = source.replace('?utm=1', '');
    expect(encodeFixed(utf8(source), source, false, output)).toEqual({ bytes: new Uint8Array(utf8(output)) });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(source)]);
    expect(encodeFixed(withBom, source, true, output)).toEqual({ bytes: new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(output)])) });
  });

  it('refuses when the text read does not encode back to the bytes (a lenient decoder, a lost BOM)', () => {
    const cp1252 = Buffer.from('# Caf\xe9\n', 'latin1');
    const lenient = cp1252.toString('utf8');
    expect(encodeFixed(cp1252, lenient, false, lenient + 'x')).toEqual({ refused: expect.stringContaining('does not encode back') });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('# A\n')]);
    expect(encodeFixed(withBom, '# A\n', false, '# B\n')).toEqual({ refused: expect.stringContaining('does not encode back') });
  });

  it('keeps bytes either side of a change inside a multi-byte character (no split surrogate pair)', () => {
    const source = 'x 😀 y';
    const output = 'x 😁 y';
    expect(encodeFixed(utf8(source), source, false, output)).toEqual({ bytes: new Uint8Array(utf8(output)) });
  });
});
