/**
 * Runs the bundled Action (dist/index.js) the way a GitHub runner does: a child `node` process
 * with the inputs in INPUT_* variables and the runner's output files, in a temporary workspace.
 * Uses the committed dist/ (`npm run check-dist` keeps it in step with the sources); bundles only
 * when it is missing. Runs again on Node 24 — what `runs.using: node24` gets — when a Node 24
 * binary is at hand (LISTWARDEN_NODE24, node_modules/node, or npx's cache after `npx -y node@24`).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = join(ROOT, 'dist', 'index.js');

const DEFECT_LIST = '# Awesome Things\n\n## Tools\n\n- [Tool]() - A tool without a link.\n';
const CLEAN_LIST = '# Awesome Things\n\nA curated list of things.\n\n## Tools\n\nNothing here yet.\n';

/** A Node 24 binary, if one is installed or cached here. */
function findNode24(): string | undefined {
  const candidates = [process.env['LISTWARDEN_NODE24'], join(ROOT, 'node_modules', 'node', 'bin', 'node')];
  const npxCache = join(homedir(), '.npm', '_npx');
  if (existsSync(npxCache)) {
    for (const dir of readdirSync(npxCache)) candidates.push(join(npxCache, dir, 'node_modules', 'node', 'bin', 'node'));
  }
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue;
    try {
      if (execFileSync(candidate, ['--version'], { encoding: 'utf8', timeout: 10_000 }).startsWith('v24.')) return candidate;
    } catch {
      // not runnable here: try the next one
    }
  }
  return undefined;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` … `delimiter` blocks (and plain `name=value` lines). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

let tmp: string;
let runs = 0;

/** Runs the bundle in a fresh workspace holding `files` (name → content), with the given inputs. */
function runAction(node: string, files: Record<string, string>, inputs: Record<string, string>): ActionRun {
  const workspace = join(tmp, `run-${++runs}`);
  const runnerTemp = join(workspace, '.runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(workspace, name), content);
  const outputFile = join(runnerTemp, 'github-output');
  const summaryFile = join(runnerTemp, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // The runner's environment, not jest's: no NODE_OPTIONS, no inputs or runner files of an enclosing job.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(INPUT_|GITHUB_|RUNNER_)/.test(key) || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
  });
  // The runner upper-cases input names and turns spaces into underscores; hyphens stay.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = spawnSync(node, [BUNDLE], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'listwarden-action-'));
  if (!existsSync(BUNDLE)) {
    console.log('dist/index.js is missing: running npm run bundle');
    execFileSync('npm', ['run', 'bundle'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
  }
}, 200_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const node24 = findNode24();
if (!node24) {
  console.log('No Node 24 binary found (set LISTWARDEN_NODE24, or run `npx -y node@24 --version` once): the Node 24 run of the bundled Action is skipped');
}

const runtimes: [string, string | undefined][] = [
  [`Node ${process.versions.node} (this one)`, process.execPath],
  ['Node 24 (runs.using: node24)', node24],
];

describe.each(runtimes)('bundled Action on %s', (_name, node) => {
  const maybe = node ? test : test.skip;

  maybe('a list with an empty link: one error annotation, outputs, report, summary, exit 1', () => {
    const run = runAction(node!, { 'list.md': DEFECT_LIST }, { files: 'list.md', 'fail-on': 'error' });
    expect(run.stderr).not.toMatch(/Dynamic require|ReferenceError|SyntaxError/);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error (?:[^\n]*,)?file=list\.md,line=5,[^\n]*::Link "Tool" has no URL/m);
    expect(run.stdout).toMatch(/^::error (?:[^\n]*,)?title=no-empty-link,/m);
    expect(run.stdout).toMatch(/^::error::1 finding at or above error/m);
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '0', infos: '0' });
    const reportPath = run.outputs['json-report']!;
    expect(existsSync(reportPath)).toBe(true);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { findings: { ruleId: string; line: number }[] };
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'no-empty-link', line: 5 })]);
    expect(run.summary).toContain('**1** error');
  });

  maybe('a clean list exits 0 with errors=0', () => {
    const run = runAction(node!, { 'README.md': CLEAN_LIST }, { files: 'README.md', 'fail-on': 'error' });
    expect(run.stdout).not.toContain('::error');
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '0' });
  });

  maybe('fail-on never reports without failing; globs and comma lists expand', () => {
    const run = runAction(node!, { 'a.md': DEFECT_LIST, 'b.md': DEFECT_LIST, 'c.txt': DEFECT_LIST }, { files: '*.md, a.md', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '2' });
    expect(run.stdout).toMatch(/file=a\.md,line=5/);
    expect(run.stdout).toMatch(/file=b\.md,line=5/);
  });

  maybe('a missing file fails the step with what to check', () => {
    const run = runAction(node!, {}, { files: 'README.md', 'fail-on': 'error' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::listwarden: files: README\.md does not exist — check the files input/m);
  });
});
