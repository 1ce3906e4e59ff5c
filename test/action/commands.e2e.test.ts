/**
 * The bundled Action on `issue_comment`: each `/listwarden` command from a writer and from
 * a reader, against the GitHub API stand-in, with real issue_comment payloads from
 * @octokit/webhooks-examples pointed at the test repository.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplePayload, runBundle, TOKEN, type BundleRun } from './helpers/run-bundle.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { REPORT_LABEL, REPORT_MARKER } from '../../src/report/identity.js';
import { emptyMemory, readMemory, withMemory } from '../../src/report/report-memory.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BOT = 'github-actions[bot]';
const WRITER = 'maintainer-mia';
const READER = 'reader-rob';

const LIST = ['# Awesome Things', '', '## Tools', '', '- [Trivy](https://trivy.dev/) - Scans images.', ''].join('\n');
/** The PR adds an entry with a tracking parameter (a certain fix). */
const PR_LIST = `${LIST}- [Semgrep](https://semgrep.dev/?utm_source=list) - Static analysis.\n`;

let api: GitHubApiStandIn;
let dir: string;
let reportIssue: number;
let pull: number;

interface Comment {
  on: number;
  isPull?: boolean;
  body: string;
  login: string;
  type?: 'User' | 'Bot';
  action?: 'created' | 'edited';
}

/** Posts the comment on the stand-in (so reactions have something to sit on) and writes its event. */
function commentEvent(comment: Comment): string {
  const posted = api.addIssueComment(OWNER, REPO, comment.on, comment.body, comment.login);
  const event = examplePayload<{
    action: string;
    comment: { id: number; body: string; user: { login: string; type: string } };
    issue: { number: number; pull_request?: unknown };
    repository: { full_name: string; name: string; owner: { login: string } };
  }>('issue_comment', comment.action ?? 'created');
  event.comment.id = posted.id;
  event.comment.body = comment.body;
  event.comment.user.login = comment.login;
  event.comment.user.type = comment.type ?? 'User';
  event.issue.number = comment.on;
  if (comment.isPull) event.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${comment.on}` };
  else delete event.issue.pull_request;
  event.repository.full_name = `${OWNER}/${REPO}`;
  event.repository.name = REPO;
  event.repository.owner.login = OWNER;
  const path = join(dir, `comment-${posted.id}.json`);
  writeFileSync(path, JSON.stringify(event));
  return path;
}

function command(comment: Comment): Promise<BundleRun & { id: number }> {
  const eventPath = commentEvent(comment);
  const id = Number(/comment-(\d+)\.json$/.exec(eventPath)![1]);
  return runBundle({ api, dir, owner: OWNER, repo: REPO, eventName: 'issue_comment', eventPath, inputs: { 'check-links': 'none' } }).then((run) => ({ ...run, id }));
}

const repliesTo = (id: number) => api.state.issueComments.filter((c) => c.body.includes(`listwarden:reply-to=${id}`));
const reactions = (id: number) => api.reactionsOn(OWNER, REPO, id).filter((r) => r.user.login === BOT).map((r) => r.content);
const nonLeaseWrites = () => api.requests.filter((r) => r.method !== 'GET' && !r.path.includes('/git/') && !r.path.includes('/reactions') && !(r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path)));

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: BOT, token: TOKEN });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.setFile(OWNER, REPO, 'main', 'README.md', LIST);
  api.setPermission(OWNER, REPO, WRITER, 'write');
  api.setPermission(OWNER, REPO, READER, 'read');
  reportIssue = 3;
  api.addIssue(OWNER, REPO, reportIssue, { title: 'listwarden: link-rot report', body: withMemory(`${REPORT_MARKER}\n## listwarden link-rot report\n`, emptyMemory()), labels: [REPORT_LABEL], login: BOT });
  api.setFile(OWNER, REPO, 'add-semgrep', 'README.md', PR_LIST);
  pull = api.openPull(OWNER, REPO, { head: 'add-semgrep', title: 'Add Semgrep', login: 'contributor-cat' }).number;
  dir = mkdtempSync(join(tmpdir(), 'listwarden-commands-'));
});
afterEach(async () => api.close());

describe('slash commands through the bundled Action', () => {
  it('help: anyone gets one reply listing the commands, with 👀 then 🚀', async () => {
    for (const login of [WRITER, READER]) {
      const run = await command({ on: reportIssue, body: '/listwarden help', login });
      expect(run.code).toBe(0);
      expect(repliesTo(run.id)).toHaveLength(1);
      expect(repliesTo(run.id)[0]!.body).toMatch(/\/listwarden recheck[\s\S]*\/listwarden fix[\s\S]*\/listwarden ignore[\s\S]*\/listwarden explain/);
      expect(reactions(run.id)).toEqual(['eyes', 'rocket']);
    }
    expect(api.invalid).toEqual([]);
  }, 120_000);

  it('explain: the rule, its severity and its documentation, for anyone', async () => {
    const run = await command({ on: pull, isPull: true, body: '/listwarden explain no-tracking-params', login: READER });
    expect(run.code).toBe(0);
    const [reply] = repliesTo(run.id);
    expect(reply!.body).toContain('no-tracking-params');
    expect(reply!.body).toMatch(/docs\/rules\/no-tracking-params\.md/);
    expect(reactions(run.id)).toEqual(['eyes', 'rocket']);
  }, 120_000);

  it('fix on a pull request: a writer gets the certain fixes pushed to the PR branch; a reader is refused and nothing moves', async () => {
    const head = api.branchSha(OWNER, REPO, 'add-semgrep');
    const refused = await command({ on: pull, isPull: true, body: '/listwarden fix', login: READER });
    expect(refused.code).toBe(0);
    expect(api.branchSha(OWNER, REPO, 'add-semgrep')).toBe(head);
    expect(repliesTo(refused.id)[0]!.body).toMatch(/only people with write access/i);
    expect(reactions(refused.id)).toEqual(['confused']);
    // The reader's comment took no lease: no commit, no ref, before or after the permission check.
    expect(api.requests.filter((r) => r.method !== 'GET' && r.path.includes('/git/'))).toEqual([]);

    const done = await command({ on: pull, isPull: true, body: '/listwarden fix', login: WRITER });
    expect(done.code).toBe(0);
    expect(api.branchSha(OWNER, REPO, 'add-semgrep')).not.toBe(head);
    expect(api.fileAt(OWNER, REPO, 'add-semgrep', 'README.md')).toContain('- [Semgrep](https://semgrep.dev/) - Static analysis.');
    expect(reactions(done.id)).toEqual(['eyes', 'rocket']);
    expect(api.invalid).toEqual([]);
  }, 120_000);

  it('recheck on a pull request: a writer gets the review again (check run and summary); a reader gets only a refusal', async () => {
    const refused = await command({ on: pull, isPull: true, body: '/listwarden recheck', login: READER });
    expect(api.state.checkRuns).toEqual([]);
    expect(reactions(refused.id)).toEqual(['confused']);
    const done = await command({ on: pull, isPull: true, body: '/listwarden recheck', login: WRITER });
    expect(done.code).toBe(0);
    expect(api.state.checkRuns).toHaveLength(1);
    expect(api.state.checkRuns[0]!.annotations.map((a) => a.title)).toEqual(['no-tracking-params']);
    expect(reactions(done.id)).toEqual(['eyes', 'rocket']);
    expect(api.invalid).toEqual([]);
  }, 120_000);

  it('recheck and fix on an issue: the report, then the maintenance pull request; a reader changes nothing', async () => {
    api.setFile(OWNER, REPO, 'main', 'README.md', PR_LIST);
    const refused = await command({ on: reportIssue, body: '/listwarden fix', login: READER });
    expect(reactions(refused.id)).toEqual(['confused']);
    expect(api.pullsOf(OWNER, REPO).filter((p) => p.head.ref === 'listwarden/maintenance')).toEqual([]);

    const recheck = await command({ on: reportIssue, body: '/listwarden recheck', login: WRITER });
    expect(recheck.code).toBe(0);
    expect(api.issue(OWNER, REPO, reportIssue)!.body).toContain('no-tracking-params');

    const fix = await command({ on: reportIssue, body: '/listwarden fix', login: WRITER });
    expect(fix.code).toBe(0);
    const maintenance = api.pullsOf(OWNER, REPO).filter((p) => p.head.ref === 'listwarden/maintenance');
    expect(maintenance).toHaveLength(1);
    expect(api.fileAt(OWNER, REPO, 'listwarden/maintenance', 'README.md')).toContain('(https://semgrep.dev/)');
    expect(repliesTo(fix.id)[0]!.body).toContain(`#${maintenance[0]!.number}`);
    expect(api.invalid.filter((r) => r.errors.join() !== 'Reference already exists')).toEqual([]);
  }, 120_000);

  it('ignore: a writer records the URL in the report memory; a reader records nothing', async () => {
    const refused = await command({ on: reportIssue, body: '/listwarden ignore https://flaky.example/page', login: READER });
    expect(readMemory(api.issue(OWNER, REPO, reportIssue)!.body).ignoredUrls).toEqual([]);
    expect(reactions(refused.id)).toEqual(['confused']);
    const done = await command({ on: reportIssue, body: '/listwarden ignore https://flaky.example/page', login: WRITER });
    expect(readMemory(api.issue(OWNER, REPO, reportIssue)!.body).ignoredUrls).toEqual(['https://flaky.example/page']);
    expect(reactions(done.id)).toEqual(['eyes', 'rocket']);
    expect(api.invalid).toEqual([]);
  }, 120_000);

  it('edited comments, comments by bots, and comments that are not commands get no request that writes', async () => {
    await command({ on: reportIssue, body: '/listwarden help', login: WRITER, action: 'edited' });
    await command({ on: reportIssue, body: '/listwarden help', login: 'renovate[bot]', type: 'Bot' });
    await command({ on: reportIssue, body: 'Thanks! /listwarden help is handy', login: WRITER });
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  }, 120_000);

  it('20 concurrent deliveries of one comment give one reply', async () => {
    const eventPath = commentEvent({ on: reportIssue, body: '/listwarden help', login: WRITER });
    const id = Number(/comment-(\d+)\.json$/.exec(eventPath)![1]);
    const runs = await Promise.all(Array.from({ length: 20 }, () => runBundle({ api, dir, owner: OWNER, repo: REPO, eventName: 'issue_comment', eventPath, inputs: { 'check-links': 'none' } })));
    expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
    expect(repliesTo(id)).toHaveLength(1);
    expect(nonLeaseWrites()).toEqual([]);
    expect(new Set(reactions(id))).toEqual(new Set(['eyes', 'rocket']));
  }, 300_000);
});
