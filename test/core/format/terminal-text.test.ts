import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../../src/cli/main.js';
import { formatText } from '../../../src/core/format/format-text.js';
import { terminalText } from '../../../src/core/format/terminal-text.js';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it('shows ESC, other C0 and C1 controls, DEL and bidirectional controls as escapes', () => {
    expect(terminalText('a\u001b]0;pwned\u0007b')).toBe('a\\x1B]0;pwned\\x07b');
    expect(terminalText('\u009b2J\u007f\u0000')).toBe('\\x9B2J\\x7F\\x00');
    expect(terminalText('x\u202ey\u2066z\u200f')).toBe('x\\u202Ey\\u2066z\\u200F');
    expect(terminalText('line\r\nnext\tcol')).toBe('line\\r\\nnext\\tcol');
  });

  it('leaves ordinary text alone, accents, emoji and joiners included', () => {
    expect(terminalText('Café 👩‍💻 — “quoted” <b>')).toBe('Café 👩‍💻 — “quoted” <b>');
  });

  it('property: nothing a terminal acts on survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(terminalText(text)).not.toMatch(RAW);
        expect(terminalText(text)).not.toContain('\n');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('listwarden check in the text format', () => {
  it('prints an entry name holding escape sequences and bidi controls escaped, never raw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'listwarden-term-'));
    writeFileSync(join(dir, 'README.md'), '# A\n\n## Tools\n\n- [Ev\u009d0;pwned\u0007\u009b2J\u001bcil\u202egnp.exe]() - Nothing here.\n');
    let out = '';
    let err = '';
    const code = await main(['check', 'README.md', '--offline'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });
    expect(code).toBe(1);
    expect(out + err).not.toMatch(RAW);
    expect(out).toContain('Ev\\x9D0;pwned\\x07\\x9B2J\\x1Bcil\\u202Egnp.exe');
    expect(out).toMatch(/README\.md:5:3 +error +no-empty-link/);
  });

  it('keeps the columns aligned with the escapes counted', () => {
    const finding = (file: string, ruleId: string) => ({ ruleId, severity: 'error' as const, message: 'm', file, span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } });
    const text = formatText([finding('a\u001b.md', 'r'), finding('a\u001b.md', 'rule-two')], ['a\u001b.md']);
    const rows = text.split('\n').filter((l) => l.startsWith('  '));
    expect(rows.map((r) => r.indexOf(' m'))).toEqual([rows[0]!.indexOf(' m'), rows[0]!.indexOf(' m')]);
    expect(text).not.toMatch(RAW);
  });
});
