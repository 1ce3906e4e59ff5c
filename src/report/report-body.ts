import type { RepoRef } from '../github/port.js';
import { ruleDocUrl } from '../core/format/rule-docs.js';
import { linkDestination, markdownText } from '../core/format/markdown-text.js';
import { repoPath } from '../review/repo-path.js';
import { fixBoxLine, ignoreBoxLine, urlInCode } from './checkboxes.js';
import { REPORT_MARKER } from './identity.js';
import { cutAtLine } from './cut-text.js';
import { fittedMemory, PACKED, type ReportMemory } from './report-memory.js';
import { hasSomethingToReport, unverifiableCount, type DeadLink, type ReportModel, type ReportPlace } from './report-model.js';
import { trendLines } from './trend-chart.js';
import { ROT_INTRO, ROT_TITLE, rotItemLines } from './rot-section.js';
import { trimEndChars } from '../core/text/trim.js';

/** GitHub refuses issue bodies over 65,536 characters; the report stays under this. */
export const REPORT_BODY_LIMIT = 65_000;

/** Places shown per URL before "and N more places". */
const MAX_PLACES = 5;
/** Items per section tried, largest first, until the body fits. */
const CAPS = [Infinity, 200, 100, 50, 20, 10, 5, 2, 1, 0];

export interface ReportBodyInput {
  repo: RepoRef;
  /** The commit of the default branch that was checked. */
  sha: string;
  /** The run's day, YYYY-MM-DD (the only time in the body, so equal inputs give equal bodies). */
  date: string;
  /** The list files checked. */
  files: string[];
  /** Distinct links the link checks looked at; undefined when links were not checked. */
  linksChecked?: number;
  model: ReportModel;
  /** Lines about the link checks ("time budget spent: …", "network unavailable: …"). */
  notes: string[];
  /** The memory after this run: its runs draw the trend, its ignores are listed. */
  memory: ReportMemory;
  /** Not every link got a verdict this run (time budget spent, network down). */
  partial?: boolean;
  /** Most characters of the body (default REPORT_BODY_LIMIT). */
  limit?: number;
  /** Web address of the GitHub server, for links to lines (default https://github.com). */
  serverUrl?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where a line of a file is on GitHub, at the commit checked. */
export function blobUrl(repo: RepoRef, sha: string, place: ReportPlace, serverUrl = 'https://github.com'): string {
  const path = place.file.split('/').map(encodeURIComponent).join('/');
  return `${trimEndChars(serverUrl, '/')}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/blob/${encodeURIComponent(sha)}/${path}#L${place.line}`;
}

/** An http(s) URL fit for an autolink (`<…>`), or undefined. */
function autolink(url: string): string | undefined {
  const destination = linkDestination(url.slice(0, 2000));
  return destination === undefined ? undefined : `<${destination}>`;
}

function code(text: string, max = 300): string {
  return urlInCode(text, max);
}

interface Context {
  repo: RepoRef;
  sha: string;
  cap: number;
  serverUrl?: string;
  /** The memory block is stored compressed (a maintainer cannot edit it as text). */
  packedMemory?: boolean;
}

function placeLink(ctx: Context, place: ReportPlace): string {
  return `[${code(`${place.file}:${place.line}`, 200)}](${blobUrl(ctx.repo, ctx.sha, place, ctx.serverUrl)})`;
}

function placeList(ctx: Context, places: ReportPlace[]): string {
  const max = Math.min(MAX_PLACES, Math.max(1, ctx.cap));
  const shown = places.slice(0, max).map((p) => placeLink(ctx, p));
  const more = places.length > max ? ` and ${plural(places.length - max, 'more place')}` : '';
  return `${shown.join(', ')}${more}`;
}

/** The first `cap` items, and a line for the rest. */
function capped<T>(ctx: Context, items: T[], render: (item: T) => string[], what: string): string[] {
  const out: string[] = [];
  const shown = Number.isFinite(ctx.cap) ? items.slice(0, ctx.cap) : items;
  for (const item of shown) out.push(...render(item));
  if (shown.length < items.length) out.push(`- …and ${plural(items.length - shown.length, what)} more`);
  return out;
}

function deadItem(ctx: Context, link: DeadLink): string[] {
  const since = link.failingSince ? ` · failing since ${link.failingSince}` : '';
  const lines = [`- ${code(link.url)} — ${markdownText(link.reason, 200)}${since}`, `  - used at ${placeList(ctx, link.places)}`];
  const replacement = link.replacement ? autolink(link.replacement.url) : undefined;
  if (link.replacement && replacement) lines.push(`  - suggested replacement (${link.replacement.why}): ${replacement}`);
  lines.push(ignoreBoxLine(link.url, '  '));
  return lines;
}

function sectionLines(input: ReportBodyInput, ctx: Context): string[] {
  const { model } = input;
  const out: string[] = [];
  const section = (title: string, intro: string | undefined, body: string[]) => {
    if (body.length === 0) return;
    out.push(`### ${title}`, '');
    if (intro) out.push(intro, '');
    out.push(...body, '');
  };

  section(
    `🔴 Dead links (${model.dead.length})`,
    '_Failing in enough runs over enough days to be sure. Fix or remove each link, or tick its box to ignore it from the next run on._',
    capped(ctx, model.dead, (link) => deadItem(ctx, link), 'dead link'),
  );
  section(
    `🟡 Failing, not yet confirmed (${model.failing.length})`,
    '_Failing now, but not in enough runs over enough days yet: they may come back. Nothing to do unless you know they are gone._',
    capped(ctx, model.failing, (link) => deadItem(ctx, link), 'failing link'),
  );
  const rot = model.rot ?? [];
  section(
    `${ROT_TITLE} (${rot.length})`,
    ROT_INTRO,
    capped(ctx, rot, (item) => rotItemLines(item, { code: (t) => code(t), places: (p) => placeList(ctx, p), autolink }), 'link'),
  );
  const unverifiable = unverifiableCount(model);
  section(
    `⚪ Unverifiable (${plural(unverifiable, 'link')} on ${plural(model.unverifiable.length, 'host')})`,
    '_Could not be checked automatically (bot walls, rate limits, timeouts) — never counted as dead. Check them in a browser, or ignore a host that always blocks checkers in `.github/listwarden.yml`._',
    capped(
      ctx,
      model.unverifiable,
      (host) => [
        `- **${markdownText(host.host, 200)}** — ${host.reasons.map((r) => markdownText(r, 200)).join('; ')} · ${plural(host.links.length, 'link')}`,
        ...capped(ctx, host.links, (link) => [`  - ${code(link.url)} at ${placeList(ctx, link.places)}`], 'link').map((line) => (line.startsWith('- …') ? `  ${line}` : line)),
      ],
      'host',
    ),
  );
  section(
    `📦 Archived repositories (${model.archived.length})`,
    '_Read-only on GitHub and no longer maintained: keep them only if they are still useful, or point to a maintained fork._',
    capped(ctx, model.archived, (repo) => [`- **${markdownText(repo.name, 200)}** ${code(repo.url)} at ${placeList(ctx, repo.places)}`], 'archived repository'),
  );
  section(
    `↪️ Redirects (${model.redirects.length})`,
    '_Link the new address; the fix pull request does it for the certain ones._',
    capped(
      ctx,
      model.redirects,
      (r) => {
        const target = r.target ? autolink(r.target) : undefined;
        return [`- ${code(r.url)}${target ? ` → ${target}` : ''} — ${markdownText(r.why, 200)} · at ${placeList(ctx, r.places)}`];
      },
      'redirect',
    ),
  );
  if (model.rules.length > 0) {
    const total = model.rules.reduce((n, g) => n + g.findings.length, 0);
    out.push(`### 🧹 Other problems in the lists (${total})`, '');
    for (const group of model.rules) {
      out.push(`#### [${code(group.ruleId, 100)}](${ruleDocUrl(group.ruleId)}) (${group.findings.length})`, '');
      out.push(
        ...capped(
          ctx,
          group.findings,
          (f) => [`- ${f.severity === 'error' ? '🔴' : '🟡'} ${placeLink(ctx, { file: repoPath(f.file), line: f.span.start.line })} ${markdownText(f.message, 500)}`],
          'problem',
        ),
        '',
      );
    }
  }
  if (model.style && model.style.length > 0) {
    const total = model.style.reduce((n, g) => n + g.findings.length, 0);
    out.push(`### 🎨 House style (${total})`, '', 'Entries that differ from the conventions the list itself keeps. Pull requests are held to them only for the entries they add or change; the maintenance pull request fixes these only with `maintenance.style: true`.', '');
    for (const group of model.style) {
      out.push(`#### [${code(group.ruleId, 100)}](${ruleDocUrl(group.ruleId)}) (${group.findings.length})`, '');
      out.push(...capped(ctx, group.findings, (f) => [`- ${placeLink(ctx, { file: repoPath(f.file), line: f.span.start.line })} ${markdownText(f.message, 500)}`], 'problem'), '');
    }
  }
  if (model.infoCount > 0) out.push(`<sub>${plural(model.infoCount, 'note')} of severity info not listed — run \`listwarden check\` to see them.</sub>`, '');
  return out;
}

function ignoredLines(memory: ReportMemory, ctx: Context): string[] {
  if (memory.ignoredUrls.length === 0 && memory.ignoredRules.length === 0) return [];
  const out = ['### 🙈 Ignored', ''];
  if (memory.ignoredUrls.length > 0) {
    out.push('These links are neither checked nor reported (a ticked box or `/listwarden ignore`):', '');
    out.push(...capped(ctx, [...memory.ignoredUrls].sort(), (url) => [`- ${code(url)}`], 'link'), '');
  }
  if (memory.ignoredRules.length > 0) out.push(`These rules are turned off for the report: ${[...memory.ignoredRules].sort().map((r) => code(r, 100)).join(', ')}.`, '');
  out.push(
    ctx.packedMemory
      ? 'To undo: the hidden `listwarden:memory` block at the end of this description is stored compressed (too many ignores to keep as text); delete the whole block to start the ignores and the trend afresh. To ignore for good (also in pull-request reviews), add the URL to `ignore.urls` or set the rule to `off` in `.github/listwarden.yml`.'
      : 'To undo: edit this issue and remove the entry from `ignoredUrls` or `ignoredRules` in the hidden `listwarden:memory` block at the end of its description. To ignore for good (also in pull-request reviews), add the URL to `ignore.urls` or set the rule to `off` in `.github/listwarden.yml`.',
    '',
  );
  return out;
}

function render(input: ReportBodyInput, cap: number, packedMemory: boolean): string {
  const ctx: Context = { repo: input.repo, sha: input.sha, cap, packedMemory, ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}) };
  const { model } = input;
  const out = [REPORT_MARKER, '## listwarden link-rot report', ''];
  const files = input.files.slice(0, 10).map((f) => code(f, 200)).join(', ') + (input.files.length > 10 ? ` and ${input.files.length - 10} more` : '');
  const where = `${plural(input.files.length, 'file')}${input.files.length > 0 ? ` (${files})` : ''}`;
  const when = `on ${input.date}, at commit ${code(input.sha.slice(0, 12), 40)}`;
  out.push(input.linksChecked === undefined ? `Checked ${where} ${when}, without link checks.` : `Checked ${plural(input.linksChecked, 'link')} in ${where} ${when}.`, '');

  if (hasSomethingToReport(model)) {
    const rules = model.rules.reduce((n, g) => n + g.findings.length, 0);
    const counts = [
      `🔴 ${model.dead.length} dead`,
      `🟡 ${model.failing.length} failing`,
      `⚪ ${unverifiableCount(model)} unverifiable`,
      `📦 ${model.archived.length} archived`,
      `↪️ ${plural(model.redirects.length, 'redirect')}`,
      `🧹 ${plural(rules, 'other problem')}`,
    ];
    if ((model.rot ?? []).length > 0) counts.splice(2, 0, `🕳️ ${model.rot!.length} gone but answering`);
    out.push(`**${counts.join(' · ')}**`, '');
  } else if (input.partial) {
    out.push(`☑️ **No problems found on ${input.date} in what could be checked** — not every link was checked this run (see the note).`, '');
  } else {
    out.push(`✅ **All links and lists are healthy as of ${input.date}.**`, '');
  }

  if (input.notes.length > 0) {
    out.push('> [!NOTE]');
    for (const note of input.notes.slice(0, 10)) out.push(`> - ${markdownText(note, 500)}`);
    out.push('');
  }

  const trend = trendLines(input.memory.runs);
  if (trend.length > 0) out.push('### Trend', '', ...trend, '');

  out.push(...sectionLines(input, ctx));

  if (hasSomethingToReport(model) && model.certainFixes > 0) {
    out.push('### 🛠️ Fixes', '', fixBoxLine(model.certainFixes), '');
  }
  out.push(...ignoredLines(input.memory, ctx));
  out.push('<sub>Updated by listwarden on each scheduled run and closed when everything is healthy. Tick a box and the next run acts on it.</sub>');
  return out.join('\n');
}

/**
 * The report issue's body: marker, summary, trend, the sections, the checkboxes, and the
 * memory block last. Deterministic (dates only, everything sorted). When it would exceed
 * the limit, sections are cut to fewer items ("…and N more"); the memory block is never cut.
 */
export function renderReportBody(input: ReportBodyInput): string {
  const limit = input.limit ?? REPORT_BODY_LIMIT;
  const fitted = fittedMemory(input.memory);
  const shown: ReportBodyInput = { ...input, memory: fitted.memory };
  if (fitted.droppedUrls > 0) {
    shown.notes = [
      `${plural(fitted.droppedUrls, 'ignored link')} (the oldest) no longer fit in this issue's memory and are checked again — add them to \`ignore.urls\` in \`.github/listwarden.yml\` to ignore them for good.`,
      ...input.notes,
    ];
  }
  const room = limit - fitted.block.length - 3;
  let content = '';
  for (const cap of CAPS) {
    content = render(shown, cap, fitted.block.includes(PACKED));
    if (content.length <= room) break;
  }
  // Even one item per section is too much (huge notes or ignore lists): cut at a line.
  content = cutAtLine(content, room, '_…the rest of this report does not fit in one issue — run `listwarden check` to see everything._');
  // The memory goes last, appended (never searched for in the text above, which quotes the list).
  return `${content}\n\n${fitted.block}\n`;
}
