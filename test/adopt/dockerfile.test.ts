/**
 * The Dockerfile, without a Docker daemon: its instructions read as Docker reads them, the
 * files it copies present and not excluded by .dockerignore, and its HEALTHCHECK command run
 * as Docker would run it against the app's real server.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { APP_ID, PRIVATE_KEY, SECRET } from '../app/helpers/app-payloads.js';
import { ROOT } from './helpers/workflow-lint.js';

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions with continuation lines joined and comments dropped; each stage starts at FROM. */
function instructions(text: string): Instruction[] {
  const joined = text.replace(/\s*\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\S+)\s+(.*)$/.exec(l)!;
      return { keyword: m[1]!.toUpperCase(), args: m[2]!.trim() };
    });
}

const dockerfile = instructions(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const stages: Instruction[][] = [];
for (const i of dockerfile) {
  if (i.keyword === 'FROM') stages.push([]);
  stages.at(-1)!.push(i);
}
const final = stages.at(-1)!;
const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('every stage is Node 24 slim; the final one runs the built app as a user that is not root', () => {
    expect(stages.map((s) => s[0]!.args.split(/\s+/)[0])).toEqual(stages.map(() => 'node:24-slim'));
    const user = final.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(final.find((i) => i.keyword === 'CMD')?.args).toBe('["node", "lib/app/main.js"]');
    // lib/app/main.js is what tsc makes of src/app/main.ts (tsconfig.build.json: src → lib).
    expect(existsSync(join(ROOT, 'src', 'app', 'main.ts'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')).compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'lib' });
  });

  it('the final stage installs the production dependencies only, and takes lib/ from the build stage', () => {
    const runs = final.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(final.some((i) => i.keyword === 'COPY' && /^--from=build \/app\/lib \.\/lib$/.test(i.args))).toBe(true);
    expect(stages[0]!.some((i) => i.keyword === 'RUN' && i.args.includes('tsc -p tsconfig.build.json'))).toBe(true);
  });

  it('every file it copies from the context exists and is not excluded by .dockerignore', () => {
    const sources = dockerfile
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect([source, existsSync(join(ROOT, source))]).toEqual([source, true]);
      expect([source, ignored.includes(source.replace(/^\.\//, ''))]).toEqual([source, false]);
    }
    for (const secret of ['.env', '*.pem', 'node_modules']) expect(ignored).toContain(secret);
  });

  describe('HEALTHCHECK', () => {
    const healthcheck = final.find((i) => i.keyword === 'HEALTHCHECK')!;
    const command = JSON.parse(/\bCMD\s+(\[.*\])$/.exec(healthcheck.args)![1]!) as string[];
    let server: RunningServer;

    beforeAll(async () => {
      server = await startServer(
        { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', LISTWARDEN_SCHEDULE_INTERVAL_MS: '0' },
        { logStream: new Writable({ write: (_c, _e, done) => done() }) },
      );
    });
    afterAll(async () => {
      await server.close(2_000);
    });

    /** The command as Docker runs it in the container, where `node` is Node and PORT is the app's (not blocking: the server is in this process). */
    function probe(port: number): Promise<number | null> {
      expect(command[0]).toBe('node');
      const child = spawn(process.execPath, command.slice(1), { env: { ...process.env, NODE_OPTIONS: '', PORT: String(port) }, stdio: 'ignore', timeout: 10_000 });
      return new Promise((resolve) => child.once('exit', resolve));
    }

    it('passes while the app answers /ping, fails when nothing listens', async () => {
      expect(healthcheck.args).toMatch(/^--interval=\d+s --timeout=\d+s --start-period=\d+s --retries=\d+ CMD /);
      expect(await probe(server.port)).toBe(0);
      expect(await probe(9)).toBe(1);
    });
  });
});
