import type { Finding, Fix, RuleMeta } from '../core/findings/types.js';
import type { Link } from '../core/model/types.js';
import type { LinkPlace } from './collect-links.js';
import type { UrlOutcome } from './check-urls.js';
import { archivedRepoMessage, REPO_UNMAINTAINED, unmaintainedMessage } from './repo-findings.js';
import { urlForMarkdown } from '../core/fixes/url-for-markdown.js';

/** The rules whose verdicts need the network. Their docs live beside the static rules'. */
export const LINK_RULES: RuleMeta[] = [
  { id: 'no-dead-link', defaultSeverity: 'error', description: 'Links that are gone: 404, 410, a name that does not resolve, a refused connection, a broken certificate.', fixable: false },
  { id: 'link-unverifiable', defaultSeverity: 'warning', description: 'Links that could not be verified: bot walls, rate limits, timeouts. Never a failed check.', fixable: false },
  { id: 'no-redirect', defaultSeverity: 'warning', description: 'Links that permanently redirect, and GitHub repositories that were renamed or moved.', fixable: true },
  { id: 'no-archived-repo', defaultSeverity: 'warning', description: 'Links to GitHub repositories that are archived (read-only, no longer maintained); the successor they name is suggested.', fixable: false },
  REPO_UNMAINTAINED,
];

export interface LinkFindingOptions {
  /** Archived copies of dead links (URL → snapshot URL), when looked up. */
  archived?: Map<string, string>;
  /** Severity per rule from the config; 'off' drops the rule. */
  severity(ruleId: string, fallback: Finding['severity']): Finding['severity'] | 'off';
  /** Years without a push before repo-unmaintained speaks (default 3), and the clock. */
  unmaintainedYears?: number;
  now?: number;
}

const LOGIN = /(^|[/._-])(login|signin|sign-in|sign_in|sso|auth|authenticate|session|account\/login)([/._?-]|$)/i;

/** A redirect to a login page or to the site's front page: the page itself may be gone. */
export function suspiciousRedirect(from: string, to: string): string | undefined {
  try {
    const a = new URL(from);
    const b = new URL(to);
    if (LOGIN.test(b.pathname) || /^(login|accounts|auth|sso|signin)\./i.test(b.hostname)) return 'to a login page';
    if ((b.pathname === '/' || b.pathname === '') && a.pathname.replace(/\/$/, '') !== '' && b.search === '') return "to the site's front page";
  } catch {
    return undefined;
  }
  return undefined;
}

/** The host a URL is on, without a leading `www.` (undefined when it is not a URL). */
function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * A redirect that stays on its site (the same host, give or take `www.`). Anything else —
 * another host, even a subdomain — is only suggested: the site decided where it points.
 */
export function sameSite(from: string, to: string): boolean {
  const a = siteOf(from);
  return a !== undefined && a === siteOf(to);
}

/** The replacement URL written like the original: the fragment kept, `&amp;` kept in HTML, Markdown syntax percent-encoded. */
function rewrite(raw: string, original: string, target: string): string {
  const hash = original.indexOf('#');
  let next = urlForMarkdown(target);
  if (hash >= 0 && !target.includes('#')) next += original.slice(hash);
  if (raw.includes('&amp;')) next = next.replace(/&(?!amp;)/g, '&amp;');
  return next;
}

function urlFix(source: string, link: Link, target: string): Fix | undefined {
  if (!link.urlSpan) return undefined;
  const raw = source.slice(link.urlSpan.start.offset, link.urlSpan.end.offset);
  if (raw.replace(/&amp;/g, '&') !== link.url) return undefined;
  return { edits: [{ start: link.urlSpan.start.offset, end: link.urlSpan.end.offset, text: rewrite(raw, link.url, target) }], certain: true };
}

function since(outcome: UrlOutcome): string {
  const memory = outcome.memory;
  if (!memory?.firstFailureAt || memory.failureStreak < 2) return '';
  return ` (failing since ${memory.firstFailureAt.slice(0, 10)}, ${memory.failureStreak} runs)`;
}

/** Turns link verdicts into findings at every place a URL is used. */
export function linkFindings(outcomes: Map<string, UrlOutcome>, places: Map<string, LinkPlace[]>, sources: Map<string, string>, options: LinkFindingOptions): Finding[] {
  const findings: Finding[] = [];
  for (const [url, outcome] of outcomes) {
    const { result } = outcome;
    for (const place of places.get(url) ?? []) {
      const link = place.link;
      const source = sources.get(place.file) ?? '';
      const span = link.urlSpan ?? link.span;
      const data = {
        url: link.url,
        verdict: result.verdict,
        ...(result.status !== undefined ? { status: result.status } : {}),
        cause: result.cause,
        redirects: result.redirects,
        checkedAt: result.checkedAt,
        ...(outcome.fromCache ? { cached: true } : {}),
        ...(outcome.memory?.firstFailureAt ? { failingSince: outcome.memory.firstFailureAt, failureStreak: outcome.memory.failureStreak } : {}),
        confirmed: outcome.confirmedDead,
      };
      const push = (ruleId: string, fallback: Finding['severity'], message: string, extra: Partial<Finding> = {}) => {
        const severity = options.severity(ruleId, fallback);
        if (severity === 'off') return;
        findings.push({ ruleId, severity, message, file: place.file, span, data, ...extra });
      };

      if (result.verdict === 'dead') {
        const copy = options.archived?.get(url);
        const archiveFix = copy ? urlFix(source, link, copy) : undefined;
        push('no-dead-link', 'error', `${link.url} is dead: ${result.reason}${since(outcome)} — ${copy ? `replace it with the archived copy ${copy}, ` : ''}fix or remove the link`, {
          ...(copy ? { suggestion: copy } : {}),
          ...(archiveFix ? { fix: { ...archiveFix, certain: false } } : {}),
        });
        continue;
      }
      if (result.verdict === 'unverifiable') {
        if (result.cause === 'soft-404') push('link-unverifiable', 'warning', `${link.url} ${result.reason} — open it in a browser: fix or remove the link if the page is gone`);
        else push('link-unverifiable', 'warning', `Could not verify ${link.url}: ${result.reason} — check it in a browser, or ignore the host in the config if it always blocks checkers`);
        continue;
      }
      if (outcome.repo?.state === 'archived' || outcome.repo?.isArchived) {
        const { message, suggestion } = archivedRepoMessage(outcome.repo, link.url);
        const fix = suggestion ? urlFix(source, link, suggestion) : undefined;
        // The successor is a suggestion to check, never a certain fix.
        push('no-archived-repo', 'warning', message, suggestion ? { suggestion, ...(fix ? { fix: { ...fix, certain: false } } : {}) } : {});
      } else if (outcome.repo) {
        const stale = unmaintainedMessage(outcome.repo, link.url, options.now ?? Date.now(), options.unmaintainedYears);
        if (stale) push('repo-unmaintained', 'info', stale);
      }
      if (result.permanentRedirect && result.finalUrl !== result.url) {
        const target = result.finalUrl;
        const suspicious = suspiciousRedirect(result.url, target);
        if (suspicious) {
          push('no-redirect', 'warning', `${link.url} redirects ${suspicious} (${target}) — the page may be gone: check it and update or remove the link`);
        } else {
          const written = urlFix(source, link, target);
          const fix = written && !sameSite(result.url, target) ? { ...written, certain: false } : written;
          const renamed = outcome.repo?.state === 'renamed';
          const why = renamed ? `the repository moved to ${outcome.repo!.nameWithOwner}` : `it redirects permanently (${result.redirects.map((h) => h.status).join(' → ')}) to ${target}`;
          push('no-redirect', 'warning', `${link.url}: ${why} — link the new address`, { suggestion: fix ? fix.edits[0]!.text : target, ...(fix ? { fix } : {}) });
        }
      }
    }
  }
  return findings;
}
