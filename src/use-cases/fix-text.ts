import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { fixSource } from '../core/check-source.js';
import { applyFixes, type RefusedFix } from '../core/fixes/apply-fixes.js';
import type { Finding, LinkFacts } from '../core/findings/types.js';
import { LINK_RULES } from '../links/link-findings.js';

const LINK_RULE_IDS = new Set(LINK_RULES.map((r) => r.id));

export interface TextFixOutcome {
  output: string;
  /** Every finding whose certain fix was applied: the link ones first, then the static rules'. */
  applied: Finding[];
  /** Link findings whose certain fix was left out: it would have changed more than its URL (see applyFixes). */
  rejected: Finding[];
  /**
   * Certain fixes left out because they would change a line that carries none of their
   * finding (a rule's mistake: see lineOutsideFinding), at their place in `source`.
   */
  refused: RefusedFix[];
  /** The findings applied in each pass (the link pass first, when it applied any), in that pass's text: see traceOf. */
  appliedByPass: Finding[][];
}

/**
 * Every certain fix for one list's text: first those the link checks found (permanent
 * redirects, renamed repositories, https that serves the same site), then the static
 * rules' fixes, re-checked until nothing certain is left. Shared by `listwarden fix`, the
 * maintenance pull request and `/listwarden fix`.
 *
 * `findings` are the file's findings from the check that produced `facts` (only the link
 * ones and prefer-https are used from it; the static rules run again on the text).
 */
export function fixText(path: string, source: string, findings: Finding[], config: ResolvedConfig, facts?: LinkFacts): TextFixOutcome {
  const linkPass = applyFixes(source, findings.filter((f) => f.file === path && (LINK_RULE_IDS.has(f.ruleId) || f.ruleId === 'prefer-https')), { path });
  const outcome = fixSource(path, linkPass.output, { config, ...(facts ? { facts } : {}) });
  // The link pass only rewrites URLs within their lines: the static rules' lines are the source's.
  return {
    output: outcome.output,
    applied: [...linkPass.applied, ...outcome.applied],
    rejected: linkPass.rejected,
    refused: [...linkPass.refused, ...outcome.refused],
    appliedByPass: [...(linkPass.applied.length > 0 ? [linkPass.applied] : []), ...outcome.appliedByPass],
  };
}
