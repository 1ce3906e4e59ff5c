/**
 * The entry point `npm run app` runs (src/app/main.ts), as its own Node process: built with
 * esbuild into a temporary directory (dependencies stay imports, resolved from the
 * project's node_modules), started with Probot's environment, stopped with SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { APP_ID, PRIVATE_KEY, SECRET, payloadFor } from './helpers/app-payloads.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let entry: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-app-main-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  entry = join(dir, 'main.mjs');
  await build({ absWorkingDir: ROOT, entryPoints: ['src/app/main.ts'], outfile: entry, bundle: true, packages: 'external', platform: 'node', target: 'node20', format: 'esm', logLevel: 'silent' });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: NodeJS.ProcessEnv, cwd = dir): Started {
  const child = spawn(process.execPath, [entry], { cwd, env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_FORMAT: 'json', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm run app (the entry point, as a process)', () => {
  it('starts from the environment, takes a signed delivery, and on SIGTERM stops and exits 0', async () => {
    const app = startMain({ APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', LISTWARDEN_SCHEDULE_INTERVAL_MS: '0' });
    try {
      const url = await waitFor(() => /listwarden app listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(app.output())?.[1]);
      await waitFor(() => (app.output().includes('scheduled reports are off (LISTWARDEN_SCHEDULE_INTERVAL_MS=0)') ? true : undefined));
      const body = JSON.stringify(payloadFor('installation', 'created'));
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'installation', 'x-github-delivery': 'main-1', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
        body,
      });
      expect(response.status).toBe(200);
      await waitFor(() => (app.output().includes('installation 777 (octo) created') ? true : undefined));
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain('SIGTERM: stopping');
      expect(app.output()).toContain('listwarden app stopped');
      expect(app.output()).not.toContain(SECRET);
      expect(app.output()).not.toContain(PRIVATE_KEY.split('\n')[1]);
    } finally {
      app.child.kill('SIGKILL');
    }
  }, 60_000);

  it('without WEBHOOK_SECRET: says what to set and exits 1', async () => {
    const app = startMain({ APP_ID: String(APP_ID), PRIVATE_KEY, PORT: '0' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain("listwarden: WEBHOOK_SECRET is not set — set it to the webhook secret of the GitHub App, so listwarden can tell GitHub's deliveries from forgeries");
  }, 30_000);

  it('in production without APP_ID: says what to set and exits 1; the settings come from .env too', async () => {
    const app = startMain({ PORT: '0' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/listwarden: APP_ID is not set — /);

    const withEnvFile = mkdtempSync(join(tmpdir(), 'listwarden-app-env-'));
    try {
      writeFileSync(join(withEnvFile, '.env'), `APP_ID=${APP_ID}\nWEBHOOK_SECRET=${SECRET}\nLISTWARDEN_CHECK_LINKS=sometimes\n`);
      const fromFile = startMain({ PRIVATE_KEY, PORT: '0' }, withEnvFile);
      expect(await fromFile.exited).toBe(1);
      expect(fromFile.output()).toContain('listwarden: LISTWARDEN_CHECK_LINKS is "sometimes" — expected changed, all or none');
    } finally {
      rmSync(withEnvFile, { recursive: true, force: true });
    }
  }, 30_000);
});
