/**
 * The app on `installation`, `installation_repositories` and `push`, through probot.receive()
 * with real payloads and nock.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { GitHubMock, OWNER, REPO, SECRET, messages, payloadFor, testProbot } from './helpers/probot-fixture.js';

const AFTER = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

interface PushPayload {
  ref: string;
  after: string;
  deleted: boolean;
  commits: { id: string; added: string[]; modified: string[]; removed: string[] }[];
}

function pushEvent(ref: string, change: Partial<Record<'added' | 'modified' | 'removed', string[]>>) {
  return payloadFor<PushPayload>('push', undefined, (payload) => {
    payload.ref = ref;
    payload.after = AFTER;
    payload.deleted = false;
    payload.repository.default_branch = 'master';
    payload.commits = [{ id: AFTER, added: [], modified: [], removed: [], ...change }];
  });
}

let gh: GitHubMock;

beforeEach(() => {
  gh = new GitHubMock();
});

afterEach(() => gh.done());

describe('installation', () => {
  it('created: logged with its repositories, nothing asked of GitHub and nothing written', async () => {
    const app = await testProbot();
    await app.probot.receive({ id: 'i-1', name: 'installation', payload: payloadFor('installation', 'created') as never });
    expect(gh.seen).toEqual([]);
    expect(messages(app.lines)).toContainEqual(expect.stringMatching(/^installation 777 \(octo\) created: \d+ repositor(y|ies); each stays in dry run until it has \.github\/listwarden\.yml$/));
  });

  it('deleted and installation_repositories: logged only', async () => {
    const app = await testProbot();
    await app.probot.receive({ id: 'i-2', name: 'installation', payload: payloadFor('installation', 'deleted') as never });
    await app.probot.receive({ id: 'i-3', name: 'installation_repositories', payload: payloadFor('installation_repositories', 'added') as never });
    expect(gh.seen).toEqual([]);
    expect(messages(app.lines)).toEqual(expect.arrayContaining(['installation 777 (octo) deleted', expect.stringMatching(/^installation 777: \d+ repositor(y|ies) added, 0 removed$/)]));
  });
});

describe('push', () => {
  it('to the default branch, changing .github/listwarden.yml: read back, verdict as a check run on the commit', async () => {
    const app = await testProbot();
    gh.installation().config('rules:\n  no-mojibake: off\n');
    gh.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: 801 });
    await app.probot.receive({ id: 'p-1', name: 'push', payload: pushEvent('refs/heads/master', { modified: ['.github/listwarden.yml'] }) as never });

    const body = gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`)[0]!.body;
    expect(body).toMatchObject({ name: 'listwarden config', head_sha: AFTER, status: 'completed', conclusion: 'success' });
    expect(messages(app.lines)).toContain('.github/listwarden.yml is valid: listwarden reviews pull requests and reports here');
  });

  it('an invalid config pushed: a failing check run saying what is wrong', async () => {
    const app = await testProbot();
    gh.installation().config('report:\n  intervalDays: 0\n');
    gh.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: 802 });
    await app.probot.receive({ id: 'p-2', name: 'push', payload: pushEvent('refs/heads/master', { added: ['.github/listwarden.yml'] }) as never });

    const body = gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`)[0]!.body as { conclusion: string; output: { summary: string } };
    expect(body.conclusion).toBe('failure');
    expect(body.output.summary).toMatch(/^\.github\/listwarden\.yml: "report\.intervalDays": .*>=1/);
  });

  it('other pushes — another branch, other files, a tag — cost no request', async () => {
    const app = await testProbot();
    await app.probot.receive({ id: 'p-3', name: 'push', payload: pushEvent('refs/heads/feature', { modified: ['.github/listwarden.yml'] }) as never });
    await app.probot.receive({ id: 'p-4', name: 'push', payload: pushEvent('refs/heads/master', { modified: ['README.md'] }) as never });
    await app.probot.receive({ id: 'p-5', name: 'push', payload: pushEvent('refs/tags/v1', { added: ['.github/listwarden.yml'] }) as never });
    expect(gh.seen).toEqual([]);
  });
});

describe('webhook signatures', () => {
  it('a delivery without the right HMAC is refused before any handler runs; a signed one is handled', async () => {
    const app = await testProbot();
    const payload = JSON.stringify(payloadFor('installation', 'created'));
    const receive = (signature: string) => app.probot.webhooks.verifyAndReceive({ id: 's-1', name: 'installation', payload, signature });
    await expect(receive('')).rejects.toThrow();
    await expect(receive(sign(payload, 'not-the-secret'))).rejects.toThrow(/signature does not match/);
    expect(messages(app.lines).filter((m) => m.startsWith('installation 777'))).toEqual([]);
    await receive(sign(payload, SECRET));
    expect(messages(app.lines).filter((m) => m.startsWith('installation 777'))).toHaveLength(1);
    expect(gh.seen).toEqual([]);
  });
});

function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
