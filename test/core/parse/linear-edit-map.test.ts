import { describe, it, expect } from '@jest/globals';
import { EditMap } from 'micromark-util-edit-map';
import { consumeFromFirstChange, installLinearEditMap, originalConsume } from '../../../src/core/parse/linear-edit-map.js';
import { parseMarkdownTree } from '../../../src/core/parse/markdown-tree.js';

type Events = Parameters<EditMap['consume']>[0];

/** A small seeded generator, so a failure can be replayed. */
function generator(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('micromark edit map consumed from its first change', () => {
  it('gives the same events as micromark on 2,000 random batches of changes (same index twice, addBefore, removals past the next change)', () => {
    const random = generator(7);
    for (let round = 0; round < 2000; round++) {
      const length = random(40);
      const events = Array.from({ length }, (_, i) => `e${i}`) as unknown as Events;
      const theirs = new EditMap();
      const ours = new EditMap();
      for (let k = random(6); k > 0; k--) {
        const at = random(length + 1);
        const remove = random(4);
        const add = Array.from({ length: random(3) }, (_, i) => `r${round}a${k}.${i}`) as unknown as Events;
        const before = random(3) === 0;
        for (const map of [theirs, ours]) (before ? map.addBefore : map.add).call(map, at, remove, [...add]);
      }
      const expected = [...events];
      originalConsume.call(theirs, expected);
      const actual = [...events];
      consumeFromFirstChange.call(ours as never, actual as never);
      expect({ round, events: actual }).toEqual({ round, events: expected });
    }
  });

  it('is what the parser uses once the Markdown parser is loaded, and the tree is the same as with micromark’s own', () => {
    const text = Array.from({ length: 60 }, (_, i) => `## Tool ${i}\n\n- [GitHub](https://github.com/o/t${i}):\n\n\t\`\`\`\n\tgit clone x\n\t\`\`\`\n- [PyPi](https://pypi.org/project/t${i})\n\n<details><summary>x</summary>\n\n> - quoted ${i}\n\n</details>\n`).join('');
    expect(installLinearEditMap()).toBe(true);
    expect(EditMap.prototype.consume).toBe(consumeFromFirstChange);
    const ours = JSON.stringify(parseMarkdownTree(text, { fastPath: false }));
    EditMap.prototype.consume = originalConsume;
    try {
      expect(JSON.stringify(parseMarkdownTree(text, { fastPath: false }))).toBe(ours);
    } finally {
      EditMap.prototype.consume = consumeFromFirstChange as unknown as typeof originalConsume;
    }
  });
});
