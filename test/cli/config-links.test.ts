/** The `links:` settings of the config file, read by the CLI: bad values are clear errors. */
import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

let dir: string;
let out: string;
let err: string;
const run = (...argv: string[]) => main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, env: {} });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-config-links-'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'README.md'), '# Awesome\n\n- [A](https://example.com/) - A thing.\n');
  out = '';
  err = '';
});

const config = (yaml: string) => writeFileSync(join(dir, '.github', 'listwarden.yml'), yaml);

describe('links.headers in the config file', () => {
  it.each([
    ['https://internal.example.com@attacker.example', /"links\.headers\.0\.prefix": the prefix "https:\/\/internal\.example\.com@attacker\.example" holds a user name or password/],
    ['internal.example.com', /"links\.headers\.0\.prefix": the prefix "internal\.example\.com" is not an absolute URL — write the scheme and host/],
    ['file:///etc/', /"links\.headers\.0\.prefix": the prefix "file:\/\/\/etc\/" has the scheme file: — use an http:\/\/ or https:\/\/ URL/],
  ])('refuses the prefix %s with a clear message (exit 2, nothing checked)', async (prefix, message) => {
    config(`links:\n  headers:\n    - prefix: ${JSON.stringify(prefix)}\n      headers:\n        Authorization: Bearer secret\n`);
    expect(await run('check', 'README.md', '--offline')).toBe(2);
    expect(err).toMatch(/^listwarden: config error: .*listwarden\.yml: /);
    expect(err).toMatch(message);
    expect(err).not.toContain('secret');
    expect(out).toBe('');
  });

  it('takes an absolute https prefix with a path', async () => {
    config('links:\n  headers:\n    - prefix: https://internal.example.com/api\n      headers:\n        Authorization: Bearer secret\n');
    expect(await run('check', 'README.md', '--offline')).toBe(0);
    expect(err).toBe('');
  });
});

describe('the review limits in the config file', () => {
  it.each([
    ['reviewBudgetSeconds: 0', /"links\.reviewBudgetSeconds": /],
    ['reviewBudgetSeconds: 3601', /"links\.reviewBudgetSeconds": /],
    ['reviewMaxLinks: 0', /"links\.reviewMaxLinks": /],
    ['reviewMaxLinks: 2.5', /"links\.reviewMaxLinks": /],
  ])('refuses %s', async (setting, message) => {
    config(`links:\n  ${setting}\n`);
    expect(await run('check', 'README.md', '--offline')).toBe(2);
    expect(err).toMatch(message);
  });

  it.each(['reviewBudgetSeconds: 1', 'reviewBudgetSeconds: 3600', 'reviewMaxLinks: 1', 'reviewMaxLinks: 100000'])('takes %s', async (setting) => {
    config(`links:\n  ${setting}\n`);
    expect(await run('check', 'README.md', '--offline')).toBe(0);
  });
});
