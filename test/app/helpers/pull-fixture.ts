/**
 * One pull request for the app's tests: the list before and after, and the requests its
 * review makes of GitHub, as nock mocks.
 */
import { OWNER, REPO, type GitHubMock } from './probot-fixture.js';

export const PULL = 7;
export const BASE_SHA = 'a'.repeat(40);
export const HEAD_SHA = 'b'.repeat(40);

/** The base list: an old tracking parameter (an existing problem, not this PR's). */
export const BASE_LIST = [
  '# Awesome Things',
  '',
  '## Scanners',
  '',
  '- [Trivy](https://trivy.dev/) - Scans container images.',
  '- [Semgrep](https://semgrep.dev/?utm_source=old) - Static analysis.',
  '- [Gitleaks](https://gitleaks.io/) - Finds secrets.',
  '',
].join('\n');

/** The PR adds "Synk" (a misspelling) and Trivy a second time (a duplicate). */
export const HEAD_LIST = BASE_LIST.replace(
  '- [Gitleaks](https://gitleaks.io/) - Finds secrets.\n',
  '- [Gitleaks](https://gitleaks.io/) - Finds secrets.\n- [Synk](https://snyk.io/) - Finds vulnerable dependencies.\n- [Trivy](https://trivy.dev/) - Scans container images.\n',
);

const repoPath = `/repos/${OWNER}/${REPO}`;
const raw = { 'content-type': 'text/plain; charset=utf-8' };

/** The reads of a review: the PR's files and the list at base and head. */
export function mockReviewReads(gh: GitHubMock): void {
  gh.scope
    .get(`${repoPath}/pulls/${PULL}/files`)
    .query(true)
    .reply(200, [{ sha: 'c'.repeat(40), filename: 'README.md', status: 'modified', additions: 2, deletions: 0, changes: 2 }])
    .get(`${repoPath}/contents/README.md`)
    .query({ ref: HEAD_SHA })
    .reply(200, HEAD_LIST, raw)
    .get(`${repoPath}/contents/README.md`)
    .query({ ref: BASE_SHA })
    .reply(200, BASE_LIST, raw);
}

/** The writes of a first review: a check run, one review with suggestions, the sticky summary comment (and the reads before each). */
export function mockReviewWrites(gh: GitHubMock, bot: string): void {
  gh.scope
    .get(`${repoPath}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`${repoPath}/check-runs`)
    .reply(201, { id: 501, name: 'listwarden', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure', output: {} })
    .get(`${repoPath}/pulls/${PULL}/comments`)
    .query(true)
    .reply(200, [])
    .post(`${repoPath}/pulls/${PULL}/reviews`)
    .reply(200, { id: 601, user: { login: bot }, state: 'COMMENTED' })
    .get(`${repoPath}/issues/${PULL}/comments`)
    .query(true)
    .reply(200, [])
    .post(`${repoPath}/issues/${PULL}/comments`)
    .reply(201, { id: 701, body: '', user: { login: bot } });
}
