/**
 * What a link itself says about the name of the thing it points to, offline: the
 * repository on a code host, the package on a registry, the extension on an add-on store,
 * the site's own name. Pure code: no I/O.
 *
 * - `repo` and `package` are strong: a repository or package is named after its project
 *   far more often than not (but a repository named differently from its product, such as
 *   CyTube at `calzoneman/sync`, is normal too, so one weak disagreement proves nothing).
 * - `owner` is the account or organisation on a code host (`gitleaks/gitleaks`).
 * - `site` is the site's own name (`highcharts.com` → `highcharts`, `x.github.io` → `x`,
 *   `x.readthedocs.io` → `x`); `root` says whether the link is the site's home page.
 */

export type EvidenceKind = 'repo' | 'package' | 'owner' | 'site';

export interface Evidence {
  /** As written in the URL, decoded: `sup3rS3cretMes5age`, `administrative-divisions-db`. */
  text: string;
  kind: EvidenceKind;
}

/** Second-level labels under a country code that are not a site's name (`co.uk`, `com.au`). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'or', 'ne', 'go']);

/** Host labels in front of a site's name that are not its name. */
const SUBDOMAIN_NOISE = new Set(['www', 'www2', 'www3', 'm', 'en', 'docs', 'doc', 'app', 'web', 'api', 'blog', 'dev', 'developer', 'developers', 'get', 'go']);

/** Hosts whose own name is the platform's, never the linked project's. */
const PLATFORM_HOSTS = [
  'github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org', 'sourceforge.net', 'gitee.com', 'sr.ht',
  'npmjs.com', 'npmjs.org', 'pypi.org', 'crates.io', 'docker.com', 'pkg.go.dev', 'godoc.org', 'rubygems.org',
  'maven.org', 'mvnrepository.com', 'sonatype.com', 'packagist.org', 'nuget.org', 'brew.sh',
  'visualstudio.com', 'google.com', 'mozilla.org', 'microsoft.com', 'apple.com', 'youtube.com', 'youtu.be',
  'twitter.com', 'x.com', 'medium.com', 'dev.to', 'reddit.com', 'arxiv.org', 'wikipedia.org', 'archive.org',
  'githubusercontent.com', 'herokuapp.com', 'netlify.app', 'vercel.app', 'pages.dev', 'glitch.me',
  'huggingface.co', 'kaggle.com', 'linkedin.com', 'facebook.com', 'instagram.com', 'producthunt.com',
  'alternativeto.net', 'stackoverflow.com', 'discord.gg', 'discord.com', 't.me', 'slack.com', 'notion.site',
  'substack.com', 'wordpress.com', 'blogspot.com', 'tumblr.com', 'gitbook.io', 'vimeo.com', 'twitch.tv',
  'postman.com', 'getpostman.com', 'rapidapi.com', 'bit.ly', 'goo.gl', 'awesome.re',
];

/** Repository path segments that are the host's own pages, not a repository. */
const CODE_HOST_RESERVED = new Set([
  'topics', 'orgs', 'users', 'sponsors', 'marketplace', 'apps', 'features', 'collections', 'trending',
  'explore', 'settings', 'about', 'pricing', 'site', 'search', 'login', 'join', 'enterprise', 'events',
  'projects', 'groups', 'dashboard', 'help', 'p', 'u', 'account', 'snippets', 'gist', 'readme',
]);

/** Repositories that are an account's own pages or docs, not a project. */
const NOT_A_PROJECT = /^(?:\.github|docs?|documentation|website|site|homepage|awesome|awesome-.*|.*\.github\.io|blog|wiki)$/i;

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function parse(url: string): URL | undefined {
  if (!/^https?:\/\//i.test(url.trim())) return undefined;
  try {
    return new URL(url.trim());
  } catch {
    return undefined;
  }
}

/** `owner/repo` on a code host (`/owner/repo/...`), with the host's own pages left out. */
function codeHost(segs: string[], out: Evidence[]): void {
  const [owner, repo] = segs;
  if (owner === undefined || CODE_HOST_RESERVED.has(owner.toLowerCase())) return;
  out.push({ text: owner, kind: 'owner' });
  if (repo !== undefined && !NOT_A_PROJECT.test(repo)) out.push({ text: repo.replace(/\.git$/i, ''), kind: 'repo' });
}

/** The last path segment after `marker` (`/package/@scope/name` → `name`). */
function after(segs: string[], marker: string, skipScope = false): string | undefined {
  const i = segs.findIndex((s) => s.toLowerCase() === marker);
  if (i < 0) return undefined;
  let name = segs[i + 1];
  if (skipScope && name?.startsWith('@')) name = segs[i + 2];
  return name;
}

function registry(host: string, u: URL, segs: string[], out: Evidence[]): boolean {
  const pkg = (name: string | undefined): true => {
    if (name !== undefined && name !== '') out.push({ text: name, kind: 'package' });
    return true;
  };
  if (host === 'npmjs.com' || host === 'npmjs.org') return pkg(after(segs, 'package', true));
  if (host === 'pypi.org' || host === 'pypi.python.org') return pkg(after(segs, 'project') ?? after(segs, 'pypi'));
  if (host === 'crates.io' || host === 'lib.rs' || host === 'docs.rs') return pkg(host === 'crates.io' ? after(segs, 'crates') : segs[host === 'lib.rs' ? 1 : 0] ?? segs[0]);
  if (host === 'hub.docker.com') return pkg(segs[0] === '_' ? segs[1] : segs[0] === 'r' ? segs[2] : undefined);
  if (host === 'pkg.go.dev' || host === 'godoc.org') {
    const path = segs.filter((s) => !/^v\d+$/.test(s) && !s.startsWith('@'));
    return pkg(path.length >= 3 ? path[2] : path[path.length - 1]);
  }
  if (host === 'rubygems.org') return pkg(after(segs, 'gems'));
  if (host === 'mvnrepository.com' || host === 'central.sonatype.com') return pkg(segs[2]);
  if (host === 'search.maven.org') return pkg(segs[segs.length - 1]);
  if (host === 'packagist.org') return pkg(segs[0] === 'packages' ? segs[2] : undefined);
  if (host === 'nuget.org') return pkg(after(segs, 'packages'));
  if (host === 'formulae.brew.sh') return pkg(after(segs, 'formula') ?? after(segs, 'cask'));
  if (host === 'marketplace.visualstudio.com') {
    const item = u.searchParams.get('itemName') ?? '';
    return pkg(item.includes('.') ? item.slice(item.indexOf('.') + 1) : undefined);
  }
  if (host === 'chrome.google.com' || host === 'chromewebstore.google.com') return pkg(after(segs, 'detail'));
  if (host === 'addons.mozilla.org') return pkg(after(segs, 'addon'));
  if (host === 'microsoftedge.microsoft.com') return pkg(after(segs, 'detail'));
  if (host === 'apps.apple.com' || host === 'itunes.apple.com') {
    const slug = after(segs, 'app');
    return pkg(slug !== undefined && !/^id\d+$/.test(slug) && !/^\d+$/.test(slug) ? slug : undefined);
  }
  if (host === 'sourceforge.net') return pkg(after(segs, 'projects') ?? after(segs, 'p'));
  return false;
}

/** The site's own name: the label in front of the public suffix, or of a hosting platform. */
function siteName(host: string): string | undefined {
  const labels = host.split('.');
  for (const hosting of ['github.io', 'gitlab.io', 'readthedocs.io', 'readthedocs.org', 'rtfd.io', 'netlify.app', 'vercel.app', 'pages.dev', 'herokuapp.com', 'gitbook.io', 'glitch.me']) {
    if (host.endsWith(`.${hosting}`)) {
      const front = host.slice(0, -hosting.length - 1).split('.');
      return front[front.length - 1];
    }
  }
  if (PLATFORM_HOSTS.some((p) => host === p || host.endsWith(`.${p}`))) return undefined;
  if (labels.length < 2) return undefined;
  let i = labels.length - 2;
  if (labels.length >= 3 && SECOND_LEVEL.has(labels[i]!) && labels[labels.length - 1]!.length === 2) i--;
  const name = labels[i];
  if (name === undefined || SUBDOMAIN_NOISE.has(name)) return undefined;
  return name;
}

/**
 * The names a link gives for what it points to, strongest first, and whether the link is
 * a site's home page. Unparseable and non-web links give nothing.
 */
export function linkEvidence(url: string): { evidence: Evidence[]; root: boolean } {
  let found = cache.get(url);
  if (found === undefined) {
    if (cache.size >= 20_000) cache.clear();
    cache.set(url, (found = readEvidence(url)));
  }
  return found;
}

/** Answers by URL (several rules ask about each link; a list repeats links). Bounded. */
const cache = new Map<string, { evidence: Evidence[]; root: boolean }>();

function readEvidence(url: string): { evidence: Evidence[]; root: boolean } {
  const u = parse(url);
  if (u === undefined) return { evidence: [], root: false };
  const host = u.hostname.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '');
  const segs = segments(u.pathname);
  const out: Evidence[] = [];
  if (host === 'github.com' || host === 'gitlab.com' || host === 'codeberg.org' || host === 'bitbucket.org' || host === 'gitee.com') {
    if (host === 'gitlab.com') {
      // Sub-groups: the project is the last segment before `/-/`.
      const stop = segs.indexOf('-');
      const path = stop < 0 ? segs : segs.slice(0, stop);
      if (path.length > 2) {
        codeHost([path[0]!, path[path.length - 1]!], out);
        return { evidence: out, root: false };
      }
    }
    codeHost(segs, out);
    return { evidence: out, root: false };
  }
  if (registry(host, u, segs, out)) return { evidence: out, root: false };
  const site = siteName(host);
  if (host.endsWith('.github.io') || host.endsWith('.gitlab.io')) {
    // `owner.github.io/repo`: the repository's pages.
    const repo = segs[0];
    if (repo !== undefined && !NOT_A_PROJECT.test(repo)) out.push({ text: repo, kind: 'repo' });
    if (site !== undefined) out.push({ text: site, kind: repo === undefined ? 'site' : 'owner' });
    return { evidence: out, root: segs.length === 0 };
  }
  if (site !== undefined) out.push({ text: site, kind: 'site' });
  // A home page is the site's own: no path, and no sub-domain (`podcast.zenml.io` is not ZenML's home).
  const home = segs.length === 0 || (segs.length === 1 && /^index\.\w+$/i.test(segs[0]!));
  return { evidence: out, root: home && site !== undefined && host.startsWith(`${site}.`) };
}
