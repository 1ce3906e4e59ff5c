import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server on 127.0.0.1 that plays a remote API in tests: it records every
 * request and answers through a handler. Nothing in these tests reaches the internet.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StandInReply {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Answer this late (for timeouts). */
  delayMs?: number;
}

export type StandInHandler = (request: RecordedRequest) => StandInReply | Promise<StandInReply>;

export interface StandIn {
  /** `http://127.0.0.1:port` */
  origin: string;
  requests: RecordedRequest[];
  /** Requests the handler refused (it threw): each got a 599. */
  unexpected: RecordedRequest[];
  /** A fetch that refuses any URL outside this stand-in. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startStandIn(handler: StandInHandler): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void (async () => {
        let reply: StandInReply;
        try {
          reply = await handler(recorded);
        } catch (error) {
          unexpected.push(recorded);
          reply = { status: 599, body: { message: `unexpected request: ${String(error)}` } };
        }
        const send = () => {
          const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
          const headers = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
          if (!res.destroyed) res.writeHead(reply.status, headers).end(text);
        };
        if (reply.delayMs) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            send();
          }, reply.delayMs);
          timers.add(timer);
        } else {
          send();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const localFetch: typeof fetch = (input, init) => {
    const target = input instanceof Request ? input.url : String(input);
    if (!target.startsWith(`${origin}/`)) return Promise.reject(new Error(`test fetch refused ${target}`));
    return fetch(input, init);
  };

  return {
    origin,
    requests,
    unexpected,
    fetch: localFetch,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A sleep that returns at once and records each wait. */
export function fakeSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}
