import type { PageSignals } from './page-signals.js';

/**
 * Recognises the pages of domain parkers and marketplaces: a domain that expired and was
 * bought to show ads or be sold again. The project behind the link is gone, whatever the
 * status says. Evidence, strongest first:
 *   - the link redirects to a parking service or a domain marketplace;
 *   - the page loads a parking service's script or frame (or a meta refresh to one);
 *   - its title or first heading offers the domain for sale or says it is parked;
 *   - a short page (a landing page, not an article) says so in its text.
 * A page on the marketplace's own site (a list linking to the marketplace) is not parked.
 */

/** Parking services and domain marketplaces: their own hosts, and those of their scripts and landers. */
export const PARKING_HOSTS: readonly string[] = [
  'sedoparking.com',
  'sedo.com',
  'bodis.com',
  'parkingcrew.net',
  'above.com',
  'dan.com',
  'afternic.com',
  'hugedomains.com',
  'buydomains.com',
  'undeveloped.com',
  'uniregistry.com',
  'domainmarket.com',
  'brandbucket.com',
  'squadhelp.com',
  'efty.com',
  'parklogic.com',
  'domainsponsor.com',
  'dsparking.com',
  'trafficz.com',
  'fabulous.com',
  'skenzo.com',
  'rookmedia.net',
  'ztomy.com',
  'namebrightstatic.com',
  'domainnamesales.com',
  'cashparking.com',
  'park.io',
  'parkingpage.namecheap.com',
];

/** Script paths that only parked pages load, on hosts that serve much else. */
const PARKING_PATHS: readonly { host: string; path: string; name: string }[] = [
  { host: 'wsimg.com', path: '/parking-lander/', name: "GoDaddy's parking lander" },
  { host: 'google.com', path: '/adsense/domains/caf.js', name: 'AdSense for Domains (parked-domain ads)' },
  { host: 'googlesyndication.com', path: '/apps/domainpark/', name: 'AdSense for Domains (parked-domain ads)' },
];

/** Phrases a parked or for-sale page shows (lower case; matched on collapsed whitespace). */
const PHRASES: readonly string[] = [
  'this domain is for sale',
  'this domain may be for sale',
  'this domain name is for sale',
  'domain is for sale',
  'buy this domain',
  'make an offer on this domain',
  'inquire about this domain',
  'this domain is parked',
  'this domain has been parked',
  'parked free',
  'parked courtesy of',
  'this web page is parked',
  'this page is parked',
  'diese domain steht zum verkauf',
  'diese domain kaufen',
  'ce domaine est à vendre',
  'ce nom de domaine est à vendre',
  'este dominio está en venta',
  'este dominio esta en venta',
  'este domínio está à venda',
  'questo dominio è in vendita',
  'этот домен продается',
  'этот домен продаётся',
  '该域名正在出售',
  '此域名出售',
  'このドメインは販売中',
];

/** A short page is a landing page; a long one that mentions parking is an article about it. */
const LANDING_WORDS = 300;

function hostOf(url: string, base?: string): string | undefined {
  try {
    return new URL(url, base).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function within(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The parking service a host belongs to, if any. */
export function parkingHost(host: string): string | undefined {
  return PARKING_HOSTS.find((domain) => within(host, domain));
}

function parkingResource(resource: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(resource, base);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const service = parkingHost(host);
  if (service) return host;
  const known = PARKING_PATHS.find((p) => within(host, p.host) && url.pathname.includes(p.path));
  return known ? known.name : undefined;
}

function phraseIn(text: string): string | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return PHRASES.find((p) => lower.includes(p));
}

function quote(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`;
}

export interface ParkingInput {
  /** The link as requested. */
  url: string;
  /** Every URL of the redirect chain, then the final one. */
  chain: string[];
  page?: PageSignals;
}

/** The evidence that a link leads to a parked or for-sale domain (empty: not parked). */
export function parkingEvidence(input: ParkingInput): string[] {
  const own = hostOf(input.url);
  if (own === undefined || parkingHost(own)) return [];
  const evidence: string[] = [];
  for (const hop of input.chain) {
    const host = hostOf(hop);
    if (host && host !== own && parkingHost(host)) {
      evidence.push(`redirects to ${host}`);
      break;
    }
  }
  const page = input.page;
  const finalUrl = input.chain[input.chain.length - 1] ?? input.url;
  if (page) {
    const finalHost = hostOf(finalUrl);
    const onMarket = finalHost !== undefined && parkingHost(finalHost) !== undefined;
    if (!onMarket) {
      const loaded = new Set<string>();
      for (const resource of page.resources) {
        const name = parkingResource(resource, finalUrl);
        if (name) loaded.add(name);
      }
      const inline = /(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})(\/[^\s'"<>]*)?/gi;
      for (const match of page.script.matchAll(inline)) {
        const name = parkingResource(`https://${match[1]!}${match[2] ?? '/'}`, finalUrl);
        if (name) loaded.add(name);
      }
      for (const name of [...loaded].sort().slice(0, 3)) evidence.push(`loads ${name}`);
    }
    if (page.title !== undefined && phraseIn(page.title)) evidence.push(`its title says ${quote(page.title)}`);
    else if (page.heading !== undefined && phraseIn(page.heading)) evidence.push(`its heading says ${quote(page.heading)}`);
    else if (!onMarket && page.words <= LANDING_WORDS) {
      const phrase = phraseIn(page.text);
      if (phrase) evidence.push(`a ${page.words}-word landing page that says ${quote(phrase)}`);
    }
  }
  return evidence;
}
