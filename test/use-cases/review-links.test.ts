/**
 * A pull-request review's link checks, with the link checker the Action and the app build
 * (serviceLinkPorts) against link farms on loopback: hosts that ask to wait, hosts that
 * never answer, a host that is not there. A review always ends, inside its budget, and says
 * what it left unchecked; "network unavailable" comes from a probe of the network only.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import type { ConfigInput } from '../../src/core/config/config-file-schema.js';
import { serviceLinkPorts } from '../../src/links/service-link-ports.js';
import { reviewPullRequest, type ReviewOutcome } from '../../src/use-cases/review-pull-request.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

/** A loopback address and port nothing listens on (port 1 cannot be bound without root): connections are refused. */
const CLOSED = 'http://127.0.0.254:1';

const BASE_LIST = '# Awesome\n\n## Things\n\n- [Old](https://old.example/) - Was here before.\n';

let farm: LinkFarm;

beforeAll(async () => {
  farm = await startLinkFarm({
    '/ok': { status: 200, headers: { 'content-type': 'text/plain' } },
    '/gone': { status: 404 },
    '/wait-a-minute': { status: 429, headers: { 'retry-after': '60' } },
    '/unavailable': { status: 503, headers: { 'retry-after': '60' } },
    // Never answers: only the review's budget ends the wait.
    '/hang': () => new Promise<void>(() => undefined),
  });
});
afterAll(async () => farm.close());

/** Opens a PR that appends `added` lines to the list and reviews it with the service link checker. */
async function review(added: string[], config: ConfigInput = {}, env: NodeJS.ProcessEnv = {}): Promise<{ outcome: ReviewOutcome; gh: FakeGitHub }> {
  const gh = new FakeGitHub({ 'README.md': BASE_LIST });
  const pull = gh.openPull('add-links', { 'README.md': `${BASE_LIST}${added.join('\n')}\n` });
  const resolved = resolveConfig(config);
  const links = serviceLinkPorts(resolved, undefined, { LISTWARDEN_ALLOW_PRIVATE: 'true', LISTWARDEN_NETWORK_PROBE: farm.url('/ok'), ...env });
  try {
    const outcome = await reviewPullRequest(gh, {
      repo: REPO,
      pull,
      baseSha: gh.head('main')!,
      headSha: gh.head('add-links')!,
      files: ['README.md'],
      config: resolved,
      failOn: 'error',
      checkLinks: 'changed',
      links: links.ports,
    });
    return { outcome, gh };
  } finally {
    await links.close();
  }
}

const linkLines = (outcome: ReviewOutcome) => outcome.gating.filter((f) => f.ruleId === 'no-dead-link' || f.ruleId === 'link-unverifiable').map((f) => `${f.span.start.line} ${f.ruleId}`);
const summaryOf = (gh: FakeGitHub) => gh.comments.find((c) => c.body.includes('listwarden:summary'))?.body ?? '';

describe('a review against a host that asks to wait a minute', () => {
  it('ends, reports the host unverifiable ("asked to wait 60 s") and keeps the dead link elsewhere', async () => {
    const slow = Array.from({ length: 6 }, (_, i) => `- [Slow ${i}](${farm.url(`/wait-a-minute?n=${i}`, '127.0.0.2')}) - Rate limited.`);
    const { outcome, gh } = await review([...slow, `- [Gone](${farm.url('/gone')}) - Dead.`, `- [Down](${farm.url('/unavailable', '127.0.0.3')}) - Unavailable.`], { links: { hostConcurrency: 2 } });
    expect(linkLines(outcome)).toEqual(['6 link-unverifiable', '7 link-unverifiable', '8 link-unverifiable', '9 link-unverifiable', '10 link-unverifiable', '11 link-unverifiable', '12 no-dead-link', '13 link-unverifiable']);
    for (const f of outcome.gating.filter((f) => f.ruleId === 'link-unverifiable')) expect(f.message).toMatch(/asked to wait 60 s/);
    expect(outcome.conclusion).toBe('failure');
    // The review was written: a check run with the findings and the summary comment.
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    expect(summaryOf(gh)).toMatch(/8 problems/);
  });
});

describe('a review has a time budget and a cap on links, and says what it left', () => {
  it('stops at its budget with hosts that never answer, names what was not checked, and keeps what was', async () => {
    const hanging = Array.from({ length: 10 }, (_, i) => `- [Hang ${i}](${farm.url(`/hang?n=${i}`, '127.0.0.2')}) - Never answers.`);
    const { outcome, gh } = await review([`- [Gone](${farm.url('/gone')}) - Dead.`, ...hanging], { links: { reviewBudgetSeconds: 3 } });
    expect(linkLines(outcome)).toEqual(['6 no-dead-link']);
    expect(outcome.notes).toEqual(["time budget spent: 10 links not checked (a review's link checks stop after 3 s: links.reviewBudgetSeconds)"]);
    expect(summaryOf(gh)).toContain('time budget spent: 10 links not checked');
  });

  it('checks at most links.reviewMaxLinks links and names the rest', async () => {
    const before = farm.requests.length;
    const added = Array.from({ length: 5 }, (_, i) => `- [Tool ${i}](${farm.url(`/ok?n=${i}`)}) - Fine.`);
    const { outcome, gh } = await review(added, { links: { reviewMaxLinks: 3 } });
    expect(new Set(farm.requests.slice(before).map((r) => r.path)).size).toBe(3);
    expect(outcome.notes).toEqual(['2 links not checked: a review checks at most 3 links (links.reviewMaxLinks)']);
    expect(summaryOf(gh)).toContain('2 links not checked: a review checks at most 3 links');
  });

  it('checks every link when there are exactly links.reviewMaxLinks', async () => {
    const added = Array.from({ length: 3 }, (_, i) => `- [Tool ${i}](${farm.url(`/ok?exact=${i}`)}) - Fine.`);
    const { outcome } = await review(added, { links: { reviewMaxLinks: 3 } });
    expect(outcome.notes).toEqual([]);
  });

  it('has a default cap of 500 links', async () => {
    const gh = new FakeGitHub({ 'README.md': BASE_LIST });
    const added = Array.from({ length: 501 }, (_, i) => `- [Tool ${i}](https://tool${i}.example/) - Fine.`);
    const pull = gh.openPull('many-links', { 'README.md': `${BASE_LIST}${added.join('\n')}\n` });
    const asked: string[] = [];
    const prober = {
      probe: async (url: string) => {
        asked.push(url);
        return { url, verdict: 'alive' as const, cause: 'ok' as const, status: 200, reason: '200 OK', redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: new Date(0).toISOString(), requests: 1, durationMs: 0 };
      },
    };
    const config = resolveConfig();
    const outcome = await reviewPullRequest(gh, { repo: REPO, pull, baseSha: gh.head('main')!, headSha: gh.head('many-links')!, files: ['README.md'], config, failOn: 'error', checkLinks: 'changed', links: { prober } });
    expect(asked).toHaveLength(500);
    expect(outcome.notes).toEqual(['1 link not checked: a review checks at most 500 links (links.reviewMaxLinks)']);
  });
});

describe('a review decides "network unavailable" from a probe of the network, not from its links', () => {
  const unreachable = () => Array.from({ length: 3 }, (_, i) => `- [Tool ${i}](${CLOSED}/tool${i}) - Its host is down.`);

  it('links that all point to one unreachable host are reported dead when the network is up', async () => {
    const { outcome } = await review(unreachable());
    expect(linkLines(outcome)).toEqual(['6 no-dead-link', '7 no-dead-link', '8 no-dead-link']);
    expect(outcome.notes).toEqual([]);
    expect(outcome.conclusion).toBe('failure');
  });

  it('they are "not checked" when the network probe fails', async () => {
    const { outcome, gh } = await review(unreachable(), {}, { LISTWARDEN_NETWORK_PROBE: `${CLOSED}/` });
    expect(linkLines(outcome)).toEqual([]);
    expect(outcome.notes).toEqual(['network unavailable: 3 links not checked (no host could be reached; none is reported dead)']);
    expect(outcome.conclusion).toBe('success');
    expect(summaryOf(gh)).toContain('network unavailable: 3 links not checked');
  });
});
