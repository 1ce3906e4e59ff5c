import { describe, it, expect, jest, beforeEach, afterEach } from '@jest/globals';
import type { Root } from 'mdast';

// The fast path can be turned off (for comparisons, and as a way out should it ever be
// wrong): by option, and everywhere through LISTWARDEN_FAST_PARSE=off.

const fastCalls: string[] = [];
jest.unstable_mockModule('../../../src/core/parse/fast-markdown-tree.js', () => ({
  parseWithFastBlocks: (source: string, parse: (text: string) => Root) => {
    fastCalls.push(source);
    return parse(source);
  },
}));
const { parseMarkdownTree } = await import('../../../src/core/parse/markdown-tree.js');

const text = '## Tools\n\n- [Alpha](https://alpha.dev) - First.\n';

describe('turning the fast path off', () => {
  beforeEach(() => {
    fastCalls.length = 0;
    delete process.env.LISTWARDEN_FAST_PARSE;
  });
  afterEach(() => {
    delete process.env.LISTWARDEN_FAST_PARSE;
  });

  it('is on by default', () => {
    parseMarkdownTree(text);
    expect(fastCalls).toEqual([text]);
  });

  it('is off with { fastPath: false }', () => {
    const tree = parseMarkdownTree(text, { fastPath: false });
    expect(fastCalls).toEqual([]);
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'list']);
  });

  it('is off everywhere with LISTWARDEN_FAST_PARSE=off, unless an option asks for it', () => {
    process.env.LISTWARDEN_FAST_PARSE = 'off';
    parseMarkdownTree(text);
    expect(fastCalls).toEqual([]);
    parseMarkdownTree(text, { fastPath: true });
    expect(fastCalls).toEqual([text]);
  });
});
