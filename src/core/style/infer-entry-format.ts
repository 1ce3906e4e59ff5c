import type { ListDocument } from '../model/types.js';
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
      return shape.separator && shape.ending ? shape.separator.text : undefined;
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
  const tallies = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const keysOf = (shape: EntryShape, aspect: FormatAspect): [string, string] => {
    const depth = aspect === 'bullet' ? `#${shape.depth}` : '';
    return [`${aspect}${depth}|s|${shape.entry.section.id}`, `${aspect}${depth}|f`];
  };
  for (const shape of shapes) {
    for (const aspect of ASPECTS) {
      const value = valueOf(shape, aspect);
      if (value === undefined) continue;
      for (const key of keysOf(shape, aspect)) {
        let tally = tallies.get(key);
        if (!tally) tallies.set(key, (tally = new Map()));
        tally.set(value, (tally.get(value) ?? 0) + 1);
        totals.set(key, (totals.get(key) ?? 0) + 1);
      }
    }
  }
  const decided = new Map<string, Convention | undefined>();
  const decide = (key: string, scope: 'section' | 'file'): Convention | undefined => {
    if (decided.has(key)) return decided.get(key);
    const tally = tallies.get(key);
    let result: Convention | undefined;
    if (tally) {
      let total = 0;
      let best: [string, number] = ['', 0];
      for (const [value, count] of tally) {
        total += count;
        if (count > best[1]) best = [value, count];
      }
      if (isKept(best[1], total)) result = { value: best[0], strength: { kept: best[1], total, scope } };
    }
    decided.set(key, result);
    return result;
  };
  return {
    shapes,
    conventionFor(shape, aspect) {
      const force = forced(settings, aspect);
      if (force === 'off') return undefined;
      if (force !== undefined) return { value: force, strength: { kept: 0, total: 0, scope: 'config' } };
      const [sectionKey, fileKey] = keysOf(shape, aspect);
      return (totals.get(sectionKey) ?? 0) >= MIN_ENTRIES ? decide(sectionKey, 'section') : decide(fileKey, 'file');
    },
  };
}
