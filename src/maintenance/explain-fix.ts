import type { Finding } from '../core/findings/types.js';
import { urlForMarkdown } from '../core/fixes/url-for-markdown.js';
import type { UrlOutcome } from '../links/check-urls.js';
import { requestUrl } from '../links/collect-links.js';
import type { ProbeResult } from '../links/types.js';
import type { LinkEvidence } from '../use-cases/check-lists.js';

/** Why a certain fix was made, and what shows it is right: for a maintainer deciding whether to merge. */
export interface FixExplanation {
  /** What was done, e.g. "link updated to where it permanently redirects". */
  reason: string;
  /** What shows it is right: status codes, the redirect chain, the GitHub API's answer, the archived copy. */
  evidence: string;
}

/** Marks a dead-link fix the maintenance run made certain (see dead-link-fixes.ts). */
export interface DeadLinkAction {
  action: 'archive' | 'remove';
  archivedCopy?: string;
}

/** The link checker's outcome for a finding's URL, when the run has one. */
export function outcomeFor(finding: Finding, evidence: LinkEvidence | undefined): UrlOutcome | undefined {
  const url = typeof finding.data?.url === 'string' ? finding.data.url : undefined;
  const key = url ? requestUrl(url) : undefined;
  return key ? evidence?.run.outcomes.get(key) : undefined;
}

/** "301 → https://b, 308 → https://c, which answered 200" (each URL as a fix would write it: nothing in it reads as Markdown). */
export function redirectChain(result: ProbeResult): string {
  const hops = result.redirects.map((hop, i) => `${hop.status} → ${urlForMarkdown(result.redirects[i + 1]?.url ?? result.finalUrl)}`);
  const answer = result.status !== undefined ? `, which answered ${result.status}` : '';
  return `${hops.join(', ')}${answer}`;
}

/** "404 Not Found; failing since 2024-05-01, 3 runs in a row". */
export function failureEvidence(outcome: UrlOutcome): string {
  const { result, memory } = outcome;
  const status = result.status !== undefined && !result.reason.includes(String(result.status)) ? `${result.status} ` : '';
  const streak = memory?.firstFailureAt ? `; failing since ${memory.firstFailureAt.slice(0, 10)}, ${memory.failureStreak} run${memory.failureStreak === 1 ? '' : 's'} in a row` : '';
  return `${status}${result.reason}${streak}`;
}

/** The "what is wrong" half of a finding's message ("what is wrong — what to do"). */
function whatIsWrong(message: string): string {
  const cut = message.indexOf(' — ');
  return cut < 0 ? message : message.slice(0, cut);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The reason and evidence for one applied fix. Link fixes cite what the link checks saw
 * (status codes, redirect chain, GitHub API answer, archived copy); static fixes cite what
 * the rule found in the text.
 */
export function explainFix(finding: Finding, evidence: LinkEvidence | undefined): FixExplanation {
  const what = whatIsWrong(finding.message);
  const outcome = outcomeFor(finding, evidence);
  const data = finding.data ?? {};
  switch (finding.ruleId) {
    case 'no-redirect': {
      if (outcome?.repo?.state === 'renamed') {
        const name = outcome.repo.nameWithOwner ?? outcome.result.finalUrl;
        return { reason: `link updated to the repository's new name (${name})`, evidence: `GitHub API: renamed to ${name}${outcome.repo.isArchived ? ' (archived)' : ''}` };
      }
      if (outcome) return { reason: `link updated to where it permanently redirects (${urlForMarkdown(outcome.result.finalUrl)})`, evidence: redirectChain(outcome.result) };
      return { reason: 'link updated to where it permanently redirects', evidence: what };
    }
    case 'prefer-https': {
      const https = outcome?.https;
      if (https) return { reason: 'http:// link switched to https://', evidence: `${https.url} answered ${https.status ?? https.reason} on the same site` };
      return { reason: 'http:// link switched to https://', evidence: what };
    }
    case 'no-dead-link': {
      const dead = data.maintenance as DeadLinkAction | undefined;
      const failing = outcome ? failureEvidence(outcome) : what;
      if (dead?.action === 'remove') {
        return { reason: 'entry removed: its link is dead and no archived copy exists (maintenance.deadLinks: archive-or-remove)', evidence: `${failing}; no archived copy found` };
      }
      const copy = dead?.archivedCopy ?? (typeof finding.suggestion === 'string' ? finding.suggestion : undefined);
      return { reason: 'dead link replaced by its archived copy', evidence: `${failing}; archived copy ${copy ?? 'found'}` };
    }
    case 'no-tracking-params': {
      const removed = stringList(data.removed);
      const names = removed.length > 0 ? removed.join(', ') : 'tracking parameters';
      return { reason: `tracking parameter${removed.length === 1 ? '' : 's'} removed`, evidence: `${names} only tell${removed.length === 1 ? 's' : ''} the site where the click came from; the rest of the URL is unchanged` };
    }
    case 'tool-name-spelling': {
      const canonical = typeof data.canonical === 'string' ? data.canonical : undefined;
      return { reason: canonical ? `tool name written as its project writes it ("${canonical}")` : 'tool name spelling fixed', evidence: what };
    }
    case 'table-rowspan': {
      const suggested = data.suggested;
      return { reason: suggested !== undefined ? `rowspan set to ${String(suggested)}` : 'rowspan corrected', evidence: what };
    }
    case 'table-empty-row':
      return { reason: 'empty table row removed', evidence: what };
    case 'html-unclosed-tag': {
      const tag = typeof data.tag === 'string' ? data.tag : undefined;
      return { reason: tag ? `missing </${tag}> added` : 'unclosed tag closed', evidence: what };
    }
    case 'no-mojibake':
      return { reason: 'mis-encoded text repaired', evidence: what };
    case 'no-duplicate-entry':
      return { reason: 'duplicate entry removed', evidence: what };
    default:
      return { reason: what, evidence: `rule ${finding.ruleId}` };
  }
}
