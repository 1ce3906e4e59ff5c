import { describe, expect, it } from '@jest/globals';
import { cutAtFirst, trimEndChars, trimStartChars } from '../../../src/core/text/trim.js';

describe('trimEndChars', () => {
  it('removes only the listed characters at the end', () => {
    expect(trimEndChars('https://a.example/x/)).', '.,;:!?)]')).toBe('https://a.example/x/');
    expect(trimEndChars('a/b//', '/')).toBe('a/b');
    expect(trimEndChars('////', '/')).toBe('');
    expect(trimEndChars('a.b', '.')).toBe('a.b');
    expect(trimEndChars('', '/')).toBe('');
  });
  it('is linear on a hostile run (200k characters then one that stops it)', () => {
    const text = `${'/'.repeat(200_000)}x`;
    expect(trimEndChars(text, '/')).toBe(text);
    expect(trimEndChars(`x${'/'.repeat(200_000)}`, '/')).toBe('x');
  });
});

describe('trimStartChars', () => {
  it('removes only the listed characters at the start', () => {
    expect(trimStartChars('``<code>``', '`<')).toBe('code>``');
    expect(trimStartChars('abc', '`')).toBe('abc');
  });
});

describe('cutAtFirst', () => {
  it('cuts at the first of the characters', () => {
    expect(cutAtFirst('https://a.example/p?q=1#h', '?#')).toBe('https://a.example/p');
    expect(cutAtFirst('https://a.example/p#h?q', '?#')).toBe('https://a.example/p');
    expect(cutAtFirst('https://a.example/p', '?#')).toBe('https://a.example/p');
  });
});
