/**
 * Markdown cut to at most `room` characters at a line break, with `note` (a paragraph)
 * after the cut. A code fence the cut leaves open is closed, so what follows the text
 * (the report's hidden memory) is not shown as code.
 */
export function cutAtLine(text: string, room: number, note: string): string {
  if (text.length <= room) return text;
  const tail = `\n\n${note}`;
  const keep = Math.max(0, room - tail.length - 4);
  const lineEnd = text.lastIndexOf('\n', keep);
  let cut = text.slice(0, lineEnd > 0 ? lineEnd : keep);
  if ((cut.match(/^ {0,3}(```|~~~)/gm) ?? []).length % 2 === 1) cut += '\n```';
  return (cut + tail).slice(0, Math.max(0, room));
}
