import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from '../../../src/links/http/undici-agent.js';

// The prober's Agent comes from undici's own files, not its index (src/links/http/undici-agent.ts):
// these tests fail if an undici update moves those files or the request API.
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/gone' ? 410 : 200, { 'content-type': 'text/html', 'x-method': req.method ?? '' });
    res.end(req.method === 'HEAD' ? undefined : '<title>Hello</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the Agent loaded from undici/lib', () => {
  it('sends requests and reads status, headers and body', async () => {
    const agent = new Agent({ keepAliveTimeout: 1000 });
    try {
      const ok = await agent.request({ origin, path: '/page', method: 'GET' });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-method']).toBe('GET');
      expect(await ok.body.text()).toBe('<title>Hello</title>');
      const head = await agent.request({ origin, path: '/gone', method: 'HEAD' });
      expect(head.statusCode).toBe(410);
      await head.body.dump();
    } finally {
      await agent.destroy();
    }
  });

  it('is the same class the undici package exports (MockAgent and the prober agree on it)', async () => {
    const undici = await import('undici');
    expect(Agent).toBe(undici.Agent);
  });
});
