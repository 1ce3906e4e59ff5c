import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { parseWithFastBlocks } from './fast-markdown-tree.js';
import { installLinearEditMap } from './linear-edit-map.js';

// micromark's batch edits copy every event each time a list closes: see linear-edit-map.ts.
installLinearEditMap();

const processor = unified().use(remarkParse).use(remarkGfm);
const parseFully = (source: string): Root => processor.parse(source);

export interface ParseTreeOptions {
  /**
   * Take simple list runs by the verified fast path (the tree is the same; default true).
   * `LISTWARDEN_FAST_PARSE=off` in the environment turns it off everywhere.
   */
  fastPath?: boolean;
}

/** Parses Markdown (CommonMark + GFM) into an mdast tree with positions. */
export function parseMarkdownTree(source: string, options: ParseTreeOptions = {}): Root {
  const fast = options.fastPath ?? (typeof process === 'undefined' || process.env.LISTWARDEN_FAST_PARSE !== 'off');
  return fast ? parseWithFastBlocks(source, parseFully) : parseFully(source);
}
