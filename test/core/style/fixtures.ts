/** Builders for small lists of our own, for the house-style tests. */

const NAMES = ['Acorn', 'Bramble', 'Clover', 'Daisy', 'Fern', 'Heather', 'Ivy', 'Juniper', 'Lupin', 'Moss', 'Nettle', 'Orchid', 'Primrose', 'Rowan', 'Sorrel', 'Thistle', 'Violet', 'Willow', 'Yarrow', 'Zinnia'];

export function names(n: number): string[] {
  if (n > NAMES.length) throw new Error('not enough names');
  return NAMES.slice(0, n);
}

export interface EntryOptions {
  separator?: string;
  description?: string;
  bullet?: string;
}

export function entryLine(name: string, o: EntryOptions = {}): string {
  const description = o.description ?? `Grows ${name.toLowerCase()} in small gardens.`;
  return `${o.bullet ?? '-'} [${name}](https://${name.toLowerCase().replace(/ /g, '-')}.example)${o.separator ?? ' - '}${description}`;
}

/** A one-section list; `lines` are entry lines. */
export function list(lines: string[], title = 'Plants'): string {
  return `# Garden\n\n## ${title}\n\n${lines.join('\n')}\n`;
}
