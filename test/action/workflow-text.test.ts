import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { logText } from '../../src/action/workflow-text.js';

describe('logText', () => {
  it('keeps a log line on one line: line breaks and escapes shown, never acted on', () => {
    expect(logText('a\n::error::x\r\nb')).toBe('a\\n::error::x\\r\\nb');
    expect(logText('colour \u001b[31mred')).toBe('colour \\x1B[31mred');
  });

  it('a line that would start a workflow command gets its first character encoded', () => {
    expect(logText('::error file=a::x')).toBe('%3A:error file=a::x');
    expect(logText('  ::add-mask::x')).toBe('  %3A:add-mask::x');
    expect(logText('##[error]x')).toBe('%23#[error]x');
    expect(logText('listwarden: ::error::x')).toBe('listwarden: ::error::x');
    expect(logText(': :x')).toBe(': :x');
  });

  it('property: no text becomes a line the runner reads as a command', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('::', '##[', '\n', '\r', ' ', '\t', 'error', 'x', '%', ':'), { maxLength: 20 }), (parts) => {
        const line = logText(parts.join(''));
        expect(line.split(/\r?\n|\r/)).toHaveLength(1);
        expect(line).not.toMatch(/^\s*(::|##\[)/);
      }),
      { numRuns: 2000 },
    );
  });
});
