import { describe, it, expect } from '@jest/globals';
import { unpairedTags } from '../../../src/core/rules/unpaired-tags.js';

describe('unpairedTags', () => {
  it('pairs each end with the latest start before it and returns the leftovers in order', () => {
    // <a>1 <a>2 </a>3 </a>4 </a>5 <a>6  → 5 is a lone end, 6 a lone start
    expect(unpairedTags([1, 2, 6], [3, 4, 5])).toEqual({ starts: [6], ends: [5] });
    // </a>0 <a>1 </a>2 <a>3 <a>4 </a>5 → 0 is lone, 3 is left open
    expect(unpairedTags([1, 3, 4], [0, 2, 5])).toEqual({ starts: [3], ends: [0] });
  });

  it('keeps everything when nothing pairs, and nothing when all pair', () => {
    expect(unpairedTags([5, 6], [1, 2])).toEqual({ starts: [5, 6], ends: [1, 2] });
    expect(unpairedTags([1, 3], [2, 4])).toEqual({ starts: [], ends: [] });
    expect(unpairedTags([], [])).toEqual({ starts: [], ends: [] });
  });
});
