import type { ReportMemory } from '../report/report-memory.js';
import { codeSpan } from '../core/format/markdown-text.js';
import { findRule, ruleIdList } from './known-rules.js';
import { echoed } from './reply-texts.js';

/** What `/listwarden ignore` was asked to ignore. */
export type IgnoreTarget = { kind: 'url'; url: string } | { kind: 'rule'; ruleId: string };

/** An http(s) URL or a known rule id; undefined for anything else. */
export function ignoreTarget(argument: string | undefined): IgnoreTarget | undefined {
  if (!argument) return undefined;
  if (/^https?:\/\//i.test(argument)) {
    try {
      const url = new URL(argument);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return { kind: 'url', url: argument };
    } catch {
      return undefined;
    }
    return undefined;
  }
  const rule = findRule(argument);
  return rule ? { kind: 'rule', ruleId: rule.id } : undefined;
}

/** The memory with the target added; `added` false when it was already there. */
export function addIgnore(memory: ReportMemory, target: IgnoreTarget): { memory: ReportMemory; added: boolean } {
  if (target.kind === 'url') {
    if (memory.ignoredUrls.includes(target.url)) return { memory, added: false };
    return { memory: { ...memory, ignoredUrls: [...memory.ignoredUrls, target.url] }, added: true };
  }
  if (memory.ignoredRules.includes(target.ruleId)) return { memory, added: false };
  return { memory: { ...memory, ignoredRules: [...memory.ignoredRules, target.ruleId] }, added: true };
}

/** How a target is named in replies. */
export function targetName(target: IgnoreTarget): string {
  return target.kind === 'url' ? codeSpan(target.url, 300, { backtick: '%60' }) : `the rule ${codeSpan(target.ruleId, 100)}`;
}

/**
 * The lines to add to `.github/listwarden.yml` for the same effect, as a YAML block. The
 * URL is written as a JSON string, which YAML reads as the same double-quoted string.
 */
export function configSnippet(target: IgnoreTarget): string {
  // Backticks and hidden characters as \u escapes, which YAML reads back: the fence cannot end early.
  const quoted = (url: string) => JSON.stringify(url).replace(/[`\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const yaml = target.kind === 'url' ? ['ignore:', '  urls:', `    - ${quoted(target.url)}`] : ['rules:', `  ${target.ruleId}: off`];
  return ['```yaml', ...yaml, '```'].join('\n');
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The reply when the target was recorded in the report issue's memory. */
export function ignoredText(target: IgnoreTarget, issue: number, added: boolean): string {
  const head = added
    ? `Ignoring ${targetName(target)}: the link-rot report and the maintenance pull request leave it alone from their next run (recorded in #${issue}).`
    : `${capitalized(targetName(target))} is already ignored (recorded in #${issue}).`;
  return `${head}\n\nPull request reviews read only the config file; to ignore it there too, add this to \`.github/listwarden.yml\`:\n\n${configSnippet(target)}`;
}

/** The reply when there is no report issue to record the target in. */
export function noReportText(target: IgnoreTarget): string {
  return `There is no link-rot report issue yet to record this in — to ignore ${targetName(target)}, add this to \`.github/listwarden.yml\`:\n\n${configSnippet(target)}`;
}

/** The reply to an argument that is neither a URL nor a rule id. */
export function badIgnoreText(argument: string | undefined): string {
  const what = argument ? `${echoed(argument)} is neither an http(s) link nor a rule id` : 'Name what to ignore';
  return `${what} — write \`/listwarden ignore <url>\` with a full \`https://…\` link, or \`/listwarden ignore <rule-id>\` with one of: ${ruleIdList()}.`;
}
