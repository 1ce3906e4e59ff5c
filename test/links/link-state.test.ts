import { describe, it, expect } from '@jest/globals';
import { LinkState, LinkStateError } from '../../src/links/link-state.js';
import type { ProbeResult } from '../../src/links/types.js';

const DAY = 24 * 3600_000;
const result = (url: string, verdict: ProbeResult['verdict'], at: number): ProbeResult => ({
  url,
  verdict,
  cause: verdict === 'alive' ? 'ok' : verdict === 'dead' ? 'not-found' : 'timeout',
  ...(verdict === 'dead' ? { status: 404 } : verdict === 'alive' ? { status: 200 } : {}),
  reason: verdict,
  redirects: [],
  finalUrl: url,
  permanentRedirect: false,
  titles: [],
  checkedAt: new Date(at).toISOString(),
  requests: 1,
  durationMs: 1,
});

describe('LinkState', () => {
  const t0 = Date.parse('2026-11-01T00:00:00Z');

  it('trusts an alive verdict for a day, and never a failure', () => {
    const state = LinkState.empty();
    state.record(result('https://a.dev/', 'alive', t0));
    state.record(result('https://b.dev/', 'dead', t0));
    expect(state.fresh('https://a.dev/', t0 + DAY - 1)?.verdict).toBe('alive');
    expect(state.fresh('https://a.dev/', t0 + DAY)).toBeUndefined();
    expect(state.fresh('https://b.dev/', t0 + 1)).toBeUndefined();
  });

  it('confirms a dead link only after 2 failing runs spanning 3 days', () => {
    const state = LinkState.empty();
    const url = 'https://gone.dev/';
    state.record(result(url, 'alive', t0));
    state.record(result(url, 'dead', t0 + DAY));
    expect(state.isConfirmedDead(url, t0 + DAY)).toBe(false);
    state.record(result(url, 'dead', t0 + 2 * DAY));
    expect(state.isConfirmedDead(url, t0 + 2 * DAY)).toBe(false); // 2 runs, but only 1 day apart
    state.record(result(url, 'unverifiable', t0 + 3 * DAY)); // says nothing new
    state.record(result(url, 'dead', t0 + 4 * DAY));
    const memory = state.get(url)!;
    expect(memory.failureStreak).toBe(3);
    expect(memory.firstFailureAt).toBe(new Date(t0 + DAY).toISOString());
    expect(memory.lastAliveAt).toBe(new Date(t0).toISOString());
    expect(state.isConfirmedDead(url, t0 + 4 * DAY)).toBe(true);
    state.record(result(url, 'alive', t0 + 5 * DAY));
    expect(state.get(url)!.failureStreak).toBe(0);
    expect(state.isConfirmedDead(url, t0 + 5 * DAY)).toBe(false);
  });

  it('round-trips through JSON and keeps a bounded run history', async () => {
    const state = LinkState.empty({ aliveTtlMs: DAY, confirmRuns: 2, confirmSpanMs: 3 * DAY, keepRuns: 3 });
    state.record(result('https://a.dev/', 'alive', t0));
    for (let i = 0; i < 5; i++) state.addRun({ at: new Date(t0 + i).toISOString(), dead: i, failing: 0, unverifiable: 0, checked: 1 });
    const again = await LinkState.parse(state.serialize(), 'state.json');
    expect(again.get('https://a.dev/')?.verdict).toBe('alive');
    expect(again.runs.map((r) => r.dead)).toEqual([2, 3, 4]);
  });

  it('says what is wrong with a broken state file and how to recover', async () => {
    await expect(LinkState.parse('{', 'links.json')).rejects.toThrow(LinkStateError);
    await expect(LinkState.parse('{', 'links.json')).rejects.toThrow(/links\.json: not valid JSON .* delete the file/);
    await expect(LinkState.parse('{"version":2,"urls":{},"runs":[]}', 'links.json')).rejects.toThrow(LinkStateError);
    await expect(LinkState.parse('{"version":2,"urls":{},"runs":[]}', 'links.json')).rejects.toThrow(/"version"/);
  });
});
