/**
 * The guard before the Markdown parser: texts whose inline runs would make micromark do
 * quadratic work are refused with a clear finding, before it runs; real lists never are.
 * No clock: the bound is a count, asserted as one.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSource } from '../../../src/core/check-source.js';
import { main } from '../../../src/cli/main.js';
import { TOO_SLOW } from '../../../src/core/parse/inspect-input.js';
import { PARSE_WORK_FLOOR, PARSE_WORK_PER_CHAR, parseWork, parseWorkAllowed } from '../../../src/core/parse/parse-work.js';

const HEAD = '# Awesome\n\n## Tools\n\n- [Tool](https://tool.example/) - A tool.\n';

/** A real-looking list of about `size` characters: entries, sections, a table, a code block. */
function realList(size: number): string {
  const parts = [HEAD];
  let length = HEAD.length;
  for (let i = 0; length < size; i++) {
    const part =
      i % 50 === 0
        ? `\n## Section ${i}\n\n| Name | Link |\n| --- | --- |\n| [A${i}](https://a${i}.example/) | [docs](https://a${i}.example/docs) |\n\n\`\`\`sh\nnpm i [pkg](x) [${i}]\n\`\`\`\n\n`
        : `- [Tool ${i}](https://tool${i}.example/path_(x)) - A *useful* tool for \`things\` ([docs](https://docs${i}.example/)). ![badge](https://img.example/${i}.svg)\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

describe('parseWork', () => {
  it('a real list of 1 MB stays far below its bound', () => {
    const list = realList(1_000_000);
    const { work } = parseWork(list);
    expect(work / list.length).toBeLessThan(PARSE_WORK_PER_CHAR / 2);
    expect(parseWorkAllowed(list)).toBe(true);
  });

  it('the bound is exact: work at the limit is allowed, one more is not', () => {
    const small = 'x'.repeat(10);
    expect(parseWorkAllowed(small, { work: PARSE_WORK_FLOOR, worstOffset: 0 })).toBe(true);
    expect(parseWorkAllowed(small, { work: PARSE_WORK_FLOOR + 1, worstOffset: 0 })).toBe(false);
    const big = 'x'.repeat(1_000_000);
    expect(parseWorkAllowed(big, { work: PARSE_WORK_PER_CHAR * big.length, worstOffset: 0 })).toBe(true);
    expect(parseWorkAllowed(big, { work: PARSE_WORK_PER_CHAR * big.length + 1, worstOffset: 0 })).toBe(false);
  });

  it('counts `]` walking back to the nearest `[` within one run of text, not across blocks', () => {
    // One run: 2 specials × 8 characters (the line and its end), and the `]` walks back over 2 (from `[`).
    expect(parseWork('a[b]cde\n').work).toBe(2 * 8 + 2);
    // A blank line, a list item and a fence each end the run: the `]` below walks from its own line.
    expect(parseWork('[xxxxxxxx\n\n]').work).toBe(parseWork('[xxxxxxxx').work + parseWork(']').work);
    expect(parseWork('```\n]]]]]]]]]]\n```\n').work).toBe(0);
  });

  it('quadratic shapes grow with the square of their length; spread over lines, linearly', () => {
    const line = (n: number) => `- ftp://example.com/${']x'.repeat(n)}\n`;
    expect(parseWork(line(4000)).work / parseWork(line(1000)).work).toBeGreaterThan(15);
    const lines = (n: number) => `- [a](https://a.example/) x\n`.repeat(n);
    expect(parseWork(lines(4000)).work / parseWork(lines(1000)).work).toBeCloseTo(4, 1);
  });
});

describe('a hostile list is refused before the parser runs', () => {
  it.each([
    ['60,000 `]` and `x` after ftp://', `${HEAD}- ftp://example.com/${']x'.repeat(30_000)}\n`],
    ['`[a](` repeated', `${HEAD}- ${'[a]('.repeat(30_000)}\n`],
  ])('%s: one unreadable-input finding "Too large or too slow to check" at the line', (_, source) => {
    const { findings } = checkSource('README.md', source);
    expect(findings.map((f) => [f.ruleId, f.span.start.line, f.span.start.column])).toEqual([['unreadable-input', 6, 1]]);
    expect(findings[0]!.message.startsWith(`${TOO_SLOW}: `)).toBe(true);
  });

  it('the CLI prints it as file:line:column and exits with an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'listwarden-parse-work-'));
    writeFileSync(join(dir, 'README.md'), `${HEAD}- ftp://example.com/${']x'.repeat(30_000)}\n`);
    let out = '';
    const code = await main(['check', 'README.md', '--offline'], { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: dir });
    expect(out).toMatch(/README\.md:6:1 +error +unreadable-input +Too large or too slow to check: /);
    expect(code).not.toBe(0);
  });
});
