import { it, expect } from '@jest/globals';
import type { Rule } from '../../src/core/findings/types.js';
import { checkText } from './check-text.js';
import { corpusLists } from './shared-files.js';

/** A test that the rules give at most `max` findings on each real list (skipped without ../shared). */
export function itStaysWithinBoundsOnCorpus(rules: Rule[], max: number): void {
  const lists = corpusLists();
  (lists.length > 0 ? it : it.skip)(`gives at most ${max} findings on each real list`, () => {
    for (const [name, text] of lists) {
      const findings = checkText(text, rules);
      expect({ name, count: findings.length, withinBound: findings.length <= max }).toEqual({ name, count: findings.length, withinBound: true });
    }
  });
}
