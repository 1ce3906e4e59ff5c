import { describe, it, expect } from '@jest/globals';
import { LinkState } from '../../src/links/link-state.js';
import type { TwinAnswer } from '../../src/links/http/soft-404.js';

const DAY = 24 * 3600_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const answer: TwinAnswer = { url: 'https://docs.dev/listwarden-no-such-page-x', verdict: 'alive', status: 200, finalUrl: 'https://docs.dev/listwarden-no-such-page-x', redirected: false, title: 'Page Not Found', words: 40, sketch: [1, 5, 9], checkedAt: new Date(t0).toISOString() };

describe('link state: each origin’s answer to an invented path', () => {
  it('is reused until the TTL, and not at it', () => {
    const state = LinkState.empty();
    state.recordHostProbe('https://docs.dev', answer);
    expect(state.hostProbe('https://docs.dev', t0 + 7 * DAY - 1, 7 * DAY)).toEqual(answer);
    expect(state.hostProbe('https://docs.dev', t0 + 7 * DAY, 7 * DAY)).toBeUndefined();
    expect(state.hostProbe('https://other.dev', t0, 7 * DAY)).toBeUndefined();
  });

  it('round-trips through the state file, and is dropped with the last URL of its origin', async () => {
    const state = LinkState.empty();
    state.recordHostProbe('https://docs.dev', answer);
    state.recordHostProbe('https://gone.dev', { ...answer, url: 'https://gone.dev/x' });
    const again = await LinkState.parse(state.serialize(), 'state.json');
    expect(again.hostProbe('https://docs.dev', t0, DAY)).toEqual(answer);
    again.retainOnly(new Set(['https://docs.dev/guide/old']));
    expect(again.hostProbe('https://docs.dev', t0, DAY)).toEqual(answer);
    expect(again.hostProbe('https://gone.dev', t0, DAY)).toBeUndefined();
  });

  it('reads state files written before it (no "hosts"), and refuses a malformed entry', async () => {
    const old = await LinkState.parse('{"version":1,"urls":{},"runs":[]}', 'state.json');
    expect(old.hostProbe('https://docs.dev', t0, DAY)).toBeUndefined();
    await expect(LinkState.parse('{"version":1,"urls":{},"runs":[],"hosts":{"https://a.dev":{"url":1}}}', 'state.json')).rejects.toThrow(/state\.json: not a listwarden link state \("hosts\.https:\/\/a\.dev\.url"/);
  });
});
