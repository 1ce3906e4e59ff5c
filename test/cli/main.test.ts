import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

let dir: string;
let out: string;
let err: string;
/** The CLI without network: link checks have their own tests against a local link farm. */
const run = (...argv: string[]) => main([...argv, '--offline'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-cli-'));
  out = '';
  err = '';
});

const LIST = ['# Awesome', '', '## Tools', '', '- [Tool](https://tool.dev/?utm_source=x) - A tool.', '- [Empty]() - Nothing here.', ''].join('\n');

describe('listwarden check', () => {
  it('prints file:line:column  severity  rule-id  message and exits 1 on errors', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    expect(await run('check', 'README.md', '--offline')).toBe(1);
    expect(out).toMatch(/README\.md:6:3 +error +no-empty-link +Link "Empty" has no URL — add the destination or remove the link/);
    expect(out).toMatch(/README\.md:5:\d+ +warning +no-tracking-params/);
    expect(out).toMatch(/✖ 2 problems \(1 error, 1 warning, 0 info\) in 1 file/);
  });

  it('exits 0 on a clean list and with --fail-on never', async () => {
    writeFileSync(join(dir, 'clean.md'), '# A\n\n- [Tool](https://tool.dev) - A tool.\n');
    expect(await run('check', 'clean.md')).toBe(0);
    expect(out).toContain('no problems');
    writeFileSync(join(dir, 'README.md'), LIST);
    expect(await run('check', 'README.md', '--fail-on', 'never')).toBe(0);
  });

  it('--fail-on warning fails on warnings alone', async () => {
    writeFileSync(join(dir, 'w.md'), '# A\n\n- [Tool](https://tool.dev/?utm_source=x) - A tool.\n');
    expect(await run('check', 'w.md')).toBe(0);
    expect(await run('check', 'w.md', '--fail-on', 'warning')).toBe(1);
  });

  it('writes the documented JSON report with fix edits', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('check', 'README.md', '--format', 'json');
    const report = JSON.parse(out);
    const tracking = report.findings.find((f: { ruleId: string }) => f.ruleId === 'no-tracking-params');
    expect(tracking).toMatchObject({ severity: 'warning', file: 'README.md', line: 5, fix: { edits: [{ line: 5, text: 'https://tool.dev/' }] } });
    expect(report.summary).toMatchObject({ files: 1, findings: 2, errors: 1, warnings: 1 });
  });

  it('writes SARIF 2.1.0 with rule metadata and help links', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('check', 'README.md', '--format', 'sarif');
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.find((r: { id: string }) => r.id === 'no-empty-link').helpUri).toMatch(/docs\/rules\/no-empty-link\.md$/);
    expect(run0.results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'README.md' }, region: { startLine: 5 } });
  });

  it('writes a Markdown report', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('check', 'README.md', '--format', 'markdown');
    expect(out).toContain('## listwarden report');
    expect(out).toMatch(/\| 🔴 \| 6:3 \| `no-empty-link` \|/);
  });

  it('exits 2 with a clear message for a missing file, a binary file and non-UTF-8 text', async () => {
    expect(await run('check', 'nope.md')).toBe(2);
    expect(err).toContain('cannot read nope.md: no such file');
    writeFileSync(join(dir, 'bin.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    expect(await run('check', 'bin.md')).toBe(2);
    expect(out).toContain('NUL bytes');
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1'));
    expect(await run('check', 'latin1.md')).toBe(2);
    expect(out).toMatch(/latin1\.md:1:6 .*not valid UTF-8: byte 0xe9/);
  });

  it('exits 2 on usage errors', async () => {
    expect(await run('check')).toBe(2);
    expect(err).toContain('no files given');
    expect(await run('lint', 'x.md')).toBe(2);
    expect(await run('check', 'x.md', '--format', 'xml')).toBe(2);
    expect(err).toContain('--format xml is not supported');
  });
});

describe('config', () => {
  it('reads .github/listwarden.yml: severities, off, ignored URLs', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/listwarden.yml'), 'rules:\n  no-empty-link: warning\n  no-tracking-params: off\n');
    expect(await run('check', 'README.md')).toBe(0);
    expect(out).toMatch(/warning +no-empty-link/);
    expect(out).not.toContain('no-tracking-params');
  });

  it('skips files matched by ignore.files and URLs matched by ignore.urls', async () => {
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive/old.md'), '- [Empty]()\n');
    writeFileSync(join(dir, 'README.md'), '- [Tool](https://tool.dev/?utm_source=x) - A tool.\n');
    writeFileSync(join(dir, 'c.yml'), 'ignore:\n  files: ["archive/**"]\n  urls: ["https://tool.dev/*"]\n');
    expect(await run('check', 'README.md', 'archive/old.md', '--config', 'c.yml', '--fail-on', 'info')).toBe(0);
    expect(out).toContain('no problems');
  });

  it('names the file, the key and the expected shape on a bad config', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    writeFileSync(join(dir, 'bad.yml'), 'rules:\n  no-empty-link: loud\n');
    expect(await run('check', 'README.md', '--config', 'bad.yml')).toBe(2);
    expect(err).toMatch(/config error: .*bad\.yml: "rules\.no-empty-link": .*"error"/);
    writeFileSync(join(dir, 'unknown.yml'), 'ignored:\n  - x\n');
    expect(await run('check', 'README.md', '--config', 'unknown.yml')).toBe(2);
    expect(err).toContain('unknown key "ignored"');
    writeFileSync(join(dir, 'norule.yml'), 'rules:\n  no-such-rule: off\n');
    expect(await run('check', 'README.md', '--config', 'norule.yml')).toBe(2);
    expect(err).toContain('"rules.no-such-rule" is not a listwarden rule');
  });
});

describe('listwarden fix', () => {
  it('--dry-run prints a unified diff and changes nothing', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    expect(await run('fix', 'README.md', '--dry-run')).toBe(0);
    expect(out).toContain('--- a/README.md');
    expect(out).toContain('-- [Tool](https://tool.dev/?utm_source=x) - A tool.');
    expect(out).toContain('+- [Tool](https://tool.dev/) - A tool.');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(LIST);
  });

  it('writes the certain fixes in place; a second run changes nothing', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('fix', 'README.md');
    const once = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(once).toBe(LIST.replace('https://tool.dev/?utm_source=x', 'https://tool.dev/'));
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(once);
  });
});
