import type { ListDocument, Section } from '../model/types.js';
import { entryShape, type EntryShape } from './entry-shape.js';
import { defaultStyle, type StyleSettings } from './style-settings.js';
import { isKept, MIN_ENTRIES, type Strength } from './thresholds.js';

export type FormatAspect = 'separator' | 'firstLetter' | 'ending' | 'bullet';

export interface Convention {
  /** The convention's value: the separator text, 'upper'/'lower', 'period'/'none', the bullet. */
  value: string;
  strength: Strength;
}

export interface EntryFormatStyle {
  shapes: EntryShape[];
  /** The convention that holds where `shape` stands, or undefined when the list keeps none. */
  conventionFor(shape: EntryShape, aspect: FormatAspect): Convention | undefined;
}

/** The value one entry shows for an aspect, or undefined when it shows none. */
export function valueOf(shape: EntryShape, aspect: FormatAspect): string | undefined {
  switch (aspect) {
    case 'separator':
      return shape.separator && shape.described ? shape.separator.text : undefined;
    case 'firstLetter':
      return shape.firstLetter ? (shape.firstLetter.upper ? 'upper' : 'lower') : undefined;
    case 'ending':
      return shape.ending ? (shape.ending.punctuated ? 'period' : 'none') : undefined;
    case 'bullet':
      return shape.bullet?.char;
  }
}

const ASPECTS: FormatAspect[] = ['separator', 'firstLetter', 'ending', 'bullet'];

function forced(settings: StyleSettings, aspect: FormatAspect): string | undefined {
  const v =
    aspect === 'separator' ? settings.separator : aspect === 'firstLetter' ? settings.descriptionCase : aspect === 'ending' ? settings.finalPunctuation : settings.bullet;
  return v === 'auto' ? undefined : v;
}

/**
 * Learns how the list writes its entries, per section and for the whole file: the
 * separator, the description's first letter and final punctuation, the bullet (per
 * nesting depth). A section with at least MIN_ENTRIES entries showing an aspect decides
 * for itself; a smaller one follows the file. One pass to count, one to decide: linear.
 */
export function inferEntryFormat(doc: ListDocument, settings: StyleSettings = defaultStyle): EntryFormatStyle {
  const shapes: EntryShape[] = [];
  for (const entry of doc.entries) {
    const shape = entryShape(doc.source, entry);
    if (shape) shapes.push(shape);
  }
  // Per aspect (and bullet depth): one tally for the file and one per section, keyed by object.
  const tallies = new Map<string, { file: Tally; sections: Map<Section, Tally> }>();
  const groupOf = (shape: EntryShape, aspect: FormatAspect) => {
    const key = aspect === 'bullet' ? `bullet#${shape.depth}` : aspect;
    let group = tallies.get(key);
    if (!group) tallies.set(key, (group = { file: newTally('file'), sections: new Map() }));
    return group;
  };
  for (const shape of shapes) {
    for (const aspect of ASPECTS) {
      const value = valueOf(shape, aspect);
      if (value === undefined) continue;
      const group = groupOf(shape, aspect);
      let section = group.sections.get(shape.entry.section);
      if (!section) group.sections.set(shape.entry.section, (section = newTally('section')));
      for (const tally of [group.file, section]) {
        tally.counts.set(value, (tally.counts.get(value) ?? 0) + 1);
        tally.total++;
      }
    }
  }
  return {
    shapes,
    conventionFor(shape, aspect) {
      const force = forced(settings, aspect);
      if (force === 'off') return undefined;
      if (force !== undefined) return { value: force, strength: { kept: 0, total: 0, scope: 'config' } };
      const group = groupOf(shape, aspect);
      const section = group.sections.get(shape.entry.section);
      return section && section.total >= MIN_ENTRIES ? decide(section) : decide(group.file);
    },
  };
}

interface Tally {
  scope: 'section' | 'file';
  counts: Map<string, number>;
  total: number;
  /** The convention, once decided (null: none). */
  decided?: Convention | null;
}

function newTally(scope: 'section' | 'file'): Tally {
  return { scope, counts: new Map(), total: 0 };
}

/** The dominant value, when it is kept strongly enough. */
function decide(tally: Tally): Convention | undefined {
  if (tally.decided === undefined) {
    let best: [string, number] = ['', 0];
    for (const [value, count] of tally.counts) if (count > best[1]) best = [value, count];
    tally.decided = isKept(best[1], tally.total) ? { value: best[0], strength: { kept: best[1], total: tally.total, scope: tally.scope } } : null;
  }
  return tally.decided ?? undefined;
}
