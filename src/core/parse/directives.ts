import type { Directive } from '../model/types.js';

const KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;

/**
 * Reads a `<!-- listwarden-disable-next-line rule-a, rule-b -->` comment (the text between
 * `<!--` and `-->`). No rule ids means every rule. A comment spanning several lines
 * applies `disable-next-line` to the line after it ends.
 */
export function parseDirective(comment: string, startLine: number, endLine: number): Directive | undefined {
  const text = comment.trim();
  if (!text.startsWith('listwarden-')) return undefined;
  const rest = text.slice('listwarden-'.length);
  const kind = KINDS.find((k) => rest === k || rest.startsWith(`${k} `) || rest.startsWith(`${k}\n`) || rest.startsWith(`${k}\t`));
  if (!kind) return undefined;
  const rules = rest
    .slice(kind.length)
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r !== '' && r !== '--');
  return { kind, rules, line: kind === 'disable-next-line' ? endLine : startLine };
}

/** The comment text of an html node that is exactly one comment, else undefined. */
export function commentText(html: string): string | undefined {
  const trimmed = html.trim();
  if (!trimmed.startsWith('<!--') || !trimmed.endsWith('-->')) return undefined;
  const inner = trimmed.slice(4, -3);
  return inner.includes('-->') ? undefined : inner;
}
