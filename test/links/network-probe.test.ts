import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { networkProbe } from '../../src/links/network-probe.js';
import { startLinkFarm, type LinkFarm } from './helpers/link-farm.js';

/** A loopback address and port nothing listens on (port 1 cannot be bound without root): connections are refused. */
const CLOSED = 'http://127.0.0.254:1';

let farm: LinkFarm;
beforeAll(async () => {
  farm = await startLinkFarm({ '/up': { status: 200 }, '/error': { status: 500 } });
});
afterAll(async () => farm.close());

describe('the network probe at LISTWARDEN_NETWORK_PROBE', () => {
  it('says the network is up when the URL answers, whatever the status', async () => {
    expect(await networkProbe({ LISTWARDEN_NETWORK_PROBE: farm.url('/up') })()).toBe(true);
    expect(await networkProbe({ LISTWARDEN_NETWORK_PROBE: farm.url('/error') })()).toBe(true);
  });

  it('says it is down when nothing answers', async () => {
    expect(await networkProbe({ LISTWARDEN_NETWORK_PROBE: `${CLOSED}/` })()).toBe(false);
  });

  it('says it is down for a value that is not an http(s) URL', async () => {
    expect(await networkProbe({ LISTWARDEN_NETWORK_PROBE: 'not a url' })()).toBe(false);
    expect(await networkProbe({ LISTWARDEN_NETWORK_PROBE: 'ftp://127.0.0.1/' })()).toBe(false);
  });

  it('asks once per run, and again in the next run', async () => {
    const env = { LISTWARDEN_NETWORK_PROBE: farm.url('/up?count') };
    const before = farm.requests.filter((r) => r.path === '/up?count').length;
    const run = networkProbe(env);
    await Promise.all([run(), run(), run()]);
    expect(farm.requests.filter((r) => r.path === '/up?count').length - before).toBe(1);
    await networkProbe(env)();
    expect(farm.requests.filter((r) => r.path === '/up?count').length - before).toBe(2);
  });
});
