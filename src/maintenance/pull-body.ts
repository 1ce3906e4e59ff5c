import { createHash } from 'node:crypto';
import { ruleDocUrl } from '../core/format/rule-docs.js';
import type { RepoRef } from '../github/port.js';
import { MAINTENANCE_BRANCH, MAINTENANCE_MARKER } from '../report/identity.js';
import { codeSpan, markdownText, showHidden } from '../core/format/markdown-text.js';
import type { MaintenanceChange } from './change-list.js';
import type { LeftAlone } from './dead-link-fixes.js';

/** A line in every maintenance commit's message: how listwarden tells its own commits from a person's. */
export const MAINTENANCE_TRAILER = 'Listwarden-Maintenance: true';

const FINGERPRINT = /<!-- listwarden:changes=([0-9a-f]{8,64}) -->/g;
/** GitHub refuses pull request bodies over 65,536 characters; this leaves room for the rest. */
const BODY_BUDGET = 60_000;

/**
 * The fingerprint of a change set: a hash over its (file, before, after) triples, sorted,
 * so the same edits give the same fingerprint whatever the order, the line numbers or the
 * wording of the reasons.
 */
export function changesFingerprint(changes: MaintenanceChange[]): string {
  const triples = [...new Set(changes.map((c) => JSON.stringify([c.file, c.before, c.after])))].sort();
  return createHash('sha256').update(triples.join('\n')).digest('hex').slice(0, 32);
}

/** Changes in file, line and rule order (ties broken by the text), so the order they came in never shows. */
export function sortChanges(changes: MaintenanceChange[]): MaintenanceChange[] {
  const key = (c: MaintenanceChange) => JSON.stringify([c.ruleId, c.before, c.after, c.reason, c.evidence ?? '']);
  return [...changes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
}

/** The hidden fingerprint line of a body. */
export function fingerprintLine(fingerprint: string): string {
  return `<!-- listwarden:changes=${fingerprint} -->`;
}

/** The fingerprint a maintenance pull request's body carries (the last one: list text quoted above cannot fake it). */
export function readFingerprint(body: string | undefined): string | undefined {
  if (!body?.startsWith(MAINTENANCE_MARKER)) return undefined;
  let found: string | undefined;
  for (const match of body.matchAll(FINGERPRINT)) found = match[1];
  return found;
}

export function pullTitle(changes: MaintenanceChange[]): string {
  const files = [...new Set(changes.map((c) => c.file))];
  const where = files.length === 1 ? files[0]! : `${files.length} lists`;
  return `listwarden: ${changes.length} certain fix${changes.length === 1 ? '' : 'es'} to ${where}`;
}

/** The commit message: a summary line, the changes, and the trailer that marks the commit as listwarden's. */
export function commitMessage(changes: MaintenanceChange[]): string {
  const shown = sortChanges(changes).slice(0, 30).map((c) => `- ${c.file}:${c.line} ${c.reason}`);
  if (changes.length > shown.length) shown.push(`- … and ${changes.length - shown.length} more (listed in the pull request)`);
  return `${pullTitle(changes)}\n\n${shown.join('\n')}\n\n${MAINTENANCE_TRAILER}\n`;
}

export interface PullBodyInput {
  repo: RepoRef;
  /** The commit the changes are made on (for links to the lines). */
  baseSha: string;
  changes: MaintenanceChange[];
  leftAlone?: LeftAlone[];
  /** Web address of the GitHub server (default https://github.com). */
  serverUrl?: string;
}

function lineUrl(input: PullBodyInput, file: string, line: number): string {
  const server = (input.serverUrl ?? 'https://github.com').replace(/\/$/, '');
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${server}/${input.repo.owner}/${input.repo.repo}/blob/${input.baseSha}/${path}#L${line}`;
}

/** A fenced diff of one change; the fence is longer than any backtick run in the text. */
function diffBlock(before: string, after: string): string {
  // Controls and bidirectional characters are shown by code point: a reviewer sees what the line holds.
  const body = [...showHidden(before).split('\n').map((l) => `- ${l}`), ...(after === '' ? [] : showHidden(after).split('\n').map((l) => `+ ${l}`))].join('\n');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}diff\n${body}\n${fence}`;
}

/**
 * The maintenance pull request's body: the marker, every change with a link to its line,
 * the reasons and evidence, the diff of the line, what was left to a person, and the
 * hidden fingerprint of the change set last. Deterministic: the same changes give the same body.
 */
export function pullBody(input: PullBodyInput): string {
  const changes = sortChanges(input.changes);
  const files = [...new Set(changes.map((c) => c.file))].sort();
  const head = [
    MAINTENANCE_MARKER,
    '## listwarden: certain fixes',
    '',
    `listwarden is certain of ${changes.length === 1 ? 'this change' : `these ${changes.length} changes`}; each comes with its reason and the evidence for it.`,
    'Merge to apply them. Closing this pull request unmerged declines exactly this set: listwarden will not propose the same changes again (a different set gets a new pull request).',
    `A person's commits on \`${MAINTENANCE_BRANCH}\` are never overwritten: listwarden then leaves the branch alone.`,
  ].join('\n');

  const sections: string[] = [];
  let used = head.length;
  let omitted = 0;
  for (const file of files) {
    const own = changes.filter((c) => c.file === file);
    const groups = new Map<string, MaintenanceChange[]>();
    for (const change of own) {
      const key = JSON.stringify([change.line, change.before, change.after]);
      groups.set(key, [...(groups.get(key) ?? []), change]);
    }
    const parts: string[] = [`### ${codeSpan(file, 300)}`];
    for (const group of groups.values()) {
      const first = group[0]!;
      const reasons = group.map((c) => `- **[${c.ruleId}](${ruleDocUrl(c.ruleId)})**: ${markdownText(c.reason)}${c.evidence ? `. Evidence: ${markdownText(c.evidence)}` : ''}`);
      const part = [`[${markdownText(file)}:${first.line}](${lineUrl(input, file, first.line)})${first.after === '' ? ' (removed)' : ''}`, ...reasons, '', diffBlock(first.before, first.after)].join('\n');
      if (used + part.length > BODY_BUDGET) {
        omitted += group.length;
        continue;
      }
      used += part.length + 2;
      parts.push(part);
    }
    sections.push(parts.join('\n\n'));
  }
  if (omitted > 0) sections.push(`… and ${omitted} more change${omitted === 1 ? '' : 's'}, too many to list here: see the Files changed tab.`);

  const left = input.leftAlone ?? [];
  if (left.length > 0) {
    const shown = left.slice(0, 50).map((l) => `- [${markdownText(l.file)}:${l.line}](${lineUrl(input, l.file, l.line)}) ${codeSpan(l.url, 300)}: ${markdownText(l.why)}`);
    if (left.length > shown.length) shown.push(`- … and ${left.length - shown.length} more (see the link-rot report)`);
    sections.push(['### Left for a person', '', 'Confirmed dead links this pull request does not change:', '', ...shown].join('\n'));
  }
  return `${head}\n\n${sections.join('\n\n')}\n\n${fingerprintLine(changesFingerprint(changes))}\n`;
}
