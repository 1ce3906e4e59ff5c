import type { RuleMeta } from '../core/findings/types.js';
import { allRules } from '../core/rules/index.js';
import { LINK_RULES } from '../links/link-findings.js';

/** Every rule a person can name in a command: the static rules, then the link rules. */
export const KNOWN_RULES: RuleMeta[] = [...allRules.map((r) => r.meta), ...LINK_RULES];

/** A rule by its id (case-insensitive), or undefined. */
export function findRule(id: string): RuleMeta | undefined {
  const wanted = id.toLowerCase();
  return KNOWN_RULES.find((r) => r.id === wanted);
}

/** The ids as a Markdown list of code spans: `` `a`, `b` ``. */
export function ruleIdList(): string {
  return KNOWN_RULES.map((r) => `\`${r.id}\``).join(', ');
}
