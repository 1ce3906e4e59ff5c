import { describe, it, expect, beforeEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { parseConfigText } from '../../src/use-cases/config-file.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { allRules } from '../../src/core/rules/index.js';
import { workflowProblems } from '../adopt/helpers/workflow-lint.js';
import { literalGlob } from '../../src/cli/init-templates.js';

const WRITTEN = ['.github/listwarden.yml', '.github/workflows/listwarden.yml', '.github/workflows/listwarden-report.yml', '.github/workflows/listwarden-commands.yml'];
const LIST = '# Awesome Things\n\n## Tools\n\n- [Alpha](https://alpha.dev) - First.\n- [Beta](https://beta.dev) - Second.\n';

let repo: string;
let out: string;
let err: string;

function init(args: string[], cwd = repo, ask?: (q: string) => Promise<string>) {
  return main(['init', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, ...(ask ? { ask } : {}) });
}
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'listwarden-init-'));
  execFileSync('git', ['init', '-q', repo]);
  out = '';
  err = '';
});

/** Each setting line of the written config with its first `# ` removed. */
function uncommented(text: string): string {
  const lines = text.split('\n');
  const settings = lines.findIndex((line) => line.startsWith('files:'));
  return lines.map((line, i) => (i > settings && /^# {1,5}[a-zA-Z-]+:/.test(line) ? line.slice(2) : line)).join('\n');
}

describe('listwarden init --yes in a git repository', () => {
  it('writes the config and three workflows that pass actionlint, and says what to do next', async () => {
    writeFileSync(join(repo, 'README.md'), LIST);
    writeFileSync(join(repo, 'CONTRIBUTING.md'), '- [a](https://a.dev)\n- [b](https://b.dev)\n- [c](https://c.dev)\n');
    expect(await init(['--yes'])).toBe(0);
    for (const path of WRITTEN) expect(out).toContain(`wrote    ${path}`);
    expect(out).toContain('List file: README.md');
    expect(out).toMatch(/Next:\n.*listwarden\.yml.*\n.*npx listwarden check README\.md\n.*git add \.github/);
    for (const path of WRITTEN.slice(1)) {
      expect(await workflowProblems(read(path), path)).toEqual([]);
      expect(read(path)).toContain('files: "README.md"');
    }
  });

  it('the workflows ask for the permissions their jobs need and run on the right events', async () => {
    writeFileSync(join(repo, 'README.md'), LIST);
    await init(['--yes']);
    const pr = read('.github/workflows/listwarden.yml');
    expect(pr).toMatch(/^on:\n {2}pull_request:\n {4}paths: \["README\.md", '\.github\/listwarden\.yml'\]/m);
    expect(pr).toMatch(/permissions:\n {2}contents: read .*\n {2}checks: write .*\n {2}pull-requests: write .*\n {2}issues: write /);
    const report = read('.github/workflows/listwarden-report.yml');
    expect(report).toMatch(/schedule:\n {4}- cron: '17 6 \* \* 1'/);
    expect(report).toMatch(/permissions:\n {2}contents: write .*\n {2}issues: write .*\n {2}pull-requests: write /);
    const commands = read('.github/workflows/listwarden-commands.yml');
    expect(commands).toMatch(/issue_comment:\n {4}types: \[created\]/);
    expect(commands).toMatch(/permissions:\n {2}contents: write .*\n {2}issues: write .*\n {2}pull-requests: write .*\n {2}checks: write /);
  });

  it('the config passes listwarden\'s validation, names the list, and its commented lines are the defaults', async () => {
    writeFileSync(join(repo, 'README.md'), LIST);
    await init(['--yes']);
    const text = read('.github/listwarden.yml');
    expect(parseConfigText('.github/listwarden.yml', text)).toEqual(resolveConfig({ files: ['README.md'] }));
    // Every rule is listed at its default severity; uncommenting everything changes nothing.
    for (const rule of allRules) expect(text).toMatch(new RegExp(`^# {3}${rule.meta.id}: +${rule.meta.defaultSeverity} `, 'm'));
    const all = uncommented(text);
    expect(all).toMatch(/^rules:/m);
    expect(all).toMatch(/^ {2}confirmRuns: 2/m);
    const resolved = parseConfigText('all.yml', all);
    expect(resolved).toEqual({ ...resolveConfig({ files: ['README.md'], links: resolved.links }), rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity])) });
    expect(resolved.links).toEqual({ concurrency: 64, hostConcurrency: 4, hostIntervalMs: 0, timeoutSeconds: 30, retries: 2, aliveStatusCodes: [], headers: [] });
  });

  it('the written config is the one `listwarden check` then reads', async () => {
    writeFileSync(join(repo, 'README.md'), LIST + '- [Alpha](https://alpha.dev) - Again.\n');
    await init(['--yes']);
    out = '';
    expect(await main(['check', 'README.md', '--offline'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: repo })).toBe(1);
    expect(out).toContain('no-duplicate-entry');
    expect(err).not.toContain('config error');
  });

  it('never overwrites a file without --force: keeps it, says so and exits 1; --force replaces it', async () => {
    writeFileSync(join(repo, 'README.md'), LIST);
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.github', 'workflows', 'listwarden.yml'), '# mine\n');
    expect(await init(['--yes'])).toBe(1);
    expect(read('.github/workflows/listwarden.yml')).toBe('# mine\n');
    expect(out).toContain('kept     .github/workflows/listwarden.yml (it exists; --force overwrites it)');
    expect(out).toContain('wrote    .github/listwarden.yml');
    expect(err).toContain('1 file already existed and was kept — run listwarden init --force to overwrite it');

    writeFileSync(join(repo, '.github', 'listwarden.yml'), 'rules: {}\n');
    out = '';
    err = '';
    expect(await init(['--yes'])).toBe(1);
    expect(read('.github/listwarden.yml')).toBe('rules: {}\n');
    expect(err).toContain('4 files already existed and were kept');

    out = '';
    expect(await init(['--yes', '--force'])).toBe(0);
    expect(out).toContain('replaced .github/workflows/listwarden.yml');
    expect(read('.github/workflows/listwarden.yml')).toContain('listwarden/listwarden@v1');
    expect(read('.github/listwarden.yml')).toContain('files: ["README.md"]');
  });
});

describe('which list file init picks', () => {
  it('the Markdown file with the most linked lines, not a README without links', async () => {
    writeFileSync(join(repo, 'README.md'), '# Project\n\nSee the list.\n');
    writeFileSync(join(repo, 'awesome list.md'), LIST);
    expect(await init(['--yes'])).toBe(0);
    expect(out).toContain('List file: awesome list.md');
    expect(read('.github/workflows/listwarden.yml')).toContain('files: "awesome list.md"');
    expect(parseConfigText('c.yml', read('.github/listwarden.yml')).files).toEqual(['awesome list.md']);
  });

  it('the README on a tie; a changelog full of links is never the list', async () => {
    writeFileSync(join(repo, 'README.md'), LIST);
    writeFileSync(join(repo, 'OTHER.md'), LIST);
    writeFileSync(join(repo, 'CHANGELOG.md'), LIST + LIST + LIST);
    await init(['--yes']);
    expect(out).toContain('List file: README.md');
  });

  it('with nothing to go by: --yes takes README.md and says so; a terminal is asked instead', async () => {
    expect(await init(['--yes'])).toBe(0);
    expect(out).toContain('List file: README.md (no Markdown file with links found — pass --list <file> to name another)');
    expect(err).toContain('README.md does not exist yet');

    const other = mkdtempSync(join(tmpdir(), 'listwarden-init-'));
    execFileSync('git', ['init', '-q', other]);
    const questions: string[] = [];
    expect(await init([], other, async (q) => (questions.push(q), 'docs/list.md'))).toBe(0);
    expect(questions).toEqual(['Which file is the list? [README.md] ']);
    expect(readFileSync(join(other, '.github', 'workflows', 'listwarden-report.yml'), 'utf8')).toContain('files: "docs/list.md"');
  });

  it('asks nothing when it can guess, even on a terminal', async () => {
    writeFileSync(join(repo, 'README.md'), LIST);
    const questions: string[] = [];
    expect(await init([], repo, async (q) => (questions.push(q), 'x.md'))).toBe(0);
    expect(questions).toEqual([]);
  });

  it('--list names the file; from a subdirectory the files go to the repository root', async () => {
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(repo, 'docs', 'tools.md'), LIST);
    expect(await init(['--yes', '--list', 'tools.md'], join(repo, 'docs'))).toBe(0);
    expect(existsSync(join(repo, '.github', 'listwarden.yml'))).toBe(true);
    expect(existsSync(join(repo, 'docs', '.github'))).toBe(false);
    expect(read('.github/workflows/listwarden.yml')).toContain('paths: ["docs/tools.md", \'.github/listwarden.yml\']');
  });

  it('a list outside the repository is a usage error, and nothing is written', async () => {
    expect(await init(['--yes', '--list', '../elsewhere.md'])).toBe(2);
    expect(err).toContain('is outside the repository');
    expect(existsSync(join(repo, '.github'))).toBe(false);
  });

  it('a file name with quotes and control characters stays data in YAML and on the terminal', async () => {
    const name = 'a"b\'\u001b[31mc.md';
    writeFileSync(join(repo, name), LIST);
    expect(await init(['--yes'])).toBe(0);
    expect(out).toContain('List file: a"b\'\\x1b[31mc.md');
    expect(out).not.toContain('\u001b');
    expect(parseConfigText('c.yml', read('.github/listwarden.yml')).files).toEqual([name]);
    const pr = read('.github/workflows/listwarden.yml');
    expect(await workflowProblems(pr, 'pr.yml')).toEqual([]);
    // The paths filter matches the file itself: its glob characters are escaped.
    expect(pr).toContain('paths: ["a\\"b\'\\u001b\\\\[31mc.md"');
  });
});

describe('init arguments', () => {
  it('init takes no files; --force and --yes go with init only', async () => {
    expect(await init(['README.md'])).toBe(2);
    expect(err).toContain('init takes no files — name the list with --list README.md');
    err = '';
    expect(await main(['check', 'README.md', '--force'], { stdout: () => {}, stderr: (t) => (err += t), cwd: repo })).toBe(2);
    expect(err).toContain('--force goes with init');
  });
});

describe('literalGlob', () => {
  it('escapes what GitHub filter patterns treat as special, and nothing else', () => {
    expect(literalGlob('docs/a*b?[1]+!.md')).toBe('docs/a\\*b\\?\\[1\\]\\+\\!.md');
    expect(literalGlob('back\\slash.md')).toBe('back\\\\slash.md');
    expect(literalGlob('plain-list_2.md')).toBe('plain-list_2.md');
  });
});
