import { afterEach, describe, it, expect } from '@jest/globals';
import { WaybackClient } from '../../../src/links/wayback/wayback-client.js';
import { startStandIn, type StandIn, type StandInReply } from '../helpers/api-stand-in.js';

let standIn: StandIn | undefined;

afterEach(async () => {
  if (standIn) {
    expect(standIn.unexpected).toEqual([]);
    await standIn.close();
  }
  standIn = undefined;
});

/** The availability API's stand-in: every request must be GET /wayback/available. */
async function setUp(reply: StandInReply, timeoutMs = 5000) {
  standIn = await startStandIn((request) => {
    if (request.method !== 'GET' || !request.url.startsWith('/wayback/available?')) throw new Error(request.url);
    return reply;
  });
  const client = new WaybackClient({ baseUrl: `${standIn.origin}/`, fetch: standIn.fetch, timeoutMs });
  return { client, standIn };
}

const snapshot = (status: string, available = true) => ({
  url: 'example.com/tool',
  archived_snapshots: {
    closest: { status, available, url: 'http://web.archive.org/web/20190412093000/https://example.com/tool', timestamp: '20190412093000' },
  },
  timestamp: '20190401',
});

describe('WaybackClient.closest', () => {
  it('returns the closest 200 snapshot, upgraded to https, asking with the encoded URL and timestamp', async () => {
    const { client, standIn } = await setUp({ status: 200, body: snapshot('200') });
    const found = await client.closest('https://example.com/tool?a=1&b=2#x', '20190401');
    expect(found).toEqual({ url: 'https://web.archive.org/web/20190412093000/https://example.com/tool', timestamp: '20190412093000' });
    expect(standIn.requests).toHaveLength(1);
    const asked = new URL(standIn.requests[0]!.url, standIn.origin);
    expect(asked.pathname).toBe('/wayback/available');
    expect(asked.searchParams.get('url')).toBe('https://example.com/tool?a=1&b=2#x');
    expect(asked.searchParams.get('timestamp')).toBe('20190401');
    expect(standIn.requests[0]!.url).toContain('url=https%3A%2F%2Fexample.com%2Ftool%3Fa%3D1%26b%3D2%23x&');
  });

  it('omits a missing or malformed timestamp', async () => {
    const { client, standIn } = await setUp({ status: 200, body: snapshot('200') });
    await client.closest('https://example.com/tool');
    await client.closest('https://example.com/tool', '2019-04-01');
    expect(standIn.requests.map((r) => new URL(r.url, standIn.origin).searchParams.has('timestamp'))).toEqual([false, false]);
  });

  it('is undefined when nothing is archived', async () => {
    const { client } = await setUp({ status: 200, body: { url: 'example.com/nothing', archived_snapshots: {} } });
    expect(await client.closest('https://example.com/nothing')).toBeUndefined();
  });

  it('ignores a snapshot of an error page (status 404) or an unavailable one', async () => {
    const { client } = await setUp({ status: 200, body: snapshot('404') });
    expect(await client.closest('https://example.com/tool')).toBeUndefined();
    await standIn!.close();
    standIn = undefined;
    const second = await setUp({ status: 200, body: snapshot('200', false) });
    expect(await second.client.closest('https://example.com/tool')).toBeUndefined();
  });

  it('is undefined on a server error', async () => {
    const { client, standIn } = await setUp({ status: 503, headers: { 'content-type': 'text/html' }, body: '<h1>503 Service Unavailable</h1>' });
    expect(await client.closest('https://example.com/tool')).toBeUndefined();
    expect(standIn.requests).toHaveLength(1);
  });

  it('is undefined on a body that is not JSON', async () => {
    const { client } = await setUp({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>rate limited</html>' });
    expect(await client.closest('https://example.com/tool')).toBeUndefined();
  });

  it('is undefined on a timeout, without waiting for the answer', async () => {
    const { client } = await setUp({ status: 200, body: snapshot('200'), delayMs: 3000 }, 100);
    const started = Date.now();
    expect(await client.closest('https://example.com/tool')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is undefined when the archive cannot be reached', async () => {
    const { client, standIn: server } = await setUp({ status: 200, body: snapshot('200') });
    await server.close();
    standIn = undefined;
    expect(await client.closest('https://example.com/tool')).toBeUndefined();
  });

  it('defaults to archive.org', async () => {
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify(snapshot('200')), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const found = await new WaybackClient({ fetch: recording }).closest('http://example.com/');
    expect(urls).toEqual(['https://archive.org/wayback/available?url=http%3A%2F%2Fexample.com%2F']);
    expect(found?.url).toMatch(/^https:\/\/web\.archive\.org\//);
  });
});
