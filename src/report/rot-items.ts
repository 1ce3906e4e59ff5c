import type { Finding } from '../core/findings/types.js';
import type { UrlOutcome } from '../links/check-urls.js';

/**
 * Rot that answers 200, for the report's own section: parked and for-sale domains, soft
 * 404s (dead when two signs agree, "looks like" with one), archived projects that name a
 * successor, and repositories nobody pushes to. Each with the evidence a maintainer can check.
 */
export type RotKind = 'parked-domain' | 'soft-404' | 'looks-like-soft-404' | 'moved-on' | 'unmaintained';

export interface RotItem {
  url: string;
  kind: RotKind;
  /** What shows it, in a sentence or a few clauses (from the page, the redirects or the repository). */
  evidence: string;
  places: { file: string; line: number }[];
  /** Dead in enough runs over enough days (parked and soft-404 only). */
  confirmed?: boolean;
  failingSince?: string;
  replacement?: { url: string; why: 'archived copy' | 'successor the project names' };
}

const PREFIXES = ['a parked or for-sale domain: ', 'a soft 404 (answers 200, but the page is gone): ', 'looks like a soft 404: '];

/** The evidence part of a parked or soft-404 reason. */
export function rotEvidence(reason: string): string {
  const prefix = PREFIXES.find((p) => reason.startsWith(p));
  return prefix ? reason.slice(prefix.length) : reason;
}

/** The order of the section: what is gone first, then what looks gone, then what moved on or went quiet. */
export const ROT_ORDER: readonly RotKind[] = ['parked-domain', 'soft-404', 'looks-like-soft-404', 'moved-on', 'unmaintained'];

/** Links of the rot section that are dead (confirmed) and failing (not yet), for the trend. */
export function rotDeadCounts(items: readonly RotItem[] | undefined): { dead: number; failing: number } {
  const gone = (items ?? []).filter((i) => i.kind === 'parked-domain' || i.kind === 'soft-404');
  return { dead: gone.filter((i) => i.confirmed).length, failing: gone.filter((i) => !i.confirmed).length };
}

/** The rot kind of a link finding, or undefined when it is ordinary (a 404, a bot wall, a plain archived repository). */
export function rotKindOf(finding: Finding, outcome: UrlOutcome | undefined): RotKind | undefined {
  const cause = outcome?.result.cause;
  if (finding.ruleId === 'no-dead-link' && cause === 'parked-domain') return 'parked-domain';
  if (finding.ruleId === 'no-dead-link' && cause === 'soft-404') return 'soft-404';
  if (finding.ruleId === 'link-unverifiable' && cause === 'soft-404') return 'looks-like-soft-404';
  if (finding.ruleId === 'no-archived-repo' && outcome?.repo?.successor) return 'moved-on';
  if (finding.ruleId === 'repo-unmaintained') return 'unmaintained';
  return undefined;
}

/** The item for a finding of that kind (its first place; later places are added by the caller). */
export function rotItem(kind: RotKind, url: string, finding: Finding, outcome: UrlOutcome | undefined): RotItem {
  const base = { url, kind, places: [] as { file: string; line: number }[] };
  switch (kind) {
    case 'moved-on': {
      const successor = outcome!.repo!.successor!;
      return {
        ...base,
        evidence: `${outcome!.repo!.nameWithOwner ?? url} is archived; its ${successor.source} says "${successor.evidence}"`,
        ...(successor.url ? { replacement: { url: successor.url, why: 'successor the project names' as const } } : {}),
      };
    }
    case 'unmaintained': {
      const pushed = outcome?.repo?.pushedAt?.slice(0, 10);
      return { ...base, evidence: pushed ? `last push ${pushed}` : finding.message };
    }
    default:
      return { ...base, evidence: rotEvidence(outcome?.result.reason ?? finding.message) };
  }
}
