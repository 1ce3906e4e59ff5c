import { describe, it, expect } from '@jest/globals';
import { checkSource } from '../../src/core/check-source.js';
import type { Finding } from '../../src/core/findings/types.js';
import { fingerprintOf, SUGGESTION_BODY_LIMIT, suggestionComment } from '../../src/review/suggestions.js';
import { finding } from './lists.js';

const TABLE_LIST = [
  '# Awesome Container Security',
  '',
  '## Scanners',
  '',
  '<table>',
  '  <tr><th>Tool</th><th>About</th></tr>',
  '  <tr>',
  '    <td><a href="https://trivy.dev/">Trivy</a></td>',
  '    <td>Scans images</td>',
  '  </tr>',
  '  <tr>',
  '    <td> </td>',
  '    <td></td>',
  '  </tr>',
  '  <tr><td><a href="https://docs.docker.com/scout/">Docker Scount</a></td><td>Image insights</td></tr>',
  '</table>',
  '',
  '## Courses',
  '',
  '- [DevSecOps Course](https://courses.example.org/devsecops/?utm_source=ads&utm_medium=cpc&couponCode=SAVE10#reviews) - Learn it.',
  '',
].join('\n');

function only(source: string, ruleId: string): Finding {
  const found = checkSource('README.md', source).findings.filter((f) => f.ruleId === ruleId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The text inside the suggestion block of a comment body. */
function suggested(body: string): string {
  const m = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(body);
  expect(m).not.toBeNull();
  return m![2]!;
}

describe('suggestionComment', () => {
  it('a tool-name fix in an HTML table cell suggests the whole line with the name fixed', () => {
    const c = suggestionComment(only(TABLE_LIST, 'tool-name-spelling'), TABLE_LIST)!;
    expect(c.path).toBe('README.md');
    expect(c.line).toBe(15);
    expect(c.start_line).toBeUndefined();
    expect(suggested(c.body)).toBe('  <tr><td><a href="https://docs.docker.com/scout/">Docker Scout</a></td><td>Image insights</td></tr>\n');
    expect(c.body.split('\n')[0]).toBe(`<!-- listwarden:fp=${fingerprintOf(c.body)} -->`);
    expect(c.body.split('\n')[1]).toBe(
      '**listwarden** [`tool-name-spelling`](https://github.com/listwarden/listwarden/blob/main/docs/rules/tool-name-spelling.md): ' +
        '"Docker Scount" looks like a misspelling of "Docker Scout", the tool this link points to (docs.docker.com) — write "Docker Scout"',
    );
    expect(c.body).toMatch(/^```suggestion$/m);
    expect(fingerprintOf(c.body)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a tracking-parameter fix suggests the entry with the clean URL', () => {
    const c = suggestionComment(only(TABLE_LIST, 'no-tracking-params'), TABLE_LIST)!;
    expect(c.line).toBe(20);
    expect(suggested(c.body)).toBe('- [DevSecOps Course](https://courses.example.org/devsecops/?couponCode=SAVE10#reviews) - Learn it.\n');
  });

  it('deleting a whole 4-line row is an empty suggestion over those 4 lines', () => {
    const f = only(TABLE_LIST, 'table-empty-row');
    const c = suggestionComment(f, TABLE_LIST)!;
    expect([c.start_line, c.line]).toEqual([11, 14]);
    expect(suggested(c.body)).toBe('');
    expect(c.body).toContain('```suggestion\n```');
  });

  it('content with ``` gets a longer fence', () => {
    const md = '# Awesome\n\n- [Gitleak](https://gitleaks.io/) - Run ```gitleaks detect``` in CI.\n';
    const c = suggestionComment(only(md, 'tool-name-spelling'), md)!;
    expect(c.body).toMatch(/^````suggestion$/m);
    expect(c.body).toMatch(/^````$/m);
    expect(suggested(c.body)).toBe('- [Gitleaks](https://gitleaks.io/) - Run ```gitleaks detect``` in CI.\n');
    const five = '# Awesome\n\n- [Gitleak](https://gitleaks.io/) - ````` fences.\n';
    expect(suggestionComment(only(five, 'tool-name-spelling'), five)!.body).toMatch(/^``````suggestion$/m);
  });

  it('the fingerprint survives the line moving down by 10 lines, but not a different fix', () => {
    const f = only(TABLE_LIST, 'tool-name-spelling');
    const moved = TABLE_LIST.replace('## Scanners\n', '## Scanners\n' + 'Some intro text.\n'.repeat(10));
    const g = only(moved, 'tool-name-spelling');
    const before = suggestionComment(f, TABLE_LIST)!;
    const after = suggestionComment(g, moved)!;
    expect(after.line).toBe(before.line + 10);
    expect(fingerprintOf(after.body)).toBe(fingerprintOf(before.body));

    const other = suggestionComment(only(TABLE_LIST, 'no-tracking-params'), TABLE_LIST)!;
    expect(fingerprintOf(other.body)).not.toBe(fingerprintOf(before.body));
    const elsewhere = suggestionComment({ ...f, file: 'docs/other.md' }, TABLE_LIST)!;
    expect(fingerprintOf(elsewhere.body)).not.toBe(fingerprintOf(before.body));
  });

  it('applies several edits on one line, and marks an uncertain fix for checking', () => {
    const source = 'a\n- [Tool](http://x.example/?utm_source=a&gclid=b) - Thing.\nz\n';
    const start = source.indexOf('http://');
    const f = finding({
      line: 2,
      ruleId: 'prefer-https',
      message: 'use https',
      fix: {
        certain: false,
        edits: [
          { start: start + 'http://x.example/'.length, end: start + 'http://x.example/?utm_source=a&gclid=b'.length, text: '' },
          { start, end: start + 'http://'.length, text: 'https://' },
        ],
      },
    });
    const c = suggestionComment(f, source)!;
    expect(c.line).toBe(2);
    expect(suggested(c.body)).toBe('- [Tool](https://x.example/) - Thing.\n');
    expect(c.body).toContain('please check this suggestion');
  });

  it('replacing a line by an empty line is one empty line, not a deletion', () => {
    const source = 'a\n<br>\nb\n';
    const f = finding({ line: 2, fix: { certain: true, edits: [{ start: 2, end: 6, text: '' }] } });
    expect(suggestionComment(f, source)!.body).toContain('```suggestion\n\n```');
  });

  it('works on the last line without a newline, and on CRLF text', () => {
    const noEol = 'a\n- [Gitleak](https://gitleaks.io/)';
    const c = suggestionComment(only(noEol, 'tool-name-spelling'), noEol)!;
    expect([c.line, suggested(c.body)]).toEqual([2, '- [Gitleaks](https://gitleaks.io/)\n']);
    const crlf = '# A\r\n\r\n- [Gitleak](https://gitleaks.io/) - Secrets.\r\n';
    const d = suggestionComment(only(crlf, 'tool-name-spelling'), crlf)!;
    expect([d.line, suggested(d.body)]).toEqual([3, '- [Gitleaks](https://gitleaks.io/) - Secrets.\n']);
  });

  it('on CR-only text: the suggestion covers the right line, its block has plain line breaks, and a joined line is refused', () => {
    const cr = '# A\r\r- [Gitleak](https://gitleaks.io/) - Secrets.\r- [Other](https://other.example/) - Other.\r';
    const c = suggestionComment(only(cr, 'tool-name-spelling'), cr)!;
    expect([c.line, c.start_line, suggested(c.body)]).toEqual([3, undefined, '- [Gitleaks](https://gitleaks.io/) - Secrets.\n']);
    // Two lines replaced at once: one line of the block each, no carriage return left inside.
    const two = finding({ line: 3, endLine: 4, fix: { certain: true, edits: [{ start: cr.indexOf('Gitleak'), end: cr.indexOf('Gitleak') + 7, text: 'X' }, { start: cr.indexOf('Other]'), end: cr.indexOf('Other]') + 5, text: 'Y' }] } });
    const t = suggestionComment(two, cr)!;
    expect([t.start_line, t.line]).toEqual([3, 4]);
    expect(suggested(t.body)).toBe('- [X](https://gitleaks.io/) - Secrets.\n- [Y](https://other.example/) - Other.\n');
    // Removing the line end of line 3 would join it with line 4.
    const lineEnd = cr.indexOf('\r', 5);
    const join = finding({ line: 3, endLine: 4, fix: { certain: true, edits: [{ start: lineEnd, end: lineEnd + 1, text: ' ' }] } });
    expect(suggestionComment(join, cr)).toBeUndefined();
    // Deleting line 3 with its line end is an empty suggestion on that line alone.
    const start = cr.indexOf('- [Gitleak');
    const del = finding({ line: 3, fix: { certain: true, edits: [{ start, end: lineEnd + 1, text: '' }] } });
    const d = suggestionComment(del, cr)!;
    expect([d.line, d.start_line, d.body.endsWith('```suggestion\n```')]).toEqual([3, undefined, true]);
  });

  it('no suggestion without a fix, for edits off the finding lines, overlapping edits, or a joined line', () => {
    const source = 'one\ntwo\nthree\n';
    expect(suggestionComment(finding({ line: 2 }), source)).toBeUndefined();
    expect(suggestionComment(finding({ line: 2, fix: { certain: true, edits: [] } }), source)).toBeUndefined();
    const off = finding({ line: 2, fix: { certain: true, edits: [{ start: 0, end: 3, text: 'ONE' }] } });
    expect(suggestionComment(off, source)).toBeUndefined();
    const overlap = finding({ line: 2, fix: { certain: true, edits: [{ start: 4, end: 6, text: 'x' }, { start: 5, end: 7, text: 'y' }] } });
    expect(suggestionComment(overlap, source)).toBeUndefined();
    const join = finding({ line: 2, fix: { certain: true, edits: [{ start: 7, end: 8, text: ' ' }] } });
    expect(suggestionComment(join, source)).toBeUndefined();
    const noop = finding({ line: 2, fix: { certain: true, edits: [{ start: 4, end: 7, text: 'two' }] } });
    expect(suggestionComment(noop, source)).toBeUndefined();
  });

  it('a row deletion that also shortens a rowspan on an earlier line cannot be one suggestion', () => {
    const md = [
      '<table>',
      '  <tr><th>Stage</th><th>Tool</th></tr>',
      '  <tr>',
      '    <td rowspan="3">Build</td>',
      '    <td>A</td>',
      '  </tr>',
      '  <tr>',
      '  <tr>',
      '    <td>B</td>',
      '  </tr>',
      '</table>',
      '',
    ].join('\n');
    const f = only(md, 'table-empty-row');
    expect(f.fix!.edits.length).toBeGreaterThan(1);
    expect(suggestionComment(f, md)).toBeUndefined();
  });

  it('the explanation cannot inject HTML or mentions', () => {
    const source = 'x\n<details>\n';
    const f = finding({ line: 2, message: 'Close <details> — ask @octocat', fix: { certain: true, edits: [{ start: 2, end: 11, text: '' }] } });
    const body = suggestionComment(f, source)!.body;
    expect(body.split('\n')[1]).toContain('Close &lt;details&gt; — ask @&#8203;octocat');
  });
});

describe('suggestionComment: a fix too long for one comment', () => {
  /** A finding on line 2 whose certain fix replaces that line with `length` characters. */
  function longFix(length: number) {
    const source = 'x\nold\ny\n';
    return { source, f: finding({ line: 2, message: 'Fix it', fix: { certain: true, edits: [{ start: 2, end: 5, text: 'n'.repeat(length) }] } }) };
  }

  it('a 108 KB line becomes a plain note: no open suggestion fence, under the limit, fingerprint first', () => {
    const { source, f } = longFix(108_000);
    const body = suggestionComment(f, source)!.body;
    expect(body.length).toBeLessThanOrEqual(SUGGESTION_BODY_LIMIT);
    expect(body).not.toContain('```');
    expect(body.split('\n')[0]).toMatch(/^<!-- listwarden:fp=[0-9a-f]{16} -->$/);
    expect(body).toContain('too long to show as a suggestion (108,001 characters)');
    expect(fingerprintOf(body)).toBe(fingerprintOf(body.slice(0, 40)));
  });

  it('keeps the suggestion at exactly the limit and gives a note one character over it', () => {
    const { source, f } = longFix(1000);
    const overhead = suggestionComment(f, source)!.body.length - 1000;
    const at = suggestionComment(longFix(SUGGESTION_BODY_LIMIT - overhead).f, source)!.body;
    expect(at.length).toBe(SUGGESTION_BODY_LIMIT);
    expect(at).toMatch(/^```suggestion$/m);
    const over = suggestionComment(longFix(SUGGESTION_BODY_LIMIT - overhead + 1).f, source)!.body;
    expect(over).not.toContain('```');
    expect(over.length).toBeLessThan(SUGGESTION_BODY_LIMIT);
  });
});

describe('fingerprintOf', () => {
  it('reads our marker and nothing else', () => {
    expect(fingerprintOf('text\n<!-- listwarden:fp=0123456789abcdef -->')).toBe('0123456789abcdef');
    expect(fingerprintOf('<!-- listwarden:summary -->')).toBeUndefined();
    expect(fingerprintOf('an ordinary review comment')).toBeUndefined();
  });
});
