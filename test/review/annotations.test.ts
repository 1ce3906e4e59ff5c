import { describe, it, expect } from '@jest/globals';
import { checkSource } from '../../src/core/check-source.js';
import { batches, clipMessage, MAX_ANNOTATION_MESSAGE, toAnnotations } from '../../src/review/annotations.js';
import { ruleDocUrl } from '../../src/core/format/rule-docs.js';
import { finding } from './lists.js';

describe('clipMessage', () => {
  it('keeps a message of exactly the cap, cuts one a character over it with an ellipsis', () => {
    expect(clipMessage('m'.repeat(MAX_ANNOTATION_MESSAGE))).toBe('m'.repeat(MAX_ANNOTATION_MESSAGE));
    const over = clipMessage('m'.repeat(MAX_ANNOTATION_MESSAGE + 1));
    expect(over).toHaveLength(MAX_ANNOTATION_MESSAGE);
    expect(over.endsWith('m…')).toBe(true);
    expect(clipMessage('m'.repeat(MAX_ANNOTATION_MESSAGE - 1))).toHaveLength(MAX_ANNOTATION_MESSAGE - 1);
  });

  it('never cuts a surrogate pair in two', () => {
    const clipped = clipMessage('a' + '😀'.repeat(10), 4);
    expect(clipped).toBe('a😀…');
    expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('toAnnotations', () => {
  it('a message of 100 KB reaches the check run cut to the cap, with the documentation link intact', () => {
    const [a] = toAnnotations([finding({ line: 1, message: 'x'.repeat(100_000) })]);
    expect(a!.message.length).toBeLessThan(MAX_ANNOTATION_MESSAGE + 200);
    expect(a!.message).toMatch(/x…\n\nRule documentation: https:/);
  });

  it('maps severities to levels, the rule id to the title, and links the rule documentation', () => {
    const a = toAnnotations([
      finding({ line: 1, severity: 'error' }),
      finding({ line: 2, severity: 'warning' }),
      finding({ line: 3, severity: 'info' }),
    ]);
    expect(a.map((x) => x.annotation_level)).toEqual(['failure', 'warning', 'notice']);
    expect(a[0]).toEqual({
      path: 'README.md',
      start_line: 1,
      end_line: 1,
      start_column: 3,
      end_column: 7,
      annotation_level: 'failure',
      title: 'no-empty-link',
      message: `Link has no text — add a name readers can see\n\nRule documentation: ${ruleDocUrl('no-empty-link')}`,
    });
  });

  it('gives columns only for a span on one line', () => {
    const [multi, wholeLines] = toAnnotations([
      finding({ line: 9, endLine: 12, column: 3, endColumn: 8 }),
      finding({ line: 4, endLine: 5, column: 1, endColumn: 1 }),
    ]);
    expect(multi).toMatchObject({ start_line: 9, end_line: 12 });
    expect(multi!.start_column).toBeUndefined();
    expect(multi!.end_column).toBeUndefined();
    // Ends at column 1 of line 5: it covers line 4 only, but still spans two lines in columns.
    expect(wholeLines).toMatchObject({ start_line: 4, end_line: 4 });
    expect(wholeLines!.start_column).toBeUndefined();
  });

  it('annotates real findings with the columns of the misspelled name', () => {
    const md = '# Awesome\n\n- [Gitleak](https://gitleaks.io/) - Secrets.\n';
    const [a] = toAnnotations(checkSource('./README.md', md).findings);
    expect(a).toMatchObject({ path: 'README.md', start_line: 3, end_line: 3, start_column: 4, end_column: 10, title: 'tool-name-spelling' });
    expect(md.split('\n')[2]!.slice(a!.start_column! - 1, a!.end_column)).toBe('Gitleak');
  });

  it('a zero-width span gets the same start and end column', () => {
    const [a] = toAnnotations([finding({ line: 2, column: 4, endColumn: 4 })]);
    expect([a!.start_column, a!.end_column]).toEqual([4, 4]);
  });
});

describe('batches', () => {
  it('120 annotations go out as 50, 50 and 20', () => {
    const annotations = toAnnotations(Array.from({ length: 120 }, (_, i) => finding({ line: i + 1 })));
    const groups = batches(annotations);
    expect(groups.map((g) => g.length)).toEqual([50, 50, 20]);
    expect(groups.flat()).toEqual(annotations);
  });

  it('handles empty input, exact multiples and other sizes; refuses sizes below 1', () => {
    expect(batches([])).toEqual([]);
    expect(batches([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
    expect(batches([1, 2, 3], 5)).toEqual([[1, 2, 3]]);
    expect(() => batches([1], 0)).toThrow(RangeError);
  });
});
