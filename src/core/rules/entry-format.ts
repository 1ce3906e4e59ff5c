import type { Rule, RuleReport } from '../findings/types.js';
import { inferEntryFormat, valueOf, type Convention, type FormatAspect } from '../style/infer-entry-format.js';
import type { EntryShape } from '../style/entry-shape.js';
import { styleSettingsOf } from '../style/style-settings.js';
import { describeStrength } from '../style/thresholds.js';
import { entryLineSpan } from '../style/entry-line-span.js';

/**
 * `entry-format`: an entry written unlike the others of its section (or file): another
 * separator between name and description, a description starting with the other letter
 * case, with or without the final period where the others are not, another bullet.
 * Example: `- [Beta](…): Parses.` among `- [Alpha](…) - Builds.` → `- [Beta](…) - Parses.`
 * Only conventions the list keeps (or the config forces) are checked.
 */
export const entryFormat: Rule = {
  meta: {
    id: 'entry-format',
    defaultSeverity: 'warning',
    description: 'Entries written unlike the rest of their section: separator, first letter, final period, bullet.',
    fixable: true,
  },
  check({ doc, config }) {
    const style = inferEntryFormat(doc, styleSettingsOf(config));
    const reports: RuleReport[] = [];
    for (const shape of style.shapes) {
      for (const aspect of ['bullet', 'separator', 'firstLetter', 'ending'] as FormatAspect[]) {
        const convention = style.conventionFor(shape, aspect);
        const value = valueOf(shape, aspect);
        if (!convention || value === undefined || value === convention.value) continue;
        const report = reportFor(doc.source, shape, aspect, value, convention);
        if (report) reports.push(report);
      }
    }
    return reports;
  },
};

function evidence(c: Convention, what: string): string {
  return c.strength.scope === 'config' ? `the config asks for ${what}` : `${what}: ${describeStrength(c.strength)}`;
}

function show(separator: string): string {
  return separator === '' ? 'no separator' : `"${separator}"`;
}

function reportFor(source: string, shape: EntryShape, aspect: FormatAspect, value: string, c: Convention): RuleReport | undefined {
  const name = shape.entry.name;
  switch (aspect) {
    case 'bullet': {
      const b = shape.bullet!;
      return {
        message: `"${name}" uses the bullet "${value}" (${evidence(c, `the list uses "${c.value}"`)}) — write "${c.value}"`,
        span: entryLineSpan(source, shape.entry),
        suggestion: c.value,
        fix: { edits: [{ start: b.offset, end: b.offset + 1, text: c.value }], certain: true },
      };
    }
    case 'separator': {
      const s = shape.separator!;
      // A forced separator is written with its own spacing; a learned one as the list writes it.
      return {
        message: `"${name}" separates name and description with ${show(value)} (${evidence(c, `entries use ${show(c.value)}`)}) — write ${show(c.value)}`,
        span: entryLineSpan(source, shape.entry),
        suggestion: c.value,
        fix: { edits: [{ start: s.start, end: s.end, text: c.value === '' ? ' ' : c.value }], certain: true },
      };
    }
    case 'firstLetter': {
      const at = shape.firstLetter!.offset;
      const letter = String.fromCodePoint(source.codePointAt(at)!);
      const wanted = c.value === 'upper' ? letter.toUpperCase() : letter.toLowerCase();
      return {
        message: `The description of "${name}" starts with a${c.value === 'upper' ? ' lowercase' : 'n uppercase'} letter (${evidence(c, `descriptions start ${c.value === 'upper' ? 'capitalised' : 'in lowercase'}`)}) — write "${wanted}"`,
        span: entryLineSpan(source, shape.entry),
        suggestion: wanted,
        // A word may be a name written in lowercase on purpose ("npm"): suggested, not applied.
        fix: { edits: [{ start: at, end: at + letter.length, text: wanted }], certain: false },
      };
    }
    case 'ending': {
      const e = shape.ending!;
      if (c.value === 'period') {
        // After a code span, a link or emphasis the period still goes at the very end.
        return {
          message: `The description of "${name}" does not end with a period (${evidence(c, 'descriptions end with a period')}) — add one`,
          span: entryLineSpan(source, shape.entry),
          suggestion: '.',
          fix: { edits: [{ start: e.end, end: e.end, text: '.' }], certain: /[\p{L}\p{N})`*_]/u.test(e.char) },
        };
      }
      // "etc." and an ellipsis are not a sentence's final period.
      if (e.char !== '.' || /(?:\betc|\.\.)\.$/u.test(source.slice(Math.max(0, e.end - 4), e.end))) return undefined;
      return {
        message: `The description of "${name}" ends with a period (${evidence(c, 'descriptions end without one')}) — remove it`,
        span: entryLineSpan(source, shape.entry),
        fix: { edits: [{ start: e.end - 1, end: e.end, text: '' }], certain: true },
      };
    }
  }
}
