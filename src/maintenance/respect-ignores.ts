import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding } from '../core/findings/types.js';
import { requestUrl } from '../links/collect-links.js';
import { cutAtFirst } from '../core/text/trim.js';

/** A URL compared the way the link checker keys it: fragment removed, trailing slash ignored. */
function urlKey(url: string): string {
  return (requestUrl(url) ?? url.trim()).replace(/\/$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * What the maintainer asked listwarden to leave alone (`/listwarden ignore`, a ticked box
 * in the report): findings on those exact URLs and of those rules are dropped, and the
 * config handed to the static rules turns those rules off and ignores those URLs (as an
 * exact-match pattern each, so nothing below them is ignored by accident).
 */
export function respectIgnores(findings: Finding[], config: ResolvedConfig, ignoredUrls: string[] = [], ignoredRules: string[] = []): { findings: Finding[]; config: ResolvedConfig } {
  if (ignoredUrls.length === 0 && ignoredRules.length === 0) return { findings, config };
  const urls = new Set(ignoredUrls.map(urlKey));
  const rules = new Set(ignoredRules);
  const kept = findings.filter((f) => !rules.has(f.ruleId) && !(typeof f.data?.url === 'string' && urls.has(urlKey(f.data.url))));
  const patterns = ignoredUrls.map((url) => `/^${escapeRegExp(cutAtFirst(url.trim(), '#').replace(/\/$/, ''))}\\/?(?:#.*)?$/`);
  return {
    findings: kept,
    config: {
      ...config,
      rules: { ...config.rules, ...Object.fromEntries(ignoredRules.map((id) => [id, 'off' as const])) },
      ignoreUrls: [...config.ignoreUrls, ...patterns],
    },
  };
}
