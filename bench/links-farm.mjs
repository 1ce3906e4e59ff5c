// A loopback link farm for bench/links-bench.mjs, run in its own child process (fork) so the
// link checkers' CPU does not slow the servers down. Plain node, no test dependencies.
//
// One node:https (or node:http) server per host, 127.0.0.1 … 127.0.0.N, all on one port.
// URL n (0-based) lives on host (n / perHost) + 1 at /p/n. Its kind (ground truth) comes from
// kindOf(n): ok, r429 (429 Retry-After: 1 on the first request, then 200), head403 (HEAD 403,
// GET 200), missing (404) or moved (301 to /to/n, which answers 200). Every response waits
// `latencyMs` first; with `slowHosts` set, the last that many hosts wait `slowLatencyMs`.
//
// Control over IPC (process.send): the parent sends { id, cmd } and gets { id, ...answer }:
//   stats  → per-host { maxInFlight, requests, methods }, the per-URL request counts, totals
//   reset  → zeroes every counter and forgets first hits (so every tool meets the 429s)
//   close  → closes the servers and exits
// The farm exits by itself when the parent goes away.

import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

/** Ground truth for URL n: the same function in the farm and in the bench (imported). */
export function kindOf(n) {
  const r = (n * 37) % 100; // 37 is prime to 100: every residue once per 100 URLs
  if (r < 2) return 'r429'; // 2 %
  if (r < 5) return 'head403'; // 3 %
  if (r < 7) return 'missing'; // 2 %
  if (r < 9) return 'moved'; // 2 %
  return 'ok';
}

export const ALIVE = { ok: true, r429: true, head403: true, moved: true, missing: false };

function startFarm(config) {
  const { hosts, perHost, latencyMs, tls, slowHosts = 0, slowLatencyMs = latencyMs } = config;
  const delayOf = (h) => (h > hosts - slowHosts ? slowLatencyMs : latencyMs);
  const scheme = tls ? 'https' : 'http';
  const state = {
    perHost: [], // index h-1: { inFlight, maxInFlight, requests, methods: {} }
    perUrl: new Map(), // '/p/n' on its host → requests (the /to/n of a moved URL counts for n)
    hits: new Map(), // host path → requests, for first-hit answers
    inFlight: 0,
    maxInFlight: 0,
    clientErrors: 0,
  };
  const resetCounters = () => {
    state.perHost = Array.from({ length: hosts }, () => ({ inFlight: 0, maxInFlight: 0, requests: 0, methods: {}, connections: 0 }));
    state.perUrl = new Map();
    state.hits = new Map();
    state.inFlight = 0;
    state.maxInFlight = 0;
    state.clientErrors = 0;
    state.firstAt = undefined;
    state.lastAt = undefined;
    state.log = []; // per request: [start ms, end ms (from the first request), host, method, status, path]
    state.connections = 0;
  };
  resetCounters();

  const handler = (h) => (req, res) => {
    const host = state.perHost[h - 1];
    // In-flight counters survive a reset mid-request without going negative.
    const counted = host;
    counted.inFlight++;
    counted.requests++;
    counted.methods[req.method] = (counted.methods[req.method] ?? 0) + 1;
    counted.maxInFlight = Math.max(counted.maxInFlight, counted.inFlight);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    state.firstAt ??= Date.now();
    const entry = [Date.now() - state.firstAt, -1, h, req.method, 0, req.url];
    state.log.push(entry);
    // A request is in flight from its arrival until the farm hands its answer over (res.end),
    // or until the client hangs up: the client cannot have the answer before that, so a count
    // here never exceeds what the client had in flight.
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      counted.inFlight--;
      state.inFlight--;
      state.lastAt = Date.now();
      entry[1] = state.lastAt - state.firstAt;
      entry[4] = res.statusCode;
    };
    res.on('close', finish);
    const end = res.end.bind(res);
    res.end = (...a) => {
      finish();
      return end(...a);
    };

    const path = (req.url ?? '/').split('?')[0];
    const key = `${h} ${path}`;
    const hit = (state.hits.get(key) ?? 0) + 1;
    state.hits.set(key, hit);
    const m = /^\/(p|to)\/(\d+)$/.exec(path);
    const n = m ? Number(m[2]) : -1;
    const valid = m && n >= (h - 1) * perHost && n < h * perHost;
    if (valid) state.perUrl.set(n, (state.perUrl.get(n) ?? 0) + 1);

    setTimeout(() => {
      const head = req.method === 'HEAD';
      const page = (status, extra = {}) => {
        const body = status === 200 ? `<!doctype html><html><head><title>Tool ${n}</title></head><body><h1>Tool ${n}</h1><p>A page of the bench farm.</p></body></html>` : `${status}\n`;
        res.writeHead(status, { 'content-type': status === 200 ? 'text/html; charset=utf-8' : 'text/plain', 'content-length': Buffer.byteLength(body), ...extra });
        res.end(head ? undefined : body);
      };
      if (!valid) return page(404);
      if (m[1] === 'to') return kindOf(n) === 'moved' ? page(200) : page(404);
      switch (kindOf(n)) {
        case 'ok':
          return page(200);
        case 'r429':
          return hit === 1 ? page(429, { 'retry-after': '1' }) : page(200);
        case 'head403':
          return head ? page(403) : page(200);
        case 'missing':
          return page(404);
        case 'moved': {
          res.writeHead(301, { location: `${scheme}://127.0.0.${h}:${state.port}/to/${n}`, 'content-length': 0 });
          return res.end();
        }
      }
    }, delayOf(h));
  };

  const servers = [];
  const listenAll = async (port) => {
    for (let h = 1; h <= hosts; h++) {
      // Each host has its own certificate (one IP address in it), signed by the bench's CA.
      const server = tls ? createHttpsServer({ key: tls.hosts[h - 1].key, cert: tls.hosts[h - 1].cert }, handler(h)) : createHttpServer(handler(h));
      server.keepAliveTimeout = 5000;
      server.on(tls ? 'secureConnection' : 'connection', () => {
        state.connections++;
        state.perHost[h - 1].connections++;
      });
      server.on('clientError', (_error, socket) => {
        // As node's default handler does: a 400, then close (a TLS hello sent to a plain http
        // server gets this answer from most servers, and the client sees a TLS error).
        state.clientErrors++;
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        else socket.destroy();
      });
      server.on('tlsClientError', () => {
        state.clientErrors++;
      });
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, `127.0.0.${h}`, () => {
          server.off('error', reject);
          resolve();
        });
      });
      if (port === 0) port = server.address().port;
    }
    return port;
  };
  const closeAll = () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections?.();
      server.close();
    }
  };

  return {
    async start() {
      for (let attempt = 0; attempt < 8; attempt++) {
        try {
          state.port = await listenAll(0);
          return { port: state.port, scheme };
        } catch (error) {
          closeAll();
          if (error.code !== 'EADDRINUSE') throw error;
        }
      }
      throw new Error('link farm: no port free on every host');
    },
    stats() {
      return {
        hosts: state.perHost.map((s, i) => ({ host: `127.0.0.${i + 1}`, maxInFlight: s.maxInFlight, requests: s.requests, methods: s.methods, connections: s.connections })),
        perUrl: [...state.perUrl],
        requests: state.perHost.reduce((a, s) => a + s.requests, 0),
        maxInFlight: state.maxInFlight,
        clientErrors: state.clientErrors,
        connections: state.connections,
        firstAt: state.firstAt,
        log: state.log,
        lastAt: state.lastAt,
      };
    },
    reset: resetCounters,
    close: closeAll,
  };
}

// Run as a forked child: wait for the config, start, answer control messages.
if (process.send && process.argv[2] === '--child') {
  let farm;
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (message) => {
    const reply = (answer) => process.send({ id: message.id, ...answer });
    try {
      switch (message.cmd) {
        case 'start':
          farm = startFarm(message.config);
          reply(await farm.start());
          break;
        case 'stats':
          reply(farm.stats());
          break;
        case 'reset':
          farm.reset();
          reply({});
          break;
        case 'close':
          farm?.close();
          reply({});
          setImmediate(() => process.exit(0));
          break;
        default:
          reply({ error: `unknown command ${message.cmd}` });
      }
    } catch (error) {
      reply({ error: String(error?.stack ?? error) });
    }
  });
}
