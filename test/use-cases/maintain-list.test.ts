import { describe, expect, it } from '@jest/globals';
import { maintainList, isListwardenCommit, type MaintenanceRequest } from '../../src/use-cases/maintain-list.js';
import { MAINTENANCE_BRANCH, MAINTENANCE_MARKER } from '../../src/report/identity.js';
import { MAINTENANCE_TRAILER, readFingerprint } from '../../src/maintenance/pull-body.js';
import { leaseRef } from '../../src/use-cases/lease.js';
import { checkWith, config, redirect, type LinkWorld } from '../maintenance/helpers/link-evidence.js';
import { BOT, FakeGitHub, FakeHttpError, REPO, withoutLeases } from './helpers/fake-github.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');

const LIST = ['# Awesome Things', '', '- [Alpha](https://old.example/alpha) - Moved permanently.', '- [Gitleak](https://gitleaks.io/) - Finds secrets.', '- [Fine](https://fine.example/) - Fine for now.', ''].join('\n');
const WORLD: LinkWorld = { answers: { 'https://old.example/alpha': redirect('https://old.example/alpha', 'https://old.example/new/alpha') } };
const MORE: LinkWorld = { answers: { ...WORLD.answers, 'https://fine.example/': redirect('https://fine.example/', 'https://fine.example/home') } };

function repo(): FakeGitHub {
  return new FakeGitHub({ 'README.md': LIST, 'CONTRIBUTING.md': 'Be kind.\n' }, { knowsLogin: true });
}

/** A request as a scheduled run builds it: the lists at main's head, checked against `world`. */
async function request(gh: FakeGitHub, world: LinkWorld = WORLD, over: Partial<MaintenanceRequest> = {}): Promise<MaintenanceRequest> {
  const baseSha = gh.head();
  const files = [{ path: 'README.md', source: gh.fileAt(baseSha, 'README.md')! }];
  const cfg = config();
  const checked = await checkWith(files, cfg, world);
  return { repo: REPO, config: cfg, defaultBranch: 'main', baseSha, files, findings: checked.findings, ...(checked.evidence ? { evidence: checked.evidence } : {}), botLogin: BOT, now: () => NOW, ...over };
}

async function run(gh: FakeGitHub, world: LinkWorld = WORLD, over: Partial<MaintenanceRequest> = {}) {
  const before = gh.writes.length;
  const outcome = await maintainList(gh, await request(gh, world, over));
  return { outcome, writes: gh.writes.slice(before) };
}

describe('maintainList', () => {
  it('opens one pull request from one listwarden commit on the base, with every change explained', async () => {
    const gh = repo();
    const base = gh.head();
    const { outcome } = await run(gh);

    expect(outcome).toMatchObject({ action: 'opened', pull: 1 });
    expect(outcome.changes.map((c) => `${c.line} ${c.ruleId}`)).toEqual(['3 no-redirect', '4 tool-name-spelling']);
    const fixed = gh.fileAt(MAINTENANCE_BRANCH, 'README.md')!;
    expect(fixed).toContain('- [Alpha](https://old.example/new/alpha) - Moved permanently.');
    expect(fixed).toContain('- [Gitleaks](https://gitleaks.io/) - Finds secrets.');
    expect(gh.fileAt(MAINTENANCE_BRANCH, 'CONTRIBUTING.md')).toBe('Be kind.\n');
    expect(gh.fileAt('main', 'README.md')).toBe(LIST);

    const commits = await gh.listCommitsBetween(REPO, base, MAINTENANCE_BRANCH);
    expect(commits).toHaveLength(1);
    expect(commits[0]!.parents).toEqual([base]);
    expect(commits[0]!.message.split('\n')).toContain(MAINTENANCE_TRAILER);

    const [pull] = gh.pulls;
    expect(gh.pulls).toHaveLength(1);
    expect(pull).toMatchObject({ state: 'open', headRef: MAINTENANCE_BRANCH, baseRef: 'main', title: 'listwarden: 2 certain fixes to README.md' });
    expect(pull!.body.startsWith(MAINTENANCE_MARKER)).toBe(true);
    expect(pull!.body).toContain('301 → https:&#8203;//old.example/new/alpha, which answered 200');
    expect(readFingerprint(pull!.body)).toMatch(/^[0-9a-f]{32}$/);
    expect(gh.refs.has(leaseRef('maintenance'))).toBe(false);
  });

  it('leaves everything as it is on the next run with the same changes', async () => {
    const gh = repo();
    await run(gh);
    const head = gh.head(MAINTENANCE_BRANCH);
    const { outcome, writes } = await run(gh);
    expect(outcome).toMatchObject({ action: 'unchanged', pull: 1 });
    expect(withoutLeases(writes)).toEqual([]);
    expect(gh.head(MAINTENANCE_BRANCH)).toBe(head);
  });

  it('updates the same pull request in place when the changes grow, still one commit on the base', async () => {
    const gh = repo();
    await run(gh);
    const { outcome, writes } = await run(gh, MORE);
    expect(outcome).toMatchObject({ action: 'updated', pull: 1 });
    expect(outcome.changes).toHaveLength(3);
    expect(withoutLeases(writes)).toEqual(['createCommit README.md', `updateBranch ${MAINTENANCE_BRANCH} (force)`, 'updatePull #1 body,title']);
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]!.body).toContain('https://fine.example/home');
    expect(gh.pulls[0]!.title).toBe('listwarden: 3 certain fixes to README.md');
    expect(gh.fileAt(MAINTENANCE_BRANCH, 'README.md')).toContain('[Fine](https://fine.example/home)');
    expect(await gh.listCommitsBetween(REPO, gh.head(), MAINTENANCE_BRANCH)).toHaveLength(1);
  });

  it('moves its commit onto a new base when the default branch moved, keeping the same pull request', async () => {
    const gh = repo();
    await run(gh);
    gh.push('main', { 'CONTRIBUTING.md': 'Be kind, always.\n' }, { login: 'maintainer' });
    const { outcome } = await run(gh);
    expect(outcome).toMatchObject({ action: 'updated', pull: 1 });
    const commits = await gh.listCommitsBetween(REPO, gh.head(), MAINTENANCE_BRANCH);
    expect(commits).toHaveLength(1);
    expect(commits[0]!.parents).toEqual([gh.head()]);
    expect(gh.fileAt(MAINTENANCE_BRANCH, 'CONTRIBUTING.md')).toBe('Be kind, always.\n');
  });

  it("never force-pushes over a person's commit: it leaves the branch and the pull request alone and says why", async () => {
    const gh = repo();
    await run(gh);
    const theirs = gh.push(MAINTENANCE_BRANCH, { 'README.md': `${LIST}- [Extra](https://extra.example/) - Added by Alice.\n` }, { login: 'alice' });
    const body = gh.pulls[0]!.body;
    const { outcome, writes } = await run(gh, MORE);
    expect(outcome).toMatchObject({ action: 'person-pushed', pull: 1 });
    expect(outcome.note).toBe(`A person pushed to ${MAINTENANCE_BRANCH}; leaving it alone — merge or close #1 and the next run starts over`);
    expect(withoutLeases(writes)).toEqual([]);
    expect(gh.head(MAINTENANCE_BRANCH)).toBe(theirs);
    expect(gh.pulls[0]!.body).toBe(body);
  });

  it('starts over once the pull request with the person’s commit is closed (the closed pull request keeps their commit)', async () => {
    const gh = repo();
    await run(gh);
    const theirs = gh.push(MAINTENANCE_BRANCH, { 'CONTRIBUTING.md': 'Alice was here.\n' }, { login: 'alice' });
    gh.closePull(1);
    const { outcome } = await run(gh, MORE);
    expect(outcome).toMatchObject({ action: 'opened', pull: 2 });
    expect(gh.pulls[0]).toMatchObject({ number: 1, state: 'closed', headSha: theirs });
    expect(gh.fileAt(MAINTENANCE_BRANCH, 'CONTRIBUTING.md')).toBe('Be kind.\n');
  });

  it('does not reopen or recreate changes a maintainer closed unmerged, but proposes a different set', async () => {
    const gh = repo();
    await run(gh);
    gh.closePull(1);
    const declined = await run(gh);
    expect(declined.outcome).toMatchObject({ action: 'rejected-before', pull: 1 });
    expect(declined.outcome.note).toMatch(/declined in #1 \(closed unmerged\)/);
    expect(withoutLeases(declined.writes)).toEqual([]);
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]!.state).toBe('closed');

    const different = await run(gh, MORE);
    expect(different.outcome).toMatchObject({ action: 'opened', pull: 2 });
    expect(gh.pulls.map((p) => `${p.number} ${p.state}`)).toEqual(['1 closed', '2 open']);
  });

  it('opens a fresh pull request after the last one was merged and new problems appear', async () => {
    const gh = repo();
    await run(gh);
    gh.mergePull(1);
    expect(gh.fileAt('main', 'README.md')).toContain('https://old.example/new/alpha');

    const quiet = await run(gh);
    expect(quiet.outcome).toMatchObject({ action: 'nothing-to-fix' });
    expect(withoutLeases(quiet.writes)).toEqual([]);

    const { outcome } = await run(gh, MORE);
    expect(outcome).toMatchObject({ action: 'opened', pull: 2 });
    expect(outcome.changes.map((c) => c.ruleId)).toEqual(['no-redirect']);
    expect(gh.pulls.map((p) => `${p.number} ${p.state}${p.merged ? ' merged' : ''}`)).toEqual(['1 closed merged', '2 open']);
    expect(await gh.listCommitsBetween(REPO, gh.head(), MAINTENANCE_BRANCH)).toHaveLength(1);
  });

  it('closes its open pull request with a comment when nothing is left to fix (fixed another way)', async () => {
    const gh = repo();
    await run(gh);
    gh.push('main', { 'README.md': gh.fileAt(MAINTENANCE_BRANCH, 'README.md')! }, { login: 'maintainer' });
    const { outcome } = await run(gh);
    expect(outcome).toMatchObject({ action: 'nothing-to-fix', pull: 1 });
    expect(gh.pulls[0]!.state).toBe('closed');
    expect(gh.commentsOn(1).map((c) => c.body)).toEqual([expect.stringMatching(/^listwarden finds nothing left to fix on `main`/)]);
  });

  it('leaves an open pull request as it is when the network was down (its link fixes could not be re-checked)', async () => {
    const gh = repo();
    await run(gh, MORE);
    const req = await request(gh, {});
    req.evidence!.run.networkUnavailable = true;
    const before = gh.writes.length;
    const outcome = await maintainList(gh, req);
    expect(outcome).toMatchObject({ action: 'unchanged', pull: 1 });
    expect(withoutLeases(gh.writes.slice(before))).toEqual([]);
  });

  it('writes nothing in a dry run, and logs what it would do', async () => {
    const gh = repo();
    const lines: string[] = [];
    const { outcome, writes } = await run(gh, WORLD, { dryRun: true, log: (l) => lines.push(l) });
    expect(outcome.action).toBe('opened');
    expect(outcome.note).toBe('dry run, nothing written: would open a pull request with 2 changes');
    expect(outcome.changes).toHaveLength(2);
    expect(writes).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining(['maintenance: 2 certain changes in 1 file', `dry run: would create branch ${MAINTENANCE_BRANCH}`, 'dry run: would open a pull request "listwarden: 2 certain fixes to README.md"']));

    await run(gh);
    const update = await run(gh, MORE, { dryRun: true, log: () => undefined });
    expect(update.outcome).toMatchObject({ action: 'updated', pull: 1 });
    expect(update.writes).toEqual([]);
  });

  it('skips when another run holds the maintenance lease', async () => {
    const gh = repo();
    const until = new Date(NOW + 10 * 60_000).toISOString();
    const lock = await gh.createCommit(REPO, { message: `listwarden lease until ${until}`, parentSha: gh.head(), files: [] });
    await gh.createRef(REPO, leaseRef('maintenance'), lock);
    const { outcome, writes } = await run(gh);
    expect(outcome.action).toBe('skipped');
    expect(outcome.note).toMatch(/another listwarden run is working on the maintenance pull request/);
    expect(withoutLeases(writes)).toEqual([]);
    expect(gh.pulls).toEqual([]);
    expect(await gh.getBranchSha(REPO, MAINTENANCE_BRANCH)).toBeUndefined();
  });

  it('does the work once when two runs start together', async () => {
    const gh = repo();
    const [a, b] = await Promise.all([request(gh), request(gh)]);
    const outcomes = await Promise.all([maintainList(gh, a!), maintainList(gh, b!)]);
    expect(outcomes.map((o) => o.action).sort()).toEqual(['opened', 'skipped']);
    expect(gh.pulls).toHaveLength(1);
  });
});

describe('telling listwarden’s commits from a person’s', () => {
  const ours = { sha: 'a', message: `fixes\n\n${MAINTENANCE_TRAILER}\n`, authorLogin: BOT, committerLogin: BOT, parents: [] };
  it('needs the trailer and, when the bot is known, no person as author or committer', () => {
    expect(isListwardenCommit(ours, BOT)).toBe(true);
    expect(isListwardenCommit({ ...ours, authorLogin: 'github-actions', committerLogin: 'web-flow' }, BOT)).toBe(true);
    expect(isListwardenCommit({ ...ours, message: 'fixes' }, BOT)).toBe(false);
    expect(isListwardenCommit({ ...ours, authorLogin: 'alice' }, BOT)).toBe(false);
    expect(isListwardenCommit({ ...ours, committerLogin: 'alice' }, BOT)).toBe(false);
  });
});

describe('the fake GitHub refuses what GitHub refuses', () => {
  it('422 on a branch move that is not a fast-forward without force, on an existing ref, on a second open pull request', async () => {
    const gh = repo();
    const base = gh.head();
    const a = await gh.createCommit(REPO, { message: 'a', parentSha: base, files: [{ path: 'x.md', content: 'a' }] });
    const b = await gh.createCommit(REPO, { message: 'b', parentSha: base, files: [{ path: 'x.md', content: 'b' }] });
    await gh.createBranch(REPO, 'topic', a);
    await expect(gh.updateBranch(REPO, 'topic', b, false)).rejects.toMatchObject({ status: 422 });
    await gh.updateBranch(REPO, 'topic', b, true);
    await expect(gh.createBranch(REPO, 'topic', a)).rejects.toBeInstanceOf(FakeHttpError);
    expect(await gh.createRef(REPO, 'refs/heads/topic', a)).toBe(false);
    await gh.createPull(REPO, { title: 't', body: '', head: 'topic', base: 'main' });
    await expect(gh.createPull(REPO, { title: 't', body: '', head: 'topic', base: 'main' })).rejects.toMatchObject({ status: 422 });
    await gh.createBranch(REPO, 'empty', base);
    await expect(gh.createPull(REPO, { title: 't', body: '', head: 'empty', base: 'main' })).rejects.toMatchObject({ status: 422 });
  });
});

describe('a hostile redirect target in the maintenance pull request', () => {
  const HOSTILE = 'https://old.example/x)[Download v2 (official mirror)](https://phish.example/setup.exe) | pwned |';
  const TABLE = ['# Awesome Things', '', '| Name | What |', '| --- | --- |', '| [Alpha](https://old.example/alpha) | Moved permanently. |', '| [Fine](https://fine.example/) | Fine. |', ''].join('\n');

  it('commits the target as one percent-encoded URL: the row keeps its cells and gains no link', async () => {
    const gh = new FakeGitHub({ 'README.md': TABLE }, { knowsLogin: true });
    await run(gh, { answers: { 'https://old.example/alpha': redirect('https://old.example/alpha', HOSTILE) } });
    const fixed = gh.fileAt(MAINTENANCE_BRANCH, 'README.md')!;
    expect(fixed).toBe(TABLE.replace('https://old.example/alpha', 'https://old.example/x%29%5BDownload%20v2%20%28official%20mirror%29%5D%28https://phish.example/setup.exe%29%20%7C%20pwned%20%7C'));
    expect(gh.pulls[0]!.body).not.toContain('](https://phish.example/setup.exe)');
  });

  it('makes no pull request for a redirect to another host (a suggestion, not a certain fix)', async () => {
    const gh = new FakeGitHub({ 'README.md': TABLE }, { knowsLogin: true });
    const { outcome } = await run(gh, { answers: { 'https://old.example/alpha': redirect('https://old.example/alpha', 'https://elsewhere.example/alpha') } });
    expect(outcome.changes).toEqual([]);
    expect(gh.pulls).toEqual([]);
  });
});
