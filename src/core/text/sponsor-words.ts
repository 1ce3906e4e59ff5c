/**
 * The words that say a text is about sponsors, affiliates or partners, shared by the parser
 * (a sponsor's block holds attributions, not entries) and no-tracking-params (a sponsor's
 * tracking parameters are there on purpose). Whole words only, and not after a negation:
 * "Sponsorship" counts, "SponsorBlock", "Partnership API", "Unaffiliated" and
 * "Non-affiliated" do not.
 */
/** Words that say a heading, a lead-in or a tag value is about sponsors, affiliates or partners. */
export const DECLARING_WORDS: ReadonlyMap<string, string> = new Map([
  ['sponsor', 'sponsored'],
  ['backer', 'sponsored'],
  ['backers', 'sponsored'],
  ['sponsors', 'sponsored'],
  ['sponsored', 'sponsored'],
  ['sponsorship', 'sponsored'],
  ['sponsorships', 'sponsored'],
  ['affiliate', 'affiliate'],
  ['affiliates', 'affiliate'],
  ['affiliated', 'affiliate'],
  ['partner', 'partner'],
  ['partners', 'partner'],
]);

/** A word before a declaring word that negates it ("Not sponsored", "Non-affiliated links"). */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'non', 'not', 'un', 'without']);

/** Lead-in phrases of a sponsor block besides the declaring words ("Special thanks to:" above the sponsors' logos). */
export const LEAD_PHRASES: readonly (readonly string[])[] = [['supported', 'by'], ['brought', 'to', 'you', 'by'], ['supporters'], ['thanks', 'to'], ['special', 'thanks']];

/** Lower-case words of letters (and digits): `Book Deals (Affiliated)` → book, deals, affiliated. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** The declaring word of a text ("affiliated" in "Book Deals (Affiliated)"), undefined when none or negated. */
export function declaringWord(text: string): string | undefined {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    if (DECLARING_WORDS.has(words[i]!) && (i === 0 || !NEGATIONS.has(words[i - 1]!))) return words[i];
  }
  return undefined;
}

export function hasPhrase(words: string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, k) => words[i + k] === word) && (i === 0 || !NEGATIONS.has(words[i - 1]!))) return true;
  }
  return false;
}

/** Whether a text (a heading, a line) declares sponsors, affiliates or partners, or thanks its supporters. */
export function readsAsSponsored(text: string): boolean {
  if (declaringWord(text) !== undefined) return true;
  const words = wordsOf(text);
  return LEAD_PHRASES.some((phrase) => hasPhrase(words, phrase));
}
