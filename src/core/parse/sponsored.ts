/**
 * Words that mark a block or section as a sponsor's, a partner's or a thank-you: its links
 * are the sponsor's attribution (often with tracking parameters on purpose), not entries of
 * the list.
 */
const SPONSORED = /\b(?:sponsor(?:s|ed|ship|ships)?|backers?|supporters?|partners?|affiliat(?:e|ed|es)|special thanks|thanks to|supported by|brought to you by)\b/i;

export function readsAsSponsored(text: string): boolean {
  return SPONSORED.test(text);
}
