import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A link farm for link-checker tests: node:http(s) servers on loopback addresses
 * (127.0.0.1, 127.0.0.2, 127.0.0.3 by default — all of 127.0.0.0/8 is loopback on Linux,
 * so each is a distinct host), serving routes you describe, recording every request
 * (method, path, headers, time, whether the client hung up early) and the most requests
 * each host had in flight at once. Nothing leaves the machine.
 *
 *   const farm = await startLinkFarm({ '/ok': { status: 200 }, '/gone': { status: 410 } });
 *   farm.url('/ok')                 // http://127.0.0.1:PORT/ok
 *   farm.url('/ok', '127.0.0.2')    // the same route on the second host
 *   await farm.close();
 *
 * A route key is a path (`/x`, query ignored) or a host and a path (`127.0.0.2 /x`, which
 * wins over `/x` on that host). Unknown paths answer 404.
 */

export interface FarmContext {
  /** The address that took the request (e.g. '127.0.0.2'). */
  host: string;
  /** 1 for the first request to this host and path (any method), 2 for the next, … */
  hit: number;
  /** The request URL, absolute. */
  url: URL;
  /** This farm, e.g. to build redirect targets. */
  farm: LinkFarm;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: FarmContext) => void | Promise<void>;

/** A fixed answer; `body` is not sent for HEAD. */
export interface StaticRoute {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Route = RouteHandler | StaticRoute;

export interface FarmRequest {
  host: string;
  method: string;
  /** Path and query. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  at: number;
  /** The connection closed before the response was complete (client hung up or reset). */
  closedEarly: boolean;
}

export interface LinkFarmOptions {
  /** Loopback addresses to listen on, one server each (default 127.0.0.1–3). */
  hosts?: string[];
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export interface LinkFarm {
  readonly hosts: readonly string[];
  /** `http(s)://host:port` + path; host defaults to the first. */
  url(path: string, host?: string): string;
  port(host?: string): number;
  /** Every request so far, in arrival order. */
  readonly requests: FarmRequest[];
  /** Requests to one path (query ignored), on one host or all. */
  hits(path: string, host?: string): FarmRequest[];
  /** The most requests one host (or any host, when omitted) had in flight at once. */
  maxInFlight(host?: string): number;
  /** Connections one host (or every host, when omitted) accepted. */
  connections(host?: string): number;
  /** Closes every server and connection. */
  close(): Promise<void>;
}

interface HostServer {
  host: string;
  server: Server;
  port: number;
  inFlight: number;
  maxInFlight: number;
  sockets: Set<Socket>;
  connections: number;
}

function respondStatic(req: IncomingMessage, res: ServerResponse, route: StaticRoute): void {
  res.writeHead(route.status, route.headers);
  res.end(req.method === 'HEAD' ? undefined : route.body);
}

export async function startLinkFarm(routes: Record<string, Route>, options: LinkFarmOptions = {}): Promise<LinkFarm> {
  const hostList = options.hosts ?? ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
  const scheme = options.tls ? 'https' : 'http';
  const requests: FarmRequest[] = [];
  const hitCounts = new Map<string, number>();
  const servers = new Map<string, HostServer>();

  const farm: LinkFarm = {
    hosts: hostList,
    requests,
    url(path, host = hostList[0]!) {
      return `${scheme}://${host}:${farm.port(host)}${path}`;
    },
    port(host = hostList[0]!) {
      const entry = servers.get(host);
      if (!entry) throw new Error(`link farm: no server on ${host}`);
      return entry.port;
    },
    hits(path, host) {
      return requests.filter((r) => r.path.split('?')[0] === path && (host === undefined || r.host === host));
    },
    maxInFlight(host) {
      const entries = host === undefined ? [...servers.values()] : [servers.get(host)];
      return Math.max(0, ...entries.map((e) => e?.maxInFlight ?? 0));
    },
    connections(host) {
      const entries = host === undefined ? [...servers.values()] : [servers.get(host)];
      return entries.reduce((sum, e) => sum + (e?.connections ?? 0), 0);
    },
    async close() {
      await Promise.all(
        [...servers.values()].map(
          (entry) =>
            new Promise<void>((resolve) => {
              for (const socket of entry.sockets) socket.destroy();
              entry.server.close(() => resolve());
            }),
        ),
      );
    },
  };

  const handle = (entry: HostServer) => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `${scheme}://${entry.host}:${entry.port}`);
    const record: FarmRequest = {
      host: entry.host,
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: req.headers,
      at: Date.now(),
      closedEarly: false,
    };
    requests.push(record);
    entry.inFlight++;
    entry.maxInFlight = Math.max(entry.maxInFlight, entry.inFlight);
    res.on('close', () => {
      entry.inFlight--;
      if (!res.writableFinished) record.closedEarly = true;
    });
    const key = `${entry.host} ${url.pathname}`;
    const hit = (hitCounts.get(key) ?? 0) + 1;
    hitCounts.set(key, hit);
    const route = routes[key] ?? routes[url.pathname];
    if (route === undefined) {
      respondStatic(req, res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });
      return;
    }
    if (typeof route !== 'function') {
      respondStatic(req, res, route);
      return;
    }
    Promise.resolve(route(req, res, { host: entry.host, hit, url, farm })).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  };

  try {
    for (const host of hostList) {
      const entry: HostServer = { host, server: undefined as unknown as Server, port: 0, inFlight: 0, maxInFlight: 0, sockets: new Set(), connections: 0 };
      entry.server = options.tls ? createHttpsServer(options.tls, handle(entry)) : createHttpServer(handle(entry));
      entry.server.on('connection', (socket: Socket) => {
        entry.sockets.add(socket);
        entry.connections++;
        socket.on('close', () => entry.sockets.delete(socket));
      });
      // A TLS handshake the client refused is expected in tests; keep it quiet.
      entry.server.on('tlsClientError', () => undefined);
      servers.set(host, entry);
      await new Promise<void>((resolve, reject) => {
        entry.server.once('error', reject);
        entry.server.listen(0, host, () => resolve());
      });
      entry.port = (entry.server.address() as AddressInfo).port;
    }
  } catch (error) {
    await farm.close();
    throw error;
  }
  return farm;
}
