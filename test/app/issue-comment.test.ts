/**
 * The app on `issue_comment`: `/listwarden …` commands through the command use case, with
 * real payloads, probot.receive() and nock in front of api.github.com.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BOT, GitHubMock, OWNER, REPO, SECRET, TOKEN, messages, payloadFor, testProbot } from './helpers/probot-fixture.js';
import { HEAD_SHA, BASE_SHA, PULL, mockReviewReads, mockReviewWrites } from './helpers/pull-fixture.js';

const CONFIG = 'duplicates:\n  scope: section\n';
const COMMENT_ID = 492700400;
const ISSUE = 12;
const MAIN_SHA = 'd'.repeat(40);
const repoPath = `/repos/${OWNER}/${REPO}`;

interface CommentPayload {
  comment: { id: number; body: string; user: { login: string; type: string } };
  issue: { number: number; pull_request?: unknown };
}

function commentEvent(body: string, edit: (payload: CommentPayload) => void = () => {}) {
  return payloadFor<CommentPayload>('issue_comment', 'created', (payload) => {
    payload.comment.body = body;
    payload.comment.id = COMMENT_ID;
    payload.issue.number = ISSUE;
    edit(payload);
  });
}

/** The lease the command takes (a commit on main, a ref outside refs/heads) and gives back (once it sees the ref is still its own). */
function mockLease(gh: GitHubMock): void {
  gh.scope
    .get(repoPath)
    .reply(200, { name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main', owner: { login: OWNER } })
    .get(`${repoPath}/git/ref/heads%2Fmain`)
    .reply(200, { ref: 'refs/heads/main', object: { sha: MAIN_SHA, type: 'commit' } })
    .get(`${repoPath}/git/commits/${MAIN_SHA}`)
    .reply(200, { sha: MAIN_SHA, message: 'main', tree: { sha: 'e'.repeat(40) }, parents: [] })
    .post(`${repoPath}/git/commits`)
    .reply(201, { sha: 'f'.repeat(40), message: 'lease', tree: { sha: 'e'.repeat(40) }, parents: [{ sha: MAIN_SHA }] })
    .post(`${repoPath}/git/refs`)
    .reply(201, { ref: `refs/listwarden/lease-command-${COMMENT_ID}`, object: { sha: 'f'.repeat(40) } })
    .get(`${repoPath}/git/ref/listwarden%2Flease-command-${COMMENT_ID}`)
    .reply(200, { ref: `refs/listwarden/lease-command-${COMMENT_ID}`, object: { sha: 'f'.repeat(40), type: 'commit' } })
    .delete(`${repoPath}/git/refs/listwarden%2Flease-command-${COMMENT_ID}`)
    .reply(204);
}

function mockPermission(gh: GitHubMock, permission: string): void {
  gh.scope.get(`${repoPath}/collaborators/Codertocat/permission`).reply(200, { permission, role_name: permission, user: { login: 'Codertocat' } });
}

/** The reply and reactions: 👀 first, then the answer, then 🚀 or 😕. */
function mockAnswer(gh: GitHubMock, issue: number, done: 'rocket' | 'confused'): void {
  gh.scope
    .get(`${repoPath}/issues/${issue}/comments`)
    .query(true)
    .reply(200, [])
    .post(`${repoPath}/issues/comments/${COMMENT_ID}/reactions`, { content: 'eyes' })
    .reply(201, { id: 1, content: 'eyes' })
    .post(`${repoPath}/issues/${issue}/comments`)
    .reply(201, { id: 9001, body: '', user: { login: BOT } })
    .post(`${repoPath}/issues/comments/${COMMENT_ID}/reactions`, { content: done })
    .reply(201, { id: 2, content: done });
}

const replyOf = (gh: GitHubMock, issue: number) => (gh.requests('POST', `${repoPath}/issues/${issue}/comments`)[0]?.body as { body: string } | undefined)?.body;
const reactionsOf = (gh: GitHubMock) => gh.requests('POST', `${repoPath}/issues/comments/${COMMENT_ID}/reactions`).map((r) => (r.body as { content: string }).content);

let gh: GitHubMock;
let logText: () => string;

beforeEach(() => {
  gh = new GitHubMock();
});

afterEach(() => {
  gh.done();
  expect(logText()).not.toContain(TOKEN);
  expect(logText()).not.toContain(SECRET);
});

describe('issue_comment.created', () => {
  it('/listwarden help: 👀, the command list as a reply tied to the comment, 🚀', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config(CONFIG).appIdentity();
    mockLease(gh);
    mockAnswer(gh, ISSUE, 'rocket');
    await app.probot.receive({ id: 'c-help', name: 'issue_comment', payload: commentEvent('/listwarden help') as never });

    expect(reactionsOf(gh)).toEqual(['eyes', 'rocket']);
    const reply = replyOf(gh, ISSUE)!;
    expect(reply).toContain('**listwarden commands**');
    expect(reply).toContain(`<!-- listwarden:reply-to=${COMMENT_ID} -->`);
    expect(messages(app.lines)).toContain('/listwarden help by Codertocat on #12: done');
  });

  it('/listwarden ignore <url> from a writer: answered (no report issue yet, so nothing recorded) with 🚀', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config(CONFIG).appIdentity();
    mockLease(gh);
    mockPermission(gh, 'write');
    mockAnswer(gh, ISSUE, 'rocket');
    gh.scope.get(`${repoPath}/issues`).query((q) => q.labels === 'listwarden').reply(200, []);
    await app.probot.receive({ id: 'c-ignore-w', name: 'issue_comment', payload: commentEvent('/listwarden ignore https://old.example/gone') as never });

    expect(reactionsOf(gh)).toEqual(['eyes', 'rocket']);
    expect(replyOf(gh, ISSUE)).toContain('https://old.example/gone');
    expect(gh.requests('PATCH', /\/issues\/\d+$/)).toEqual([]);
  });

  it('/listwarden ignore <url> from a reader: the permission asked first, then a polite refusal and 😕 — no lease, no 👀, nothing else', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config(CONFIG).appIdentity();
    mockPermission(gh, 'read');
    gh.scope
      .get(`${repoPath}/issues/${ISSUE}/comments`)
      .query(true)
      .reply(200, [])
      .post(`${repoPath}/issues/${ISSUE}/comments`)
      .reply(201, { id: 9001, body: '', user: { login: BOT } })
      .post(`${repoPath}/issues/comments/${COMMENT_ID}/reactions`, { content: 'confused' })
      .reply(201, { id: 2, content: 'confused' });
    await app.probot.receive({ id: 'c-ignore-r', name: 'issue_comment', payload: commentEvent('/listwarden ignore https://old.example/gone') as never });

    const repoRequests = gh.seen.filter((r) => r.path.startsWith(repoPath) && !r.path.includes('/contents/'));
    expect(repoRequests[0]!.path).toBe(`${repoPath}/collaborators/Codertocat/permission`);
    expect(gh.writes.map((w) => `${w.method} ${w.path.split('?')[0]}`)).toEqual([`POST ${repoPath}/issues/${ISSUE}/comments`, `POST ${repoPath}/issues/comments/${COMMENT_ID}/reactions`]);
    expect(reactionsOf(gh)).toEqual(['confused']);
    expect(replyOf(gh, ISSUE)).toMatch(/^@Codertocat, only people with write access can run `\/listwarden ignore https:\/\/old\.example\/gone` — ask a maintainer\./);
    expect(messages(app.lines).join('\n')).toMatch(/\/listwarden ignore by Codertocat on #12: refused \(Codertocat has read access\)/);
  });

  it('/listwarden recheck on a pull request from a writer: the review runs again, with the same requests as on pull_request', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config(CONFIG).appIdentity();
    mockLease(gh);
    mockPermission(gh, 'admin');
    mockAnswer(gh, PULL, 'rocket');
    gh.scope
      .get(`${repoPath}/pulls/${PULL}`)
      .reply(200, { number: PULL, state: 'open', merged_at: null, title: 'Add tools', body: null, head: { ref: 'add-tools', sha: HEAD_SHA, repo: { full_name: `${OWNER}/${REPO}` } }, base: { ref: 'main', sha: BASE_SHA } });
    mockReviewReads(gh);
    mockReviewWrites(gh, BOT);
    await app.probot.receive({
      id: 'c-recheck',
      name: 'issue_comment',
      payload: commentEvent('/listwarden recheck', (p) => {
        p.issue.number = PULL;
        p.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PULL}` };
      }) as never,
    });

    expect(gh.requests('POST', `${repoPath}/check-runs`)).toHaveLength(1);
    expect(reactionsOf(gh)).toEqual(['eyes', 'rocket']);
    // The command's reply and the review's summary comment, in that order of posting: summary first, then the reply.
    const posted = gh.requests('POST', `${repoPath}/issues/${PULL}/comments`).map((r) => (r.body as { body: string }).body);
    expect(posted[0]).toMatch(/^<!-- listwarden:summary -->/);
    expect(posted[1]).toMatch(/^@Codertocat, `\/listwarden recheck`: 2 problem\(s\) in the lines this pull request changes, \d+ elsewhere/);
  });

  it('no request at all for a comment that is no command, for an edited comment, or for a bot', async () => {
    const app = await testProbot();
    logText = app.logText;
    await app.probot.receive({ id: 'c-1', name: 'issue_comment', payload: commentEvent('Thanks! /listwarden help is handy') as never });
    await app.probot.receive({
      id: 'c-2',
      name: 'issue_comment',
      payload: commentEvent('/listwarden fix', (p) => {
        p.comment.user = { login: 'renovate[bot]', type: 'Bot' };
      }) as never,
    });
    const edited = payloadFor<CommentPayload>('issue_comment', 'edited', (p) => {
      p.comment.body = '/listwarden fix';
    });
    await app.probot.receive({ id: 'c-3', name: 'issue_comment', payload: edited as never });
    expect(gh.seen).toEqual([]);
  });

  it('no config: a dry run — the comment is read and answered in the log only', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config(undefined).appIdentity();
    gh.scope.get(`${repoPath}/issues/${ISSUE}/comments`).query(true).reply(200, []);
    await app.probot.receive({ id: 'c-dry', name: 'issue_comment', payload: commentEvent('/listwarden help') as never });

    expect(gh.writes).toEqual([]);
    const logged = messages(app.lines).join('\n');
    expect(logged).toContain('dry run: would react eyes on comment 492700400');
    expect(logged).toContain('dry run: would reply on #12: **listwarden commands**');
  });

  it('an invalid config: recheck answers what is wrong in the config, with 😕', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config('links:\n  concurrency: many\n').appIdentity();
    mockLease(gh);
    mockPermission(gh, 'write');
    mockAnswer(gh, ISSUE, 'confused');
    await app.probot.receive({ id: 'c-bad', name: 'issue_comment', payload: commentEvent('/listwarden recheck') as never });

    expect(replyOf(gh, ISSUE)).toMatch(/^@Codertocat, `\/listwarden recheck` could not be done: \.github\/listwarden\.yml: "links\.concurrency": .*expected number.* — fix the file on the default branch/);
    expect(messages(app.lines, 50).join('\n')).toMatch(/comment 492700400 on #12: \.github\/listwarden\.yml: "links\.concurrency"/);
  });
});
