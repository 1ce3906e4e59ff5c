/**
 * The SSRF guard's address classifier at the exact edge of every range it refuses: the
 * first and the last address in (refused, with the range's reason) and the neighbours
 * just outside (allowed, or refused for the neighbouring range's own reason). Pure
 * function tests: no address here is ever connected to.
 */
import { describe, it, expect } from '@jest/globals';
import ipaddr from 'ipaddr.js';
import { classifyAddress, classifyHost } from '../../../src/links/http/ssrf-guard.js';

/** The address `delta` after (or before) `address`, IPv4 or IPv6. */
function step(address: string, delta: 1 | -1): string {
  const ip = ipaddr.parse(address);
  const bytes = ip.toByteArray();
  let value = bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n) + BigInt(delta);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    out.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return ipaddr.fromByteArray(out).toString();
}

/** [range, first, last, the reason of addresses in it, what lies just before, what lies just after]. */
type Edge = [string, string, string, RegExp, RegExp | 'public', RegExp | 'public'];

const V4: Edge[] = [
  ['0.0.0.0/8', '0.0.0.0', '0.255.255.255', /unspecified/, /unspecified/, 'public'],
  ['10.0.0.0/8', '10.0.0.0', '10.255.255.255', /private/, 'public', 'public'],
  ['100.64.0.0/10 (carrier-grade NAT)', '100.64.0.0', '100.127.255.255', /carrier-grade NAT/, 'public', 'public'],
  ['127.0.0.0/8', '127.0.0.0', '127.255.255.255', /loopback/, 'public', 'public'],
  ['169.254.0.0/16 (link-local, metadata)', '169.254.0.0', '169.254.255.255', /link-local/, 'public', 'public'],
  ['172.16.0.0/12', '172.16.0.0', '172.31.255.255', /private/, 'public', 'public'],
  ['192.0.0.0/24 (IETF protocol assignments)', '192.0.0.0', '192.0.0.255', /reserved/, 'public', 'public'],
  ['192.0.2.0/24 (TEST-NET-1)', '192.0.2.0', '192.0.2.255', /reserved/, 'public', 'public'],
  ['192.31.196.0/24 (AS112)', '192.31.196.0', '192.31.196.255', /AS112/, 'public', 'public'],
  ['192.52.193.0/24 (AMT)', '192.52.193.0', '192.52.193.255', /AMT/, 'public', 'public'],
  ['192.88.99.0/24 (6to4 relay)', '192.88.99.0', '192.88.99.255', /reserved/, 'public', 'public'],
  ['192.168.0.0/16', '192.168.0.0', '192.168.255.255', /private/, 'public', 'public'],
  ['192.175.48.0/24 (AS112)', '192.175.48.0', '192.175.48.255', /AS112/, 'public', 'public'],
  ['198.18.0.0/15 (benchmarking)', '198.18.0.0', '198.19.255.255', /reserved/, 'public', 'public'],
  ['198.51.100.0/24 (TEST-NET-2)', '198.51.100.0', '198.51.100.255', /reserved/, 'public', 'public'],
  ['203.0.113.0/24 (TEST-NET-3)', '203.0.113.0', '203.0.113.255', /reserved/, 'public', 'public'],
  ['224.0.0.0/4 (multicast)', '224.0.0.0', '239.255.255.255', /multicast/, 'public', /reserved/],
  ['240.0.0.0/4 (reserved)', '240.0.0.0', '255.255.255.254', /reserved/, /multicast/, /broadcast/],
  ['255.255.255.255 (broadcast)', '255.255.255.255', '255.255.255.255', /broadcast/, /reserved/, 'public'],
  // Single platform addresses: their own reason, the neighbours are what the range around them is.
  ["168.63.129.16 (Azure's wireserver)", '168.63.129.16', '168.63.129.16', /Azure's wireserver/, 'public', 'public'],
  ['169.254.169.254 (instance metadata)', '169.254.169.254', '169.254.169.254', /cloud metadata address \(AWS, Azure, GCP/, /link-local/, /link-local/],
  ['169.254.170.2 (AWS ECS task metadata)', '169.254.170.2', '169.254.170.2', /cloud metadata address \(AWS ECS/, /link-local/, /link-local/],
  ['100.100.100.200 (Alibaba Cloud metadata)', '100.100.100.200', '100.100.100.200', /cloud metadata address \(Alibaba/, /carrier-grade NAT/, /carrier-grade NAT/],
];

const V6: Edge[] = [
  ['::/128 (unspecified)', '::', '::', /unspecified/, 'public', /loopback/],
  ['::1/128 (loopback)', '::1', '::1', /loopback/, /unspecified/, /reserved IPv6/],
  ['64:ff9b:1::/48 (local-use NAT64)', '64:ff9b:1::', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff', /local-use NAT64/, /reserved IPv6/, /reserved IPv6/],
  ['100::/64 (discard)', '100::', '100::ffff:ffff:ffff:ffff', /discard/, /reserved IPv6/, /reserved IPv6/],
  ['2001:db8::/32 (documentation)', '2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', /documentation/, 'public', 'public'],
  ['fc00::/7 (unique-local)', 'fc00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /unique-local/, /reserved IPv6 address \(outside 2000::\/3\)/, /reserved IPv6 address \(outside 2000::\/3\)/],
  ['fe80::/10 (link-local)', 'fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /link-local/, /outside 2000::\/3/, /site-local/],
  ['fec0::/10 (site-local)', 'fec0::', 'feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /site-local/, /link-local/, /multicast/],
  ['ff00::/8 (multicast)', 'ff00::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /multicast/, /site-local/, 'public'],
  ['2000::/3 is the only public space: below it', '::2', '1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /reserved IPv6|NAT64|IPv4-mapped|IPv4-translated|discard/, /loopback/, 'public'],
  ['2000::/3 is the only public space: above it', '4000::', '5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /outside 2000::\/3/, 'public', /segment-routing/],
  ['fd00:ec2::254 (AWS IPv6 metadata)', 'fd00:ec2::254', 'fd00:ec2::254', /cloud metadata address \(AWS IPv6\)/, /unique-local/, /unique-local/],
  ['fd20:ce::254 (GCP IPv6 metadata)', 'fd20:ce::254', 'fd20:ce::254', /cloud metadata address \(GCP IPv6\)/, /unique-local/, /unique-local/],
];

function expectVerdict(address: string, expected: RegExp | 'public') {
  const verdict = classifyAddress(address);
  if (expected === 'public') expect({ address, ...verdict }).toEqual({ address, blocked: false, reason: 'a public address' });
  else {
    expect({ address, blocked: verdict.blocked }).toEqual({ address, blocked: true });
    expect(verdict.reason).toMatch(expected);
  }
}

describe.each([
  ['IPv4', V4],
  ['IPv6', V6],
])('SSRF guard, %s: every refused range at its exact edges', (_family, edges) => {
  it.each(edges)('%s', (_range, first, last, reason, before, after) => {
    expectVerdict(first, reason);
    expectVerdict(last, reason);
    if (first !== '::' && first !== '0.0.0.0') expectVerdict(step(first, -1), before);
    if (last !== 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' && last !== '255.255.255.255') expectVerdict(step(last, 1), after);
  });
});

describe('SSRF guard: platform addresses in every spelling', () => {
  it.each([
    ['168.63.129.16', /Azure's wireserver/],
    ['2822734096', /Azure's wireserver/],
    ['0xa83f8110', /Azure's wireserver/],
    ['[::ffff:168.63.129.16]', /IPv4-mapped .*168\.63\.129\.16, a cloud platform address/],
    ['[64:ff9b::a83f:8110]', /NAT64 .*168\.63\.129\.16, a cloud platform address/],
    ['[2002:a83f:8110::1]', /6to4 .*168\.63\.129\.16, a cloud platform address/],
  ])('%s is refused', (host, reason) => {
    const verdict = classifyHost(host);
    expect(verdict.blocked).toBe(true);
    expect(verdict.reason).toMatch(reason);
  });
});
