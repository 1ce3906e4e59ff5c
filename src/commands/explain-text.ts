import { ruleDocUrl } from '../core/format/rule-docs.js';
import { findRule, ruleIdList } from './known-rules.js';
import { echoed } from './reply-texts.js';

/** The reply to `/listwarden explain <rule-id>`; `known` false when there is no such rule. */
export function explainText(ruleId: string | undefined): { text: string; known: boolean } {
  if (!ruleId) return { known: false, text: `Name a rule: \`/listwarden explain <rule-id>\` — the rules are: ${ruleIdList()}.` };
  const rule = findRule(ruleId);
  if (!rule) {
    return { known: false, text: `There is no rule ${echoed(ruleId)} — name one of: ${ruleIdList()}.` };
  }
  return {
    known: true,
    text: [
      `**\`${rule.id}\`** — ${rule.description}`,
      '',
      `- default severity: ${rule.defaultSeverity}`,
      `- fixable: ${rule.fixable ? 'yes — `listwarden fix` and `/listwarden fix` apply its certain fixes' : 'no — a person decides what to do'}`,
      `- documentation: ${ruleDocUrl(rule.id)}`,
      '',
      `To turn it off or change its severity, set \`rules: { ${rule.id}: off }\` (or \`error\`, \`warning\`, \`info\`) in \`.github/listwarden.yml\`.`,
    ].join('\n'),
  };
}
