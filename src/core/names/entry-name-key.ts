import { normalizeName } from './tool-registry.js';

/** Parenthesised asides: "MITRE ATLAS™ (Adversarial Threat Landscape…)" → "MITRE ATLAS™". */
const PARENTHETICAL = /\s*[([][^()[\]]*[)\]]/g;

/**
 * The forms an entry name is compared by: the name folded as tool names are (case,
 * spacing, punctuation and accents never count), and the same without parenthesised
 * asides. Empty forms are left out.
 */
export function entryNameKeys(name: string): string[] {
  const keys = new Set<string>();
  const whole = normalizeName(name);
  if (whole !== '') keys.add(whole);
  const bare = normalizeName(name.replace(PARENTHETICAL, ' '));
  if (bare !== '') keys.add(bare);
  return [...keys];
}

/** Whether two entry names are the same name written differently ("OpenPubKey" / "Openpubkey"). */
export function sameEntryName(a: string, b: string): boolean {
  const keysB = entryNameKeys(b);
  return entryNameKeys(a).some((key) => keysB.includes(key));
}
