import { describe, it, expect } from '@jest/globals';
import { isKept, MIN_ENTRIES, MIN_SHARE, describeStrength } from '../../../src/core/style/thresholds.js';
import { sortKey } from '../../../src/core/style/sort-key.js';
import { analyzeOrder } from '../../../src/core/style/sorted-subsequence.js';

describe('convention thresholds', () => {
  it('are 5 entries and 90%', () => {
    expect(MIN_ENTRIES).toBe(5);
    expect(MIN_SHARE).toBe(0.9);
  });
  it('need at least MIN_ENTRIES entries: 4 of 4 is not enough, 5 of 5 and 6 of 6 are', () => {
    expect(isKept(MIN_ENTRIES - 1, MIN_ENTRIES - 1)).toBe(false);
    expect(isKept(MIN_ENTRIES, MIN_ENTRIES)).toBe(true);
    expect(isKept(MIN_ENTRIES + 1, MIN_ENTRIES + 1)).toBe(true);
  });
  it('need MIN_SHARE: 89 of 100 is not enough, 90 of 100 (and 9 of 10, 63 of 70) is, 91 of 100 is', () => {
    expect(isKept(89, 100)).toBe(false);
    expect(isKept(90, 100)).toBe(true);
    expect(isKept(9, 10)).toBe(true);
    expect(isKept(63, 70)).toBe(true);
    expect(isKept(8, 9)).toBe(false);
    expect(isKept(91, 100)).toBe(true);
  });
  it('describe their strength for messages', () => {
    expect(describeStrength({ kept: 41, total: 41, scope: 'section' })).toBe('41 of 41 entries in this section');
  });
});

describe('sortKey', () => {
  it('sorts as people do: case, accents, a leading "The" and punctuation ignored', () => {
    expect(sortKey('The Rust Book')).toBe('rust book');
    expect(sortKey('Émile')).toBe('emile');
    expect(sortKey('C++')).toBe('c');
    expect(sortKey('theano')).toBe('theano');
  });
  it('the literal key keeps punctuation; the line key sorts a name after its longer variants, as a raw-line sort does', () => {
    expect(sortKey('go-cache', 'literal') < sortKey('gocache', 'literal')).toBe(true);
    expect(sortKey('Tube', 'literal') < sortKey('Tube Archivist', 'literal')).toBe(true);
    expect(sortKey('Tube Archivist', 'line') < sortKey('Tube', 'line')).toBe(true);
  });
});

describe('analyzeOrder', () => {
  it('names the entry that is certainly out of place, and settles the rest', () => {
    const a = analyzeOrder(['a', 'b', 'z', 'c', 'd']);
    expect(a.kept).toBe(4);
    expect(a.outOfPlace).toEqual([2]);
    expect(a.ambiguous).toEqual([]);
  });
  it('groups two entries swapped with each other instead of blaming one', () => {
    const a = analyzeOrder(['a', 'b', 'd', 'c', 'e']);
    expect(a.outOfPlace).toEqual([]);
    expect(a.ambiguous).toEqual([[2, 3]]);
    expect(a.settled).toEqual([0, 1, 4]);
  });
  it('accepts equal keys in a row', () => {
    expect(analyzeOrder(['a', 'a', 'b']).kept).toBe(3);
  });
});
