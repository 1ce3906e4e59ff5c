import { STYLE_RULE_IDS } from '../core/style/style-rule-ids.js';
import type { Finding } from '../core/findings/types.js';
import { requestUrl } from '../links/collect-links.js';
import type { UrlOutcome } from '../links/check-urls.js';
import { LINK_RULES, suspiciousRedirect } from '../links/link-findings.js';
import { repoPath } from '../review/repo-path.js';
import { ROT_ORDER, rotEvidence, rotItem, rotKindOf, type RotItem } from './rot-items.js';

/**
 * What the report shows, sorted into its sections: link findings grouped by URL (one
 * entry for every place a URL is used), unverifiable links grouped by host, and the
 * static findings grouped by rule. Pure and deterministic: the same findings give the
 * same model, whatever order they came in.
 */

export interface ReportPlace {
  file: string;
  line: number;
}

export interface Replacement {
  url: string;
  why: 'archived copy' | 'permanent redirect' | 'renamed repository';
}

export interface DeadLink {
  /** The URL as requested (fragment removed), or the relative path as written. */
  url: string;
  reason: string;
  places: ReportPlace[];
  /** Failing in enough runs over enough days (a missing repository file is certain at once). */
  confirmed: boolean;
  /** Day (YYYY-MM-DD) of the first failure of the current streak, when known. */
  failingSince?: string;
  replacement?: Replacement;
}

export interface UnverifiableHost {
  host: string;
  /** Distinct reasons, sorted. */
  reasons: string[];
  links: { url: string; places: ReportPlace[] }[];
}

export interface ArchivedRepo {
  name: string;
  url: string;
  places: ReportPlace[];
}

export interface RedirectLink {
  url: string;
  /** Where to point instead; absent when the redirect is suspicious (to a login or front page). */
  target?: string;
  why: string;
  places: ReportPlace[];
}

export interface RuleGroup {
  ruleId: string;
  findings: Finding[];
}

export interface ReportModel {
  dead: DeadLink[];
  failing: DeadLink[];
  unverifiable: UnverifiableHost[];
  archived: ArchivedRepo[];
  redirects: RedirectLink[];
  /** Rot that answers 200: parked domains, soft 404s, projects that moved on or went quiet (own section). */
  rot?: RotItem[];
  /** Static findings of severity warning or error, by rule. */
  rules: RuleGroup[];
  /** The list's existing deviations from its own house style (entry-order, entry-format…), by rule: own section. */
  style?: RuleGroup[];
  /** Static findings of severity info (counted, not listed). */
  infoCount: number;
  /** What a maintenance pull request could change with certainty. */
  certainFixes: number;
}

export interface ModelInput {
  findings: Finding[];
  /** The link run's outcomes by request URL, when links were checked. */
  outcomes?: Map<string, UrlOutcome>;
  /** Archived copies of dead links (request URL → snapshot URL). */
  archived?: Map<string, string>;
  /** What the maintenance PR does with confirmed dead links. */
  deadLinks?: 'archive' | 'archive-or-remove' | 'off';
  /** Whether the maintenance PR fixes house-style deviations (`maintenance.style`); default false. */
  style?: boolean;
}

const LINK_RULE_IDS = new Set(LINK_RULES.map((r) => r.id));
const STYLE_RULES = new Set(STYLE_RULE_IDS);

/** The static rules in the order the report shows them: tables, names, duplicates, links in the text, text. */
const RULE_ORDER = [
  'table-rowspan',
  'table-column-count',
  'table-empty-row',
  'html-unclosed-tag',
  'tool-name-spelling',
  'tool-name-matches-link',
  'consistent-entry-name',
  'no-duplicate-entry',
  'no-empty-link',
  'no-dead-anchor',
  'no-tracking-params',
  'prefer-https',
  'no-mojibake',
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function placeOf(finding: Finding): ReportPlace {
  return { file: repoPath(finding.file), line: finding.span.start.line };
}

function addPlace(places: ReportPlace[], place: ReportPlace): void {
  if (!places.some((p) => p.file === place.file && p.line === place.line)) places.push(place);
}

function sortPlaces(places: ReportPlace[]): ReportPlace[] {
  return places.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return url;
  }
}

const dayOf = (iso: unknown) => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined);

function redirectWhy(outcome: UrlOutcome | undefined): { why: string; suspicious: boolean } {
  const result = outcome?.result;
  if (!result) return { why: 'redirects permanently', suspicious: false };
  if (outcome.repo?.state === 'renamed') return { why: `the repository moved to ${outcome.repo.nameWithOwner ?? result.finalUrl}`, suspicious: false };
  const suspicious = suspiciousRedirect(result.url, result.finalUrl);
  if (suspicious) return { why: `redirects ${suspicious}: the page may be gone`, suspicious: true };
  const chain = result.redirects.map((hop) => hop.status).join(' → ');
  return { why: `redirects permanently${chain ? ` (${chain})` : ''}`, suspicious: false };
}

/** Sorts the findings of a check into the report's sections. */
export function buildReportModel(input: ModelInput): ReportModel {
  const outcomes = input.outcomes ?? new Map<string, UrlOutcome>();
  const archivedCopies = input.archived ?? new Map<string, string>();
  const dead = new Map<string, DeadLink>();
  const unverifiable = new Map<string, { url: string; reason: string; places: ReportPlace[] }>();
  const archived = new Map<string, ArchivedRepo>();
  const redirects = new Map<string, RedirectLink>();
  const rules = new Map<string, Finding[]>();
  const style = new Map<string, Finding[]>();
  const rot = new Map<string, RotItem>();
  let infoCount = 0;
  let certainFixes = 0;

  for (const finding of input.findings) {
    const written = typeof finding.data?.url === 'string' ? finding.data.url : undefined;
    const key = written === undefined ? undefined : (requestUrl(written) ?? written);
    const outcome = key ? outcomes.get(key) : undefined;
    const place = placeOf(finding);
    if (finding.fix?.certain && (input.style || !STYLE_RULES.has(finding.ruleId))) certainFixes++;

    if (!LINK_RULE_IDS.has(finding.ruleId) || key === undefined) {
      if (finding.severity === 'info') {
        infoCount++;
        continue;
      }
      const groups = STYLE_RULES.has(finding.ruleId) ? style : rules;
      const list = groups.get(finding.ruleId) ?? [];
      list.push(finding);
      groups.set(finding.ruleId, list);
      continue;
    }

    const kind = rotKindOf(finding, outcome);
    if (kind !== undefined && kind !== 'parked-domain' && kind !== 'soft-404') {
      const item = rot.get(`${kind} ${key}`) ?? rotItem(kind, key, finding, outcome);
      addPlace(item.places, place);
      rot.set(`${kind} ${key}`, item);
      continue;
    }

    switch (finding.ruleId) {
      case 'no-dead-link': {
        const entry = dead.get(key) ?? {
          url: key,
          // A relative link to a file the repository lacks has no outcome: it is certain at once.
          reason: outcome?.result.reason ?? 'no such file in the repository',
          places: [],
          confirmed: outcome ? finding.data?.confirmed === true || outcome.confirmedDead : requestUrl(key) ? finding.data?.confirmed === true : true,
          ...(() => {
            const since = dayOf(finding.data?.failingSince) ?? dayOf(outcome?.memory?.firstFailureAt) ?? dayOf(outcome?.result.checkedAt);
            return since ? { failingSince: since } : {};
          })(),
          ...(() => {
            const copy = archivedCopies.get(key) ?? finding.suggestion;
            return copy ? { replacement: { url: copy, why: 'archived copy' as const } } : {};
          })(),
        };
        addPlace(entry.places, place);
        dead.set(key, entry);
        break;
      }
      case 'link-unverifiable': {
        const entry = unverifiable.get(key) ?? { url: key, reason: outcome?.result.reason ?? 'could not be verified', places: [] };
        addPlace(entry.places, place);
        unverifiable.set(key, entry);
        break;
      }
      case 'no-archived-repo': {
        const entry = archived.get(key) ?? { name: outcome?.repo?.nameWithOwner ?? key, url: key, places: [] };
        addPlace(entry.places, place);
        archived.set(key, entry);
        break;
      }
      case 'no-redirect': {
        const { why, suspicious } = redirectWhy(outcome);
        const target = suspicious ? undefined : (outcome?.result.finalUrl ?? finding.suggestion);
        const entry = redirects.get(key) ?? { url: key, ...(target ? { target } : {}), why, places: [] };
        addPlace(entry.places, place);
        redirects.set(key, entry);
        break;
      }
    }
  }

  const byUrl = <T extends { url: string; places: ReportPlace[] }>(items: Iterable<T>): T[] =>
    [...items].map((item) => ({ ...item, places: sortPlaces(item.places) })).sort((a, b) => compare(a.url, b.url));

  const deadLinks = byUrl(dead.values());
  const confirmed = deadLinks.filter((d) => d.confirmed);
  if (input.deadLinks && input.deadLinks !== 'off') {
    certainFixes += confirmed.filter((d) => d.replacement || input.deadLinks === 'archive-or-remove').length;
  }

  // Parked domains and soft 404s are dead links with evidence: their own section, not the dead list.
  const rotCause = (d: DeadLink) => {
    const cause = outcomes.get(d.url)?.result.cause;
    return cause === 'parked-domain' || cause === 'soft-404' ? cause : undefined;
  };
  for (const d of deadLinks) {
    const cause = rotCause(d);
    if (!cause) continue;
    rot.set(`${cause} ${d.url}`, {
      url: d.url,
      kind: cause,
      evidence: rotEvidence(d.reason),
      places: d.places,
      confirmed: d.confirmed,
      ...(d.failingSince ? { failingSince: d.failingSince } : {}),
      ...(d.replacement?.why === 'archived copy' ? { replacement: { url: d.replacement.url, why: 'archived copy' as const } } : {}),
    });
  }

  const hosts = new Map<string, UnverifiableHost>();
  for (const link of byUrl(unverifiable.values())) {
    const host = hostOf(link.url);
    const entry = hosts.get(host) ?? { host, reasons: [], links: [] };
    if (!entry.reasons.includes(link.reason)) entry.reasons.push(link.reason);
    entry.links.push({ url: link.url, places: link.places });
    hosts.set(host, entry);
  }

  const rank = (ruleId: string) => {
    const i = RULE_ORDER.indexOf(ruleId);
    return i < 0 ? RULE_ORDER.length : i;
  };
  const byPlace = (a: Finding, b: Finding) =>
    compare(repoPath(a.file), repoPath(b.file)) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || compare(a.message, b.message);

  return {
    dead: confirmed.filter((d) => !rotCause(d)),
    failing: deadLinks.filter((d) => !d.confirmed && !rotCause(d)),
    unverifiable: [...hosts.values()]
      .map((h) => ({ ...h, reasons: h.reasons.sort(compare) }))
      .sort((a, b) => b.links.length - a.links.length || compare(a.host, b.host)),
    archived: byUrl(archived.values()),
    redirects: byUrl(redirects.values()),
    ...(rot.size > 0 ? { rot: byUrl(rot.values()).sort((a, b) => ROT_ORDER.indexOf(a.kind) - ROT_ORDER.indexOf(b.kind) || compare(a.url, b.url)) } : {}),
    rules: [...rules]
      .map(([ruleId, findings]) => ({ ruleId, findings: findings.sort(byPlace) }))
      .sort((a, b) => rank(a.ruleId) - rank(b.ruleId) || compare(a.ruleId, b.ruleId)),
    ...(style.size > 0
      ? { style: [...style].map(([ruleId, findings]) => ({ ruleId, findings: findings.sort(byPlace) })).sort((a, b) => STYLE_RULE_IDS.indexOf(a.ruleId) - STYLE_RULE_IDS.indexOf(b.ruleId)) }
      : {}),
    infoCount,
    certainFixes,
  };
}

/** Distinct unverifiable URLs. */
export function unverifiableCount(model: ReportModel): number {
  return model.unverifiable.reduce((n, h) => n + h.links.length, 0);
}

/**
 * Whether the report has something to say: a dead or failing link, an archived
 * repository, a redirect, rot that answers 200 (a repository that only went quiet is a
 * note, not a reason), or a static finding of severity warning or error.
 */
export function hasSomethingToReport(model: ReportModel): boolean {
  const rot = (model.rot ?? []).filter((item) => item.kind !== 'unmaintained').length;
  return model.dead.length + model.failing.length + model.archived.length + model.redirects.length + model.rules.length + rot > 0;
}
