/**
 * Text from findings (names and URLs from the list, which a fork's author controls) made
 * safe to place inline in a comment: one line, no raw HTML (which could close our
 * <details> or fake our hidden markers), no @mentions that would notify someone, and no
 * `|` that would split a table cell. Inline code spans are kept as written.
 */
export function inlineText(text: string, maxLength = 1000): string {
  let oneLine = text.replace(/\s+/g, (run) => (run.includes('\n') || run.includes('\r') ? ' ' : run));
  if (oneLine.length > maxLength) oneLine = oneLine.slice(0, maxLength - 1) + '…';
  return oneLine
    .split(/(`[^`]*`)/)
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/\|/g, '\\|');
      return part
        .replace(/&(?=[#A-Za-z0-9]+;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/(^|[^\w.`/-])@(?=[A-Za-z0-9])/g, '$1@&#8203;');
    })
    .join('');
}
