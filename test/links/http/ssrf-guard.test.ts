import { describe, it, expect } from '@jest/globals';
import type { LookupAddress, LookupOptions } from 'node:dns';
import {
  BlockedAddressError,
  checkHost,
  classifyAddress,
  classifyHost,
  createGuardedLookup,
  parseHostAddress,
  type LookupFn,
} from '../../../src/links/http/ssrf-guard.js';

const strict = { allowPrivate: false };

/** Runs a guarded lookup the way net.connect does, with or without `all`. */
function runLookup(resolve: LookupFn, host: string, options: LookupOptions, policy = strict) {
  const lookup = createGuardedLookup(resolve, policy);
  return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>(
    (done) => lookup(host, options, (error, address, family) => done({ error, address, ...(family ? { family } : {}) })),
  );
}

const resolvesTo =
  (...addresses: string[]): LookupFn =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('SSRF guard: address tricks in a URL host are refused with a clear reason', () => {
  // [URL host as written in a link, the canonical address the refusal names, words of the reason]
  const tricks: [string, string, RegExp][] = [
    ['2130706433', '127.0.0.1', /loopback/],
    ['0x7f000001', '127.0.0.1', /loopback/],
    ['0177.0.0.1', '127.0.0.1', /loopback/],
    ['127.1', '127.0.0.1', /loopback/],
    ['0x7f.1', '127.0.0.1', /loopback/],
    ['0x7f.0x0.0x0.0x1', '127.0.0.1', /loopback/],
    ['%31%32%37.0.0.1', '127.0.0.1', /loopback/],
    ['１２７.０.０.１', '127.0.0.1', /loopback/],
    ['127。0。0。1', '127.0.0.1', /loopback/],
    ['127.127.127.127', '127.127.127.127', /loopback/],
    ['127.0.0.1.', '127.0.0.1', /loopback/],
    ['[::1]', '::1', /loopback/],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1', /IPv4-mapped .*127\.0\.0\.1, a loopback/],
    ['[::ffff:7f00:1]', '::ffff:7f00:1', /IPv4-mapped .*loopback/],
    ['[0:0:0:0:0:ffff:127.0.0.1]', '::ffff:7f00:1', /IPv4-mapped .*loopback/],
    ['[::127.0.0.1]', '::7f00:1', /reserved IPv6/],
    ['[64:ff9b::7f00:1]', '64:ff9b::7f00:1', /NAT64 .*127\.0\.0\.1, a loopback/],
    ['[64:ff9b::a00:1]', '64:ff9b::a00:1', /NAT64 .*10\.0\.0\.1, a private/],
    ['[2002:7f00:1::]', '2002:7f00:1::', /6to4 .*127\.0\.0\.1, a loopback/],
    ['[2002:c0a8:101::1]', '2002:c0a8:101::1', /6to4 .*192\.168\.1\.1, a private/],
    ['[2001:0:4136:e378:8000:63bf:80ff:fffe]', '2001:0:4136:e378:8000:63bf:80ff:fffe', /Teredo .*127\.0\.0\.1, a loopback/],
    ['169.254.169.254', '169.254.169.254', /cloud metadata/],
    ['[fd00:ec2::254]', 'fd00:ec2::254', /cloud metadata/],
    ['100.100.100.200', '100.100.100.200', /cloud metadata/],
    ['169.254.1.1', '169.254.1.1', /link-local/],
    ['metadata.google.internal', 'metadata.google.internal', /cloud metadata name/],
    ['10.0.0.1', '10.0.0.1', /private/],
    ['172.16.0.1', '172.16.0.1', /private/],
    ['172.31.255.254', '172.31.255.254', /private/],
    ['192.168.1.1', '192.168.1.1', /private/],
    ['100.64.0.1', '100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', '0.0.0.0', /unspecified/],
    ['0', '0.0.0.0', /unspecified/],
    ['224.0.0.1', '224.0.0.1', /multicast/],
    ['255.255.255.255', '255.255.255.255', /broadcast/],
    ['240.0.0.1', '240.0.0.1', /reserved/],
    ['192.0.2.1', '192.0.2.1', /reserved/],
    ['[fe80::1]', 'fe80::1', /link-local/],
    ['[fc00::1]', 'fc00::1', /unique-local/],
    ['[fd12:3456::1]', 'fd12:3456::1', /unique-local/],
    ['[ff02::1]', 'ff02::1', /multicast/],
    ['[::]', '::', /unspecified/],
    ['[2001:db8::1]', '2001:db8::1', /documentation/],
    ['localhost', 'localhost', /loopback name/],
    ['LOCALHOST.', 'localhost', /loopback name/],
    ['foo.localhost', 'foo.localhost', /loopback name/],
    ['printer.corp.internal', 'printer.corp.internal', /private-use name/],
  ];

  it.each(tricks)('%s is refused', (host, canonical, why) => {
    expect(classifyHost(host).blocked).toBe(true);
    const error = checkHost(host, strict);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error?.code).toBe('ERR_BLOCKED_ADDRESS');
    expect(error?.message).toMatch(new RegExp(`^refused: ${canonical.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is `));
    expect(error?.message).toMatch(why);
    expect(error?.message).toMatch(/— pass --allow-private to check it$/);
  });

  it('has at least 25 tricks', () => {
    expect(tricks.length).toBeGreaterThanOrEqual(25);
  });

  it('names the exact reason for the common case', () => {
    expect(checkHost('127.0.0.1', strict)?.message).toBe(
      'refused: 127.0.0.1 is a loopback address — pass --allow-private to check it',
    );
  });

  it.each(tricks)('%s passes with allowPrivate', (host) => {
    expect(checkHost(host, { allowPrivate: true })).toBeUndefined();
  });
});

describe('SSRF guard: public addresses and names pass', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '[2606:4700:4700::1111]',
    '[::ffff:8.8.8.8]',
    '[64:ff9b::808:808]',
    '[2002:808:808::1]',
    'example.com',
    'github.com',
    'localhost.example.com',
    'internal.example.com',
  ])('%s is allowed', (host) => {
    expect(classifyHost(host).blocked).toBe(false);
    expect(checkHost(host, strict)).toBeUndefined();
  });
});

describe('classifyAddress', () => {
  it('reads plain addresses, bracketed or not', () => {
    expect(classifyAddress('127.0.0.1')).toEqual({ blocked: true, reason: 'a loopback address' });
    expect(classifyAddress('[::1]')).toEqual({ blocked: true, reason: 'a loopback address' });
    expect(classifyAddress('10.1.2.3')).toEqual({ blocked: true, reason: 'a private address' });
    expect(classifyAddress('8.8.4.4')).toEqual({ blocked: false, reason: 'a public address' });
  });

  it('refuses what is not an address', () => {
    expect(classifyAddress('example.com')).toEqual({ blocked: true, reason: 'not an IP address' });
    expect(classifyAddress('fe80::1%eth0').blocked).toBe(true);
  });
});

describe('parseHostAddress', () => {
  it('reads numeric hosts as WHATWG URL does', () => {
    expect(parseHostAddress('2130706433')).toEqual({ kind: 'ipv4', address: '127.0.0.1' });
    expect(parseHostAddress('0x7f000001')).toEqual({ kind: 'ipv4', address: '127.0.0.1' });
    expect(parseHostAddress('0177.0.0.1')).toEqual({ kind: 'ipv4', address: '127.0.0.1' });
    expect(parseHostAddress('127.1')).toEqual({ kind: 'ipv4', address: '127.0.0.1' });
    expect(parseHostAddress('[0:0:0:0:0:ffff:127.0.0.1]')).toEqual({ kind: 'ipv6', address: '::ffff:7f00:1' });
  });

  it('lower-cases names, drops the trailing dot and applies IDNA', () => {
    expect(parseHostAddress('Example.COM.')).toEqual({ kind: 'name', name: 'example.com' });
    expect(parseHostAddress('bücher.de')).toEqual({ kind: 'name', name: 'xn--bcher-kva.de' });
  });

  it('rejects hosts that are not hosts', () => {
    for (const bad of ['', 'a b', '256.1.1.1', '1.2.3.4.5', 'evil@127.0.0.1', 'x/y', 'a?b', 'a#b', '[zz::1]']) {
      expect(parseHostAddress(bad)).toBeUndefined();
    }
    expect(classifyHost('evil@127.0.0.1')).toEqual({ blocked: true, reason: 'not a valid host' });
  });
});

describe('allowHosts', () => {
  it('lets named hosts and addresses through, compared canonically', () => {
    const policy = { allowPrivate: false, allowHosts: ['127.0.0.1', 'Intranet.Test'] };
    expect(checkHost('2130706433', policy)).toBeUndefined();
    expect(checkHost('intranet.test', policy)).toBeUndefined();
    expect(checkHost('127.0.0.2', policy)).toBeInstanceOf(BlockedAddressError);
  });
});

describe('createGuardedLookup (connect-time check, DNS rebinding)', () => {
  it('refuses a name that resolves to a private address', async () => {
    const { error } = await runLookup(resolvesTo('10.1.2.3'), 'rebind.example', { all: true });
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error?.message).toBe(
      'refused: rebind.example resolves to 10.1.2.3, a private address — pass --allow-private to check it',
    );
  });

  it('refuses when ANY resolved address is blocked', async () => {
    const { error } = await runLookup(resolvesTo('93.184.216.34', '127.0.0.1'), 'mixed.example', { all: true });
    expect(error?.message).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
  });

  it('checks every resolution again (a rebinding second answer is caught)', async () => {
    const answers = [['93.184.216.34'], ['169.254.169.254']];
    let call = 0;
    const flipping: LookupFn = async () => resolvesTo(...answers[Math.min(call++, 1)]!)('x');
    const lookup = createGuardedLookup(flipping, strict);
    const once = () =>
      new Promise<NodeJS.ErrnoException | null>((done) => lookup('flip.example', { all: true }, (error) => done(error)));
    expect(await once()).toBeNull();
    expect((await once())?.message).toMatch(/resolves to 169\.254\.169\.254, a cloud metadata address/);
  });

  it('refuses blocked names before resolving', async () => {
    let resolved = false;
    const { error } = await runLookup(
      async () => {
        resolved = true;
        return [];
      },
      'metadata.google.internal',
      { all: true },
    );
    expect(error?.message).toBe(
      'refused: metadata.google.internal is a cloud metadata name — pass --allow-private to check it',
    );
    expect(resolved).toBe(false);
  });

  it('answers both of net.connect call shapes and filters by family', async () => {
    const both = resolvesTo('2606:4700::1', '93.184.216.34');
    expect((await runLookup(both, 'ok.example', { all: true })).address).toHaveLength(2);
    expect(await runLookup(both, 'ok.example', {})).toEqual({ error: null, address: '2606:4700::1', family: 6 });
    expect(await runLookup(both, 'ok.example', { family: 4 })).toEqual({ error: null, address: '93.184.216.34', family: 4 });
  });

  it('passes resolver errors through and reports an empty answer as ENOTFOUND', async () => {
    const failing: LookupFn = async (host) => {
      throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${host}`), { code: 'EAI_AGAIN' });
    };
    expect((await runLookup(failing, 'slow.example', { all: true })).error?.code).toBe('EAI_AGAIN');
    expect((await runLookup(resolvesTo(), 'empty.example', { all: true })).error?.code).toBe('ENOTFOUND');
  });

  it('lets private answers through with allowPrivate or an allowed host or address', async () => {
    const local = resolvesTo('127.0.0.1');
    expect((await runLookup(local, 'dev.example', { all: true }, { allowPrivate: true })).error).toBeNull();
    const byName = { allowPrivate: false, allowHosts: ['dev.example'] };
    expect((await runLookup(local, 'dev.example', { all: true }, byName)).error).toBeNull();
    const byAddress = { allowPrivate: false, allowHosts: ['127.0.0.1'] };
    expect((await runLookup(local, 'dev.example', { all: true }, byAddress)).error).toBeNull();
    expect((await runLookup(resolvesTo('127.0.0.2'), 'dev.example', { all: true }, byAddress)).error).toBeInstanceOf(
      BlockedAddressError,
    );
  });
});
