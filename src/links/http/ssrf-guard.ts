import { createNameResolver } from './resolve-name.js';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard: a link checker fetches whatever a Markdown file names, so without a
 * guard a list (or a redirect, or a DNS answer) could point it at the machine it runs on,
 * the LAN or a cloud metadata endpoint. Addresses are judged with ipaddr.js; host
 * spellings are read as browsers read them (WHATWG URL parsing turns `2130706433`,
 * `0x7f.1`, `0177.0.0.1` and `127.1` into `127.0.0.1`); names are checked at connect time
 * on every resolved address, so DNS rebinding (a second, private answer) is caught too.
 */

export interface AddressVerdict {
  blocked: boolean;
  /** Completes "<address> is …", e.g. "a loopback address". */
  reason: string;
}

/** What the guard lets through. */
export interface GuardPolicy {
  /** Allow every loopback, private, link-local and metadata target. */
  allowPrivate: boolean;
  /** Host names or IP addresses let through although blocked (compared canonically). */
  allowHosts?: readonly string[];
}

/** A host as WHATWG URL parsing reads it. */
export type HostAddress = { kind: 'ipv4' | 'ipv6'; address: string } | { kind: 'name'; name: string };

/** Resolves a host name to all its addresses (dns.lookup with `all: true` by default). */
export type LookupFn = (hostname: string) => Promise<readonly LookupAddress[]>;

export const ERR_BLOCKED_ADDRESS = 'ERR_BLOCKED_ADDRESS';

/** Raised when the guard refuses a target; `message` says which address and why. */
export class BlockedAddressError extends Error {
  readonly code = ERR_BLOCKED_ADDRESS;
  constructor(
    message: string,
    readonly host: string,
    readonly address?: string,
  ) {
    super(message);
    this.name = 'BlockedAddressError';
  }
}

const V4_REASONS: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address',
  reserved: 'a reserved address',
  as112: 'a reserved (AS112) address',
  amt: 'a reserved (AMT) address',
};

const V6_REASONS: Record<string, string> = {
  unspecified: 'the unspecified IPv6 address',
  linkLocal: 'a link-local IPv6 address',
  multicast: 'a multicast IPv6 address',
  loopback: 'a loopback address',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  deprecatedSiteLocal: 'a site-local (private) IPv6 address',
  discard: 'a discard-only IPv6 address',
  benchmarking: 'a benchmarking IPv6 address',
  amt: 'a reserved (AMT) IPv6 address',
  as112v6: 'a reserved (AS112) IPv6 address',
  deprecatedOrchid: 'a reserved (ORCHID) IPv6 address',
  orchid2: 'a reserved (ORCHIDv2) IPv6 address',
  droneRemoteIdProtocolEntityTags: 'a reserved IPv6 address',
  segmentRouting: 'a segment-routing IPv6 address',
  reserved: 'a reserved (documentation) IPv6 address',
};

/**
 * Single addresses of cloud platforms that are public-looking or that deserve their own
 * reason. Their ranges are refused anyway where they have one (169.254.0.0/16 link-local,
 * 100.64.0.0/10 carrier-grade NAT, fc00::/7 unique-local); 168.63.129.16 is in public
 * space and must be named: it is how every Azure VM (GitHub's hosted runners among them)
 * talks to its host (wireserver: provisioning, health, DNS, extensions).
 */
const PLATFORM_V4 = new Map([
  ['169.254.169.254', 'a cloud metadata address (AWS, Azure, GCP, Oracle, DigitalOcean, OpenStack)'],
  ['169.254.170.2', 'a cloud metadata address (AWS ECS task metadata)'],
  ['100.100.100.200', 'a cloud metadata address (Alibaba Cloud)'],
  ['168.63.129.16', "a cloud platform address (Azure's wireserver, reachable from every Azure VM)"],
]);
const PLATFORM_V6 = new Map([
  ['fd00:ec2::254', 'a cloud metadata address (AWS IPv6)'],
  ['fd20:ce::254', 'a cloud metadata address (GCP IPv6)'],
]);

function v4FromBits(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function classifyV4(ip: ipaddr.IPv4): AddressVerdict {
  const platform = PLATFORM_V4.get(ip.toString());
  if (platform) return { blocked: true, reason: platform };
  const range = ip.range();
  if (range === 'unicast') return { blocked: false, reason: 'a public address' };
  return { blocked: true, reason: V4_REASONS[range] ?? `a special-purpose address (${range})` };
}

function embedded(kind: string, inner: ipaddr.IPv4): AddressVerdict {
  const verdict = classifyV4(inner);
  return {
    blocked: verdict.blocked,
    reason: `${kind} embedding ${inner.toString()}, ${verdict.reason}`,
  };
}

function classifyV6(ip: ipaddr.IPv6): AddressVerdict {
  const platform = PLATFORM_V6.get(ip.toString());
  if (platform) return { blocked: true, reason: platform };
  const p = ip.parts as [number, number, number, number, number, number, number, number];
  const range = ip.range();
  switch (range) {
    case 'ipv4Mapped':
      return embedded('an IPv4-mapped IPv6 address', ip.toIPv4Address());
    case 'rfc6145':
      return embedded('an IPv4-translated IPv6 address', v4FromBits(p[6], p[7]));
    case 'rfc6052':
      if (p[2] !== 0) return { blocked: true, reason: 'a local-use NAT64 address (64:ff9b:1::/48)' };
      return embedded('a NAT64 address', v4FromBits(p[6], p[7]));
    case '6to4':
      return embedded('a 6to4 address', v4FromBits(p[1], p[2]));
    case 'teredo': {
      const client = embedded('a Teredo address', v4FromBits(p[6] ^ 0xffff, p[7] ^ 0xffff));
      const server = embedded('a Teredo address', v4FromBits(p[2], p[3]));
      return client.blocked ? client : server.blocked ? server : client;
    }
    case 'unicast':
      // Global unicast is 2000::/3; everything else unnamed (e.g. ::7f00:1, the deprecated
      // IPv4-compatible form) is reserved.
      if ((p[0] & 0xe000) !== 0x2000) {
        return { blocked: true, reason: 'a reserved IPv6 address (outside 2000::/3)' };
      }
      return { blocked: false, reason: 'a public address' };
    default:
      return { blocked: true, reason: V6_REASONS[range] ?? `a special-purpose IPv6 address (${range})` };
  }
}

/** Whether an IP address (v4 dotted, or v6, brackets allowed) may be fetched, and why. */
export function classifyAddress(ip: string): AddressVerdict {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return classifyV4(ipaddr.IPv4.parse(text));
  if (ipaddr.IPv6.isValid(text) && !text.includes('%')) return classifyV6(ipaddr.IPv6.parse(text));
  return { blocked: true, reason: 'not an IP address' };
}

/**
 * Reads a URL host (`host` or `hostname` of a URL, or a bare host) as browsers do:
 * numeric IPv4 spellings become dotted quads, IPv6 is canonical without brackets, names
 * are lower-case (IDNA) without a trailing dot. Undefined when it is not a valid host.
 */
export function parseHostAddress(host: string): HostAddress | undefined {
  if (host === '' || /[\s/\\?#@]/.test(host)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
  if (hostname.startsWith('[')) {
    const address = hostname.slice(1, -1);
    return ipaddr.IPv6.isValid(address) ? { kind: 'ipv6', address: ipaddr.IPv6.parse(address).toString() } : undefined;
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(hostname)) return { kind: 'ipv4', address: hostname };
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return name === '' ? undefined : { kind: 'name', name };
}

/** Names refused without a lookup: they always lead to the machine itself or its cloud. */
function classifyName(name: string): AddressVerdict {
  if (name === 'localhost' || name.endsWith('.localhost')) return { blocked: true, reason: 'a loopback name' };
  if (name === 'metadata.google.internal' || name === 'metadata' || name === 'instance-data') {
    return { blocked: true, reason: 'a cloud metadata name' };
  }
  if (name.endsWith('.internal')) return { blocked: true, reason: 'a private-use name (.internal)' };
  return { blocked: false, reason: 'a public name' };
}

/** Whether a host (name or address, any spelling) is refused before any lookup, and why. */
export function classifyHost(host: string): AddressVerdict {
  const parsed = parseHostAddress(host);
  if (!parsed) return { blocked: true, reason: 'not a valid host' };
  return parsed.kind === 'name' ? classifyName(parsed.name) : classifyAddress(parsed.address);
}

function canonical(host: string): string {
  const parsed = parseHostAddress(host);
  if (!parsed) return host.toLowerCase();
  return parsed.kind === 'name' ? parsed.name : parsed.address;
}

function allowedSet(policy: GuardPolicy): Set<string> {
  return new Set((policy.allowHosts ?? []).map(canonical));
}

const HINT = ' — pass --allow-private to check it';

/**
 * The error for a URL host refused before connecting (IP literals, `localhost`,
 * metadata names), or undefined when it may be fetched (names are checked again on
 * their resolved addresses at connect time).
 */
export function checkHost(host: string, policy: GuardPolicy): BlockedAddressError | undefined {
  if (policy.allowPrivate) return undefined;
  const name = canonical(host);
  if (allowedSet(policy).has(name)) return undefined;
  const verdict = classifyHost(host);
  if (!verdict.blocked) return undefined;
  return new BlockedAddressError(`refused: ${name} is ${verdict.reason}${HINT}`, name);
}

/** Resolves with the system's DNS servers (c-ares; see resolve-name.ts): every address. */
export const systemLookup: LookupFn = createNameResolver();

/**
 * A `lookup` for net/tls `connect` (undici's `connect: { lookup }`): resolves every
 * address of the name and refuses the connection when ANY of them is blocked, so a name
 * cannot smuggle in a private address beside a public one, and a re-resolution at a later
 * connect (DNS rebinding) is checked again. Serves both of net's call shapes (`all` for
 * happy-eyeballs, a single address otherwise).
 */
export function createGuardedLookup(resolve: LookupFn, policy: GuardPolicy): LookupFunction {
  const allowed = allowedSet(policy);
  return (hostname, options, callback) => {
    const name = canonical(hostname);
    const check = async (): Promise<LookupAddress[]> => {
      const byName = policy.allowPrivate || allowed.has(name) ? undefined : checkHost(hostname, policy);
      if (byName) throw byName;
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const addresses = (await resolve(hostname)).filter((a) => !family || a.family === family);
      if (addresses.length === 0) {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          syscall: 'getaddrinfo',
          hostname,
        });
      }
      if (!policy.allowPrivate && !allowed.has(name)) {
        for (const { address } of addresses) {
          if (allowed.has(canonical(address))) continue;
          const verdict = classifyAddress(address);
          if (verdict.blocked) {
            throw new BlockedAddressError(
              `refused: ${hostname} resolves to ${address}, ${verdict.reason}${HINT}`,
              name,
              address,
            );
          }
        }
      }
      return addresses;
    };
    check().then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
