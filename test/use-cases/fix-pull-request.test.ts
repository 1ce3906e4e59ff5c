import { describe, it, expect } from '@jest/globals';
import { CommandError } from '../../src/commands/command-error.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { fixPullRequest } from '../../src/use-cases/fix-pull-request.js';
import type { RuleRunner } from '../../src/use-cases/check-lists.js';
import { checkFiles } from '../../src/core/check-files.js';
import { tooSlow } from '../../src/app/check-pool.js';
import { TOO_SLOW } from '../../src/core/parse/inspect-input.js';
import { handleCommand } from '../../src/use-cases/handle-command.js';
import { BASE_LIST, commentEvent, HEAD_LIST, NOW, recordingRunners } from './helpers/command-fixtures.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

const FIXED_HEAD = HEAD_LIST.replace('[Gitleak]', '[Gitleaks]').replace('?utm_source=newsletter', '').replace('?utm_source=old', '');

function request(pull: number) {
  return { repo: REPO, pull, files: ['**/*.md'], config: resolveConfig() };
}

function world() {
  const gh = new FakeGitHub({ 'README.md': BASE_LIST, 'src/app.ts': 'export {};\n' });
  return { gh };
}

/** The lines of each suggestion block in a review. */
function suggestionsOf(gh: FakeGitHub): { path: string; line: number; text: string }[] {
  return gh.reviews.flatMap((r) => r.comments.map((c) => ({ path: c.path, line: c.line, text: /```suggestion\n([\s\S]*?)```/.exec(c.body)![1]! })));
}

describe('fixPullRequest on a branch of this repository', () => {
  it('pushes one commit with every certain fix on top of the head, fast-forwarding the branch', async () => {
    const { gh } = world();
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const head = gh.head('add-tools')!;
    const outcome = await fixPullRequest(gh, request(pull));
    expect(outcome.pushed).toBe(gh.head('add-tools'));
    expect(gh.commits.get(outcome.pushed!)!.parents).toEqual([head]);
    expect(gh.fileAt('add-tools', 'README.md')).toBe(FIXED_HEAD);
    expect(gh.fileAt('add-tools', 'src/app.ts')).toBe('export {};\n');
    expect(outcome).toMatchObject({ suggested: 0, changes: 3 });
    expect(outcome.line).toBe(`pushed 3 fixes in 1 file to \`add-tools\` (${outcome.pushed!.slice(0, 7)}): 1× tool-name-spelling, 2× no-tracking-params.`);
    expect(gh.commits.get(outcome.pushed!)!.message).toMatch(/^listwarden: apply 3 certain fixes\n\nAsked for with \/listwarden fix on #\d+\.\n\n- README\.md: /);
    expect(gh.writes.filter((w) => w.startsWith('updateBranch'))).toEqual(['updateBranch add-tools']);
    expect(gh.reviews).toEqual([]);
  });

  it('names a branch with a backtick in one closed code span: no mention, no HTML in the reply', async () => {
    const { gh } = world();
    const branch = 'x`@octocat<b>hi</b>';
    const pull = gh.openPull(branch, { 'README.md': HEAD_LIST });
    const outcome = await fixPullRequest(gh, request(pull));
    expect(outcome.line).toContain("to `x'@octocat<b>hi</b>` (");
    const create = gh.createCommit.bind(gh);
    const moving = gh.openPull(branch + '2', { 'README.md': HEAD_LIST });
    gh.createCommit = async (repo, commit) => {
      const sha = await create(repo, commit);
      gh.push(branch + '2', { 'NOTES.md': 'pushed by a person\n' });
      return sha;
    };
    await expect(fixPullRequest(gh, request(moving))).rejects.toThrow("the branch `x'@octocat<b>hi</b>2` moved while listwarden was fixing it");
  });

  it('a list past the deadline is left alone and named in the reply as text (no mention, no HTML)', async () => {
    const { gh } = world();
    const name = 'x@octocat<b>.md';
    const pull = gh.openPull('add-tools', { [name]: HEAD_LIST, 'README.md': HEAD_LIST });
    const runner: RuleRunner = async (files, config, part) => {
      const rest = checkFiles(files.filter((f) => f.path !== name), config, part);
      return { ...rest, problems: [...rest.problems, ...files.filter((f) => f.path === name).map((f) => tooSlow(f, 50))] };
    };
    const outcome = await fixPullRequest(gh, { ...request(pull), rules: runner });
    expect(outcome.line).toMatch(/^pushed 3 fixes in 1 file/);
    expect(outcome.line).toContain(`(x@&#8203;octocat&lt;b&gt;.md: ${TOO_SLOW}: checking this file took longer than 50 ms`);
    expect(gh.fileAt('add-tools', name)).toBe(HEAD_LIST);
  });

  it('says in the reply which certain fix it left out, at its finding, and pushes the others', async () => {
    const { gh } = world();
    // The missing </a> would go on line 4, after the text before </p>: a line the finding (3) is not on.
    const list = ['# Tools', '', '<p><a href="https://one.example/">One', 'and more words</p>', '', '- [Two](https://two.example/?utm_source=news) - Second.', ''].join('\n');
    const pull = gh.openPull('html-list', { 'README.md': list });
    const outcome = await fixPullRequest(gh, request(pull));
    expect(gh.fileAt('html-list', 'README.md')).toBe(list.replace('?utm_source=news', ''));
    expect(outcome.changes).toBe(1);
    expect(outcome.line).toContain('(README.md:3:4  html-unclosed-tag  fix not applied: it would change line 4, which this finding is not on — check it by hand)');
  });

  it('says there is nothing to fix, and writes nothing, when the lists are clean or untouched', async () => {
    const { gh } = world();
    const clean = gh.openPull('clean', { 'README.md': FIXED_HEAD });
    const code = gh.openPull('code-only', { 'src/app.ts': 'export const x = 1;\n' });
    expect(await fixPullRequest(gh, request(clean))).toEqual({ suggested: 0, changes: 0, line: 'Nothing to fix: listwarden is certain of no fix in the lists this pull request changes.' });
    expect((await fixPullRequest(gh, request(code))).line).toBe('Nothing to fix: this pull request changes no list file (**/*.md).');
    expect(gh.writes).toEqual([]);
  });

  it('never overwrites what a person pushed meanwhile: the push is refused and the commenter told to run it again', async () => {
    const { gh } = world();
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const create = gh.createCommit.bind(gh);
    gh.createCommit = async (repo, commit) => {
      const sha = await create(repo, commit);
      gh.push('add-tools', { 'NOTES.md': 'pushed by a person\n' });
      return sha;
    };
    const personal = () => gh.head('add-tools');
    await expect(fixPullRequest(gh, request(pull))).rejects.toThrow(new CommandError('the branch `add-tools` moved while listwarden was fixing it (someone pushed) — run `/listwarden fix` again.'));
    expect(gh.fileAt(personal()!, 'NOTES.md')).toBe('pushed by a person\n');
    expect(gh.fileAt(personal()!, 'README.md')).toBe(HEAD_LIST);
  });

  it('refuses closed, merged and missing pull requests with what to do instead', async () => {
    const { gh } = world();
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    gh.closePull(pull);
    await expect(fixPullRequest(gh, request(pull))).rejects.toThrow(`#${pull} is closed, so there is no branch to fix — run \`/listwarden fix\` on the report issue to fix the default branch.`);
    const merged = gh.openPull('more-tools', { 'README.md': HEAD_LIST });
    gh.mergePull(merged);
    await expect(fixPullRequest(gh, request(merged))).rejects.toThrow(/is merged, so there is no branch to fix/);
    await expect(fixPullRequest(gh, request(99))).rejects.toThrow('there is no pull request #99 in octo/awesome-things — check the number.');
    expect(gh.writes).toEqual([]);
  });
});

describe('fixPullRequest when listwarden may not push', () => {
  it('posts the fixes on changed lines as one review of suggestions for a fork, and none twice', async () => {
    const { gh } = world();
    const pull = gh.openPull('patch-1', { 'README.md': HEAD_LIST }, 'contributor/awesome-things');
    const outcome = await fixPullRequest(gh, request(pull));
    expect(outcome.pushed).toBeUndefined();
    expect(gh.writes.some((w) => w.startsWith('createCommit') || w.startsWith('updateBranch'))).toBe(false);
    expect(outcome).toMatchObject({ suggested: 2, changes: 3 });
    expect(outcome.line).toBe(
      'Not pushed (its branch is in a fork, where listwarden may not push); posted 2 fixes as suggestions instead; 1 fix is on lines this pull request does not change, left to the maintenance pull request.',
    );
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviews[0]!.commitId).toBe(gh.issues.get(pull)!.pull!.headSha);
    expect(suggestionsOf(gh)).toEqual([
      { path: 'README.md', line: 6, text: '- [Gitleaks](https://github.com/gitleaks/gitleaks-action) - Runs the scan in CI.\n' },
      { path: 'README.md', line: 7, text: '- [Trivy](https://trivy.dev/) - Scans images.\n' },
    ]);

    const again = await fixPullRequest(gh, request(pull));
    expect(again.suggested).toBe(0);
    expect(again.line).toMatch(/^Not pushed \(its branch is in a fork, where listwarden may not push\); the 2 suggestions are already on this pull request/);
    expect(gh.reviews).toHaveLength(1);
  });

  it('falls back to suggestions when GitHub refuses the push (403)', async () => {
    const { gh } = world();
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const head = gh.head('add-tools');
    gh.denied.add('createCommit');
    const outcome = await fixPullRequest(gh, request(pull));
    expect(outcome).toMatchObject({ suggested: 2, changes: 3 });
    expect(outcome.line).toMatch(/^Not pushed \(GitHub refused the push \(403\): the token may not write to this branch\); posted 2 fixes as suggestions instead/);
    expect(gh.head('add-tools')).toBe(head);
    expect(gh.reviews[0]!.body).toContain('could not push its fixes');
  });

  it('suggests nothing when every fix is on a line the pull request does not change', async () => {
    const { gh } = world();
    const pull = gh.openPull('patch-2', { 'README.md': BASE_LIST + '- [Trivy](https://trivy.dev/) - Scans images.\n' }, 'contributor/awesome-things');
    const outcome = await fixPullRequest(gh, request(pull));
    expect(outcome).toMatchObject({ suggested: 0, changes: 1 });
    expect(outcome.line).toMatch(/no fix is on a line this pull request changes, so there is nothing to suggest; 1 fix is on lines/);
    expect(gh.reviews).toEqual([]);
  });
});

describe('/listwarden fix on a pull request, end to end', () => {
  it('pushes the fixes and answers with what it pushed, 🚀', async () => {
    const { gh } = world();
    gh.permissions.set('wendy-writer', 'write');
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const runners = { ...recordingRunners(), fixPull: async (n: number) => (await fixPullRequest(gh, request(n))).line };
    const event = commentEvent(gh, pull, 'wendy-writer', '/listwarden fix');
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome.reply).toMatch(/^@wendy-writer, `\/listwarden fix`: pushed 3 fixes in 1 file to `add-tools` \([0-9a-f]{7}\)/);
    expect(gh.fileAt('add-tools', 'README.md')).toBe(FIXED_HEAD);
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
  });

  it('says what to do when even the suggestions are refused', async () => {
    const { gh } = world();
    gh.permissions.set('wendy-writer', 'write');
    const pull = gh.openPull('patch-1', { 'README.md': HEAD_LIST }, 'contributor/awesome-things');
    gh.denied.add('createReview');
    const runners = { ...recordingRunners(), fixPull: async (n: number) => (await fixPullRequest(gh, request(n))).line };
    const event = commentEvent(gh, pull, 'wendy-writer', '/listwarden fix');
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome.reply).toContain('give the workflow `contents: write` / `pull-requests: write`');
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'confused']);
  });
});
