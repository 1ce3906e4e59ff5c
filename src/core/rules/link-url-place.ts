import type { Link, ListDocument, Span } from '../model/types.js';
import { LineIndex } from '../parse/line-index.js';

/**
 * Where the URL is written. Reference links keep their URL in the definition: it is found
 * as the one definition line (`[label]: url`) whose destination is exactly the link's URL,
 * so all references to it give one report at the definition.
 */
export function urlPlace(doc: ListDocument, link: Link): { span: Span } | undefined {
  if (link.urlSpan) return { span: link.urlSpan };
  if (link.syntax === 'markdown' && link.isImage) return imageUrlPlace(doc, link);
  if (link.syntax !== 'reference') return undefined;
  const found: Span[] = [];
  let lines: LineIndex | undefined;
  const definition = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)/gm;
  for (const match of doc.source.matchAll(definition)) {
    const written = match[1]!;
    const bare = written.startsWith('<') ? written.slice(1, -1) : written;
    if (bare !== link.url) continue;
    const start = match.index + match[0].length - written.length + (written.startsWith('<') ? 1 : 0);
    lines ??= new LineIndex(doc.source);
    found.push(lines.span(start, start + bare.length));
  }
  return found.length === 1 ? { span: found[0]! } : undefined;
}

/** The destination of `![alt](url "title")`, which the model does not locate for images. */
function imageUrlPlace(doc: ListDocument, link: Link): { span: Span } | undefined {
  const start = link.span.start.offset;
  const raw = doc.source.slice(start, link.span.end.offset);
  if (!raw.startsWith('![') || !raw.endsWith(')')) return undefined;
  let depth = 0;
  let i = 1;
  for (; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) break;
  }
  if (raw[i + 1] !== '(') return undefined;
  let from = i + 2;
  while (raw[from] === ' ' || raw[from] === '\t' || raw[from] === '\n') from++;
  let to = from;
  if (raw[from] === '<') {
    from++;
    to = raw.indexOf('>', from);
    if (to < 0) return undefined;
  } else {
    while (to < raw.length - 1 && !/\s/.test(raw[to]!)) to++;
  }
  const lines = new LineIndex(doc.source);
  return { span: lines.span(start + from, start + to) };
}
