import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as pages from './rot-pages.js';

/**
 * A farm of sites whose rot answers 200, on loopback addresses only (127.0.0.11–.22): a
 * parked domain, a for-sale lander, a docs site with soft 404s, a German one, a site that
 * redirects every unknown path to its front page, one that serves its front page at every
 * unknown path, a single-page app, a login wall, a blog with real 404s whose articles talk
 * about 404s, and a host with one page titled "Not Found". Every request is recorded.
 *
 * `ROT_CASES` names each link with the truth: `dead` (the page is gone), `alive` (a real
 * page: must stay silent) or `one-sign` (a real 404-looking page on a host with real 404s:
 * a warning, never dead: a 404-looking title, or one page sent to the front page).
 */

type Reply = { status: number; headers?: Record<string, string>; body?: string };
type Site = (path: string, origin: string) => Reply;

const page = (body: string, status = 200): Reply => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
const redirect = (location: string, status = 302): Reply => ({ status, headers: { location } });
const notFound = (): Reply => ({ status: 404, headers: { 'content-type': 'text/html' }, body: '<title>404 Not Found</title><h1>Not Found</h1>' });

export const SITES: Record<string, { address: string; site: Site }> = {
  parked: { address: '127.0.0.11', site: () => page(pages.parkedPage('oldtool.dev')) },
  forSale: { address: '127.0.0.12', site: () => page(pages.forSalePage('fastcache.io')) },
  docs: {
    address: '127.0.0.13',
    site: (path) => {
      if (path === '/') return page(pages.docsPage('Welcome', '<p>ToolDocs explains how to install, configure and extend the tool.</p>'));
      if (path === '/guide/install') return page(pages.docsPage('Install', '<p>Run the installer for your platform, then check the version with <code>tool --version</code>. Packages exist for Debian, Fedora, Homebrew and Scoop.</p>'));
      return page(pages.docsNotFound(path));
    },
  },
  german: { address: '127.0.0.14', site: (path) => page(path === '/installation' ? pages.germanPage() : pages.germanNotFound()) },
  homeRedirect: {
    address: '127.0.0.15',
    site: (path) => {
      if (path === '/') return page(pages.productHome());
      if (path === '/features') return page(pages.productPage('Features'));
      return redirect('/');
    },
  },
  homeEverywhere: {
    address: '127.0.0.16',
    site: (path, origin) => {
      if (path === '/pricing') return page(pages.productPage('Pricing', `${origin}/pricing`));
      return page(pages.productHome(`${origin}/`));
    },
  },
  spa: { address: '127.0.0.17', site: () => page(pages.appShell()) },
  loginWall: {
    address: '127.0.0.18',
    site: (path) => {
      if (path.startsWith('/login')) return page(pages.loginPage());
      if (path.startsWith('/dashboard')) return redirect(`/login?next=${encodeURIComponent(path)}`);
      return notFound();
    },
  },
  blog: {
    address: '127.0.0.19',
    site: (path) => {
      if (path === '/posts/http-status-codes') return page(pages.articleMentioning404());
      if (path === '/posts/friendly-404-pages') return page(pages.articleAbout404Pages());
      if (path === '/reference/status/404') return page(pages.statusReference());
      return notFound();
    },
  },
  lonely: {
    address: '127.0.0.20',
    site: (path) => {
      if (path === '/legacy/tool.html') return page(pages.lonelyNotFound());
      // One retired page sent to the front page on purpose; unknown paths get a real 404.
      if (path === '/old-product') return redirect('/', 301);
      if (path === '/') return page(pages.productHome());
      return notFound();
    },
  },
};

export type Truth = 'dead' | 'alive' | 'one-sign';

export interface RotCase {
  name: string;
  site: keyof typeof SITES;
  path: string;
  truth: Truth;
}

export const ROT_CASES: RotCase[] = [
  { name: 'parked domain (parking script and frame)', site: 'parked', path: '/', truth: 'dead' },
  { name: 'parked domain, deep link', site: 'parked', path: '/docs/getting-started', truth: 'dead' },
  { name: 'for-sale lander', site: 'forSale', path: '/', truth: 'dead' },
  { name: 'docs soft 404 (title + invented-path twin)', site: 'docs', path: '/guide/old-config', truth: 'dead' },
  { name: 'docs soft 404, another gone page', site: 'docs', path: '/reference/v1/cli', truth: 'dead' },
  { name: 'docs real page', site: 'docs', path: '/guide/install', truth: 'alive' },
  { name: 'German soft 404 ("Seite nicht gefunden")', site: 'german', path: '/anleitung/alt', truth: 'dead' },
  { name: 'German real page', site: 'german', path: '/installation', truth: 'alive' },
  { name: 'deep link redirected to the front page, like every unknown path', site: 'homeRedirect', path: '/blog/2019/launch', truth: 'dead' },
  { name: 'real page on the redirecting site', site: 'homeRedirect', path: '/features', truth: 'alive' },
  { name: 'front page of the redirecting site', site: 'homeRedirect', path: '/', truth: 'alive' },
  { name: 'front page served at a gone deep path', site: 'homeEverywhere', path: '/docs/v2/setup', truth: 'dead' },
  { name: 'real page on the front-page-everywhere site', site: 'homeEverywhere', path: '/pricing', truth: 'alive' },
  { name: 'single-page app route', site: 'spa', path: '/app/settings', truth: 'alive' },
  { name: 'single-page app front page', site: 'spa', path: '/', truth: 'alive' },
  { name: 'login wall', site: 'loginWall', path: '/dashboard/reports', truth: 'alive' },
  { name: 'article that mentions 404 in its text', site: 'blog', path: '/posts/http-status-codes', truth: 'alive' },
  { name: 'article titled about 404 pages', site: 'blog', path: '/posts/friendly-404-pages', truth: 'alive' },
  { name: 'reference page about the 404 status (title "404 Not Found")', site: 'blog', path: '/reference/status/404', truth: 'alive' },
  { name: 'page titled "404 - Not Found" on a host with real 404s', site: 'lonely', path: '/legacy/tool.html', truth: 'one-sign' },
  { name: 'one page sent to the front page, on a host with real 404s', site: 'lonely', path: '/old-product', truth: 'one-sign' },
];

export interface FarmHit {
  address: string;
  method: string;
  path: string;
}

export interface RotFarm {
  url(site: keyof typeof SITES, path: string): string;
  readonly requests: FarmHit[];
  close(): Promise<void>;
}

export async function startRotFarm(): Promise<RotFarm> {
  const requests: FarmHit[] = [];
  const servers: { server: Server; address: string; port: number; sockets: Set<Socket> }[] = [];
  const ports = new Map<string, number>();
  for (const { address, site } of Object.values(SITES)) {
    const sockets = new Set<Socket>();
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', `http://${address}`);
      requests.push({ address, method: req.method ?? 'GET', path: url.pathname });
      const reply = site(url.pathname, `http://${address}:${ports.get(address)}`);
      res.writeHead(reply.status, reply.headers);
      res.end(req.method === 'HEAD' ? undefined : reply.body);
    });
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    ports.set(address, port);
    servers.push({ server, address, port, sockets });
  }
  return {
    requests,
    url: (site, path) => `http://${SITES[site]!.address}:${ports.get(SITES[site]!.address)}${path}`,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              for (const socket of s.sockets) socket.destroy();
              s.server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
