/**
 * The site a link points to, for questions such as "are these links to one site?": the
 * registrable domain of the host (`docs.acme.dev` and `www.acme.dev` are both `acme.dev`).
 *
 * listwarden ships no copy of the Public Suffix List, so this is its approximation: the last
 * two labels of the host, or the last three when the last two are a suffix under which
 * anyone registers a name — a country's second level (`co.uk`, `com.au`…) or a hosting
 * platform where each sub-domain is someone else's site (`github.io`, `netlify.app`…).
 * On code hosts each owner is a site of its own (`github.com/acme`), since one campaign on
 * many repositories of different owners says nothing about any of them.
 * IP addresses and single-label hosts are their own site. Pure code: no I/O.
 */

const SHARED_SUFFIXES: ReadonlySet<string> = new Set([
  // Country second levels.
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'id.au',
  'co.nz', 'org.nz', 'net.nz', 'ac.nz', 'govt.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.kr', 'or.kr', 'ac.kr', 'go.kr',
  'com.br', 'net.br', 'org.br', 'gov.br',
  'com.cn', 'net.cn', 'org.cn', 'edu.cn', 'gov.cn',
  'com.tw', 'org.tw', 'edu.tw', 'com.hk', 'org.hk', 'com.sg', 'edu.sg', 'com.my',
  'com.mx', 'com.ar', 'com.co', 'com.tr', 'com.ua', 'com.pl', 'com.ru', 'com.vn', 'com.ph',
  'com.pk', 'com.ng', 'com.eg', 'com.sa', 'co.in', 'net.in', 'org.in', 'ac.in', 'gov.in',
  'co.za', 'org.za', 'co.il', 'org.il', 'ac.il', 'co.id', 'or.id', 'ac.id', 'co.th', 'in.th',
  // Hosting platforms: each sub-domain belongs to whoever registered it.
  'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'herokuapp.com', 'pages.dev',
  'workers.dev', 'web.app', 'firebaseapp.com', 'blogspot.com', 'wordpress.com', 'substack.com',
  'medium.com', 'readthedocs.io', 'readthedocs.org', 'gitbook.io', 'notion.site', 'fly.dev',
  'onrender.com', 'glitch.me', 'surge.sh', 'azurewebsites.net', 'cloudfront.net',
  'appspot.com', 'hashnode.dev', 'itch.io', 'neocities.org', 'codeberg.page', 'sourceforge.io',
]);

/** Code hosts whose first path segment names the owner. */
const CODE_HOSTS: ReadonlySet<string> = new Set(['github.com', 'gist.github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitee.com', 'sr.ht', 'git.sr.ht']);

function isIpAddress(host: string): boolean {
  if (host.startsWith('[')) return true;
  const labels = host.split('.');
  return labels.length === 4 && labels.every((label) => label !== '' && [...label].every((c) => c >= '0' && c <= '9'));
}

/** The registrable domain of a host name (lower-case, without a trailing dot). */
export function registrableDomain(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (isIpAddress(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(SHARED_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/**
 * The site of an absolute http(s) URL: its registrable domain, plus the owner on a code
 * host (`github.com/acme`). Undefined for relative URLs, other schemes and URLs that do not parse.
 */
export function siteKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.hostname === '') return undefined;
  const domain = registrableDomain(parsed.hostname);
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (!CODE_HOSTS.has(host)) return domain;
  const owner = parsed.pathname.split('/')[1]?.toLowerCase() ?? '';
  return owner === '' ? host : `${host}/${owner}`;
}
