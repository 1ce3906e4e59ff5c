import { describe, it, expect } from '@jest/globals';
import { encodeOutput } from '../../../src/core/fixes/encode-output.js';
import { decodeInput } from '../../../src/core/parse/decode-input.js';

describe('encodeOutput', () => {
  it('writes back the byte order mark a file was read with, and none otherwise', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0xc3, 0xa9]);
    const decoded = decodeInput('a.md', withBom) as { source: string; bom: boolean };
    expect(decoded.source).toBe('# é');
    expect([...encodeOutput(decoded.source, decoded.bom)]).toEqual([...withBom]);
    expect([...encodeOutput('# é', false)]).toEqual([0x23, 0x20, 0xc3, 0xa9]);
  });
});
