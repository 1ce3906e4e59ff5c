import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parses Markdown (CommonMark + GFM) into an mdast tree with positions. */
export function parseMarkdownTree(source: string): Root {
  return processor.parse(source);
}
