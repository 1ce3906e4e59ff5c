import { describe, it, expect } from '@jest/globals';
import { gitHubRepoKey, parseGitHubRepoUrl } from '../../../src/links/github/parse-github-url.js';

type Expected = [owner: string, repo: string, rest: string] | undefined;

const cases: [url: string, expected: Expected][] = [
  // repositories
  ['https://github.com/octo/hello', ['octo', 'hello', '']],
  ['https://github.com/octo/hello/', ['octo', 'hello', '']],
  ['https://github.com/octo/hello.git', ['octo', 'hello', '']],
  ['http://github.com/octo/hello', ['octo', 'hello', '']],
  ['https://www.github.com/octo/hello', ['octo', 'hello', '']],
  ['https://GitHub.com/Octo/Hello-World', ['Octo', 'Hello-World', '']],
  ['github.com/octo/hello', ['octo', 'hello', '']],
  ['https://github.com/octo/hello.js', ['octo', 'hello.js', '']],
  ['https://github.com/octo/.github', ['octo', '.github', '']],
  ['https://github.com/my-org/my_repo.v2', ['my-org', 'my_repo.v2', '']],
  ['https://github.com/github/docs', ['github', 'docs', '']],
  // pages inside a repository
  ['https://github.com/octo/hello/tree/main/x', ['octo', 'hello', '/tree/main/x']],
  ['https://github.com/octo/hello/blob/main/README.md#install', ['octo', 'hello', '/blob/main/README.md#install']],
  ['https://github.com/octo/hello/issues/12', ['octo', 'hello', '/issues/12']],
  ['https://github.com/octo/hello/releases/latest', ['octo', 'hello', '/releases/latest']],
  ['https://github.com/octo/hello/wiki', ['octo', 'hello', '/wiki']],
  ['https://github.com/octo/hello?tab=readme-ov-file', ['octo', 'hello', '?tab=readme-ov-file']],
  ['https://github.com/octo/hello#readme', ['octo', 'hello', '#readme']],
  ['https://github.com/octo/hello/pulls?q=is%3Aopen', ['octo', 'hello', '/pulls?q=is%3Aopen']],
  // GitHub's own pages
  ['https://github.com/sponsors/octo', undefined],
  ['https://github.com/orgs/octo/repositories', undefined],
  ['https://github.com/topics/awesome', undefined],
  ['https://github.com/features/actions', undefined],
  ['https://github.com/features', undefined],
  ['https://github.com/marketplace/actions/checkout', undefined],
  ['https://github.com/user-attachments/assets/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab', undefined],
  ['https://github.com/settings/tokens', undefined],
  ['https://github.com/about', undefined],
  ['https://github.com/login', undefined],
  ['https://github.com/apps/dependabot', undefined],
  ['https://github.com/collections/machine-learning', undefined],
  ['https://github.com/Sponsors/octo', undefined],
  // users, organizations, gists, Pages, other hosts
  ['https://github.com/octo', undefined],
  ['https://github.com/octo/', undefined],
  ['https://github.com/octo?tab=repositories', undefined],
  ['https://gist.github.com/octo/0123456789abcdef', undefined],
  ['https://octo.github.io/hello/', undefined],
  ['https://raw.githubusercontent.com/octo/hello/main/README.md', undefined],
  ['https://gitlab.com/octo/hello', undefined],
  ['https://notgithub.com/octo/hello', undefined],
  ['ftp://github.com/octo/hello', undefined],
  ['https://github.com/', undefined],
  ['not a url', undefined],
  ['/octo/hello', undefined],
  // names GitHub cannot have
  ['https://github.com/-octo/hello', undefined],
  ['https://github.com/octo/..', undefined],
  ['https://github.com/octo/.git', undefined],
  ['https://github.com/octo/hello%20world', undefined],
];

describe('parseGitHubRepoUrl', () => {
  it.each(cases)('%s', (url, expected) => {
    const parsed = parseGitHubRepoUrl(url);
    expect(parsed && [parsed.owner, parsed.repo, parsed.rest]).toEqual(expected);
  });

  it('has a case-insensitive key', () => {
    const a = parseGitHubRepoUrl('https://github.com/Octo/Hello.git')!;
    const b = parseGitHubRepoUrl('https://www.github.com/octo/HELLO/tree/main')!;
    expect(gitHubRepoKey(a)).toBe('octo/hello');
    expect(gitHubRepoKey(b)).toBe(gitHubRepoKey(a));
  });

  it('rebuilds a moved link from the rest', () => {
    const parsed = parseGitHubRepoUrl('https://github.com/octo/old/blob/main/a.md?plain=1#L3')!;
    expect(`https://github.com/octo/new${parsed.rest}`).toBe('https://github.com/octo/new/blob/main/a.md?plain=1#L3');
  });
});
