import { Resolver } from 'node:dns/promises';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';

const lookupAll = promisify(dnsLookup) as unknown as (hostname: string, options: { all: true; verbatim: boolean }) => Promise<LookupAddress[]>;

const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

/**
 * Resolves a name's A and AAAA records with c-ares. Unlike dns.lookup (getaddrinfo), it
 * never occupies libuv's four pool threads, so a slow or absent resolver cannot stall the
 * run or hold the process open after it. Names without a dot ("localhost", intranet hosts
 * from /etc/hosts) still go through the system lookup.
 */
export function createNameResolver(resolver = new Resolver({ timeout: 5000, tries: 2 })): (hostname: string) => Promise<LookupAddress[]> {
  return async (hostname) => {
    if (!hostname.includes('.')) return lookupAll(hostname, { all: true, verbatim: true });
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const addresses: LookupAddress[] = [
      ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 })) : []),
    ];
    if (addresses.length > 0) return addresses;
    const codes = [v4, v6].map((r) => (r.status === 'rejected' ? String((r.reason as NodeJS.ErrnoException).code) : 'ENODATA'));
    const notFound = codes.every((c) => NOT_FOUND.has(c));
    // The same shape getaddrinfo errors have, so the verdicts stay as they were.
    throw Object.assign(new Error(`getaddrinfo ${notFound ? 'ENOTFOUND' : 'EAI_AGAIN'} ${hostname}`), {
      code: notFound ? 'ENOTFOUND' : 'EAI_AGAIN',
      syscall: 'getaddrinfo',
      hostname,
    });
  };
}
