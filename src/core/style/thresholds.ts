/** A convention is the list's own only when at least this many entries could show it… */
export const MIN_ENTRIES = 5;
/** …and at least this share of them keep it. */
export const MIN_SHARE = 0.9;

/** Whether `kept` of `total` is strong enough to call a convention the list's own. */
export function isKept(kept: number, total: number): boolean {
  // The epsilon keeps a product such as 0.9 × total, rounded up in floating point, from missing an exact 90%.
  return total >= MIN_ENTRIES && kept >= MIN_SHARE * total - 1e-9;
}

/** How strong a convention is, for messages: "41 of 41 entries". */
export interface Strength {
  kept: number;
  total: number;
  /** Where it was learned: one section, the whole file, or the config file. */
  scope: 'section' | 'file' | 'config' | 'table';
}

export function describeStrength(s: Strength, noun = 'entries'): string {
  if (s.scope === 'config') return 'set in .github/listwarden.yml';
  const where = s.scope === 'section' ? 'in this section' : s.scope === 'table' ? 'in this table' : 'in this file';
  return `${s.kept} of ${s.total} ${noun} ${where}`;
}
