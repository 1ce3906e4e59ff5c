import type { Link, Span } from '../model/types.js';

/** The span of a link's text when it is written plainly (so a fix can replace it). */
export function nameSpanOf(source: string, link: Link): Span | undefined {
  if (!link.textSpan) return undefined;
  const raw = source.slice(link.textSpan.start.offset, link.textSpan.end.offset);
  return raw === link.text.trim() ? link.textSpan : undefined;
}
