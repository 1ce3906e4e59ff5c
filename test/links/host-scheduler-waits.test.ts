/**
 * A host that asks to wait (429/503 with Retry-After): the scheduler either waits it out
 * while keeping the process alive, or, when the wait is longer than a probe may take,
 * refuses that host's requests at once. Never a request left waiting on nothing.
 */
import { describe, it, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HostScheduler, HostWaitRefusedError } from '../../src/links/host-scheduler.js';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'links');

/** Bundles a small script beside the scheduler's source and runs it in its own Node process. */
async function runScript(script: string): Promise<{ stdout: string; code: number | null; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'listwarden-scheduler-'));
  const file = join(dir, 'script.mjs');
  await build({ stdin: { contents: script, resolveDir: SRC, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'silent' });
  return new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(process.execPath, [file], { env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ stdout, code, ms: Date.now() - started });
    });
  });
}
const settled = async <T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('HostScheduler: a host that asks to wait', () => {
  it('keeps the process alive while a request waits for the host (a process that waits, not one that exits)', async () => {
    // A process whose only work is one request waiting for a host that asked for 300 ms.
    const script = [
      "import { HostScheduler } from './host-scheduler.ts';",
      'const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 1, hostIntervalMs: 0, totalTimeoutMs: 1000 });',
      "scheduler.backOff('slow', 300);",
      "scheduler.acquire('slow').then((release) => { release(); process.stdout.write('served'); });",
    ].join('\n');
    const { stdout, code, ms } = await runScript(script);
    expect(stdout).toBe('served');
    expect(code).toBe(0);
    expect(ms).toBeGreaterThanOrEqual(250);
  });

  it('leaves nothing that holds the process once the waiting requests are abandoned', async () => {
    const script = [
      "import { HostScheduler } from './host-scheduler.ts';",
      'const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 1, hostIntervalMs: 0 });',
      'const stop = new AbortController();',
      "scheduler.backOff('slow', 60000);",
      "scheduler.acquire('slow', stop.signal).catch(() => process.stdout.write('abandoned'));",
      "setTimeout(() => stop.abort(new Error('run over')), 50);",
    ].join('\n');
    const { stdout, code, ms } = await runScript(script);
    expect(stdout).toBe('abandoned');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });

  it('waits out a wait exactly as long as a probe may take', async () => {
    const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 1, hostIntervalMs: 0, totalTimeoutMs: 120 });
    scheduler.backOff('slow', 120);
    const started = Date.now();
    const result = await settled(scheduler.acquire('slow'));
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('refuses, at once, the queued and the later requests of a host that asks to wait 1 ms longer', async () => {
    const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 1, hostIntervalMs: 0, totalTimeoutMs: 120 });
    const first = await scheduler.acquire('slow');
    // Queued behind the request in flight (the per-host limit is 1).
    const queued = [settled(scheduler.acquire('slow')), settled(scheduler.acquire('slow'))];
    const other = scheduler.acquire('fast');
    const started = Date.now();
    scheduler.backOff('slow', 121, 60_000);
    first();
    for (const result of await Promise.all(queued)) {
      expect(result.ok).toBe(false);
      const error = (result as { error: unknown }).error;
      expect(error).toBeInstanceOf(HostWaitRefusedError);
      expect((error as Error).message).toBe('slow asked to wait 60 s (Retry-After), longer than a check may wait — not requested');
    }
    const later = await settled(scheduler.acquire('slow'));
    expect(later.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(100);
    // Other hosts go on.
    (await other)();
  });

  it('takes requests for the host again once its wait is over', async () => {
    let now = 1_000;
    const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 1, hostIntervalMs: 0, totalTimeoutMs: 100, now: () => now });
    scheduler.backOff('slow', 500);
    expect((await settled(scheduler.acquire('slow'))).ok).toBe(false);
    now += 499;
    expect((await settled(scheduler.acquire('slow'))).ok).toBe(false);
    now += 1;
    expect((await settled(scheduler.acquire('slow'))).ok).toBe(true);
  });

  it('without a probe limit honours every wait', async () => {
    const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 1, hostIntervalMs: 0 });
    scheduler.backOff('slow', 80);
    expect((await settled(scheduler.acquire('slow'))).ok).toBe(true);
  });
});
