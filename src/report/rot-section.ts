import { markdownText } from '../core/format/markdown-text.js';
import { ignoreBoxLine } from './checkboxes.js';
import type { RotItem, RotKind } from './rot-items.js';

/** What the report body lends this section: its code spans, place lists and autolinks. */
export interface RotRenderKit {
  code(text: string): string;
  places(places: RotItem['places']): string;
  autolink(url: string): string | undefined;
}

export const ROT_TITLE = '🕳️ Gone, though they answer';
export const ROT_INTRO =
  '_The link still answers, but what it pointed to is gone: parked or for-sale domains, "not found" pages served with status 200, projects that moved on or went quiet. Check the evidence, then update or remove the link, or tick its box to ignore it._';

const LABELS: Record<RotKind, string> = {
  'parked-domain': 'parked or for-sale domain',
  'soft-404': 'soft 404',
  'looks-like-soft-404': 'looks like a soft 404 (one sign only: check it)',
  'moved-on': 'archived; the project moved on',
  unmaintained: 'no push for years',
};

/** The lines of one item: what it is, the evidence, where it is used, the suggested replacement, the ignore box. */
export function rotItemLines(item: RotItem, kit: RotRenderKit): string[] {
  const status = item.kind === 'parked-domain' || item.kind === 'soft-404' ? (item.confirmed ? ' · dead' : ` · failing${item.failingSince ? ` since ${item.failingSince}` : ''}, not yet confirmed`) : '';
  const lines = [`- ${kit.code(item.url)} — **${LABELS[item.kind]}**${status}`, `  - evidence: ${markdownText(item.evidence, 400)}`, `  - used at ${kit.places(item.places)}`];
  const replacement = item.replacement ? kit.autolink(item.replacement.url) : undefined;
  if (item.replacement && replacement) lines.push(`  - suggested replacement (${item.replacement.why}, check it first): ${replacement}`);
  lines.push(ignoreBoxLine(item.url, '  '));
  return lines;
}
