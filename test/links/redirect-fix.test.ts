import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../src/core/parse/build-document.js';
import { collectUrls } from '../../src/links/collect-links.js';
import { linkFindings, sameSite } from '../../src/links/link-findings.js';
import type { UrlOutcome } from '../../src/links/check-urls.js';
import { suggestionComment } from '../../src/review/suggestions.js';

/** The no-redirect finding for a list whose only link answers 301 → `target`. */
function redirectFinding(source: string, target: string) {
  const doc = buildDocument('README.md', source);
  const { http } = collectUrls([doc]);
  const [url] = [...http.keys()];
  const outcome: UrlOutcome = {
    url: url!,
    fromCache: false,
    confirmedDead: false,
    result: { url: url!, verdict: 'alive', cause: 'ok', status: 200, reason: '200 OK', redirects: [{ url: url!, status: 301 }], finalUrl: target, permanentRedirect: true, titles: [], checkedAt: '2026-01-01T00:00:00.000Z', requests: 2, durationMs: 1 },
  };
  const findings = linkFindings(new Map([[url!, outcome]]), http, new Map([['README.md', source]]), { severity: (_id, fallback) => fallback });
  return findings.find((f) => f.ruleId === 'no-redirect')!;
}

describe('the no-redirect fix', () => {
  it('writes a redirect target percent-encoded where Markdown would read syntax; the fix stays certain on the same host', () => {
    const target = 'https://tool.example/x)[Download v2 (official mirror)](https://b.example/setup.exe) | pwned |';
    const finding = redirectFinding('- [Tool](https://tool.example/old) - A tool.\n', target);
    expect(finding.fix).toEqual({ certain: true, edits: [{ start: 9, end: 33, text: 'https://tool.example/x%29%5BDownload%20v2%20%28official%20mirror%29%5D%28https://b.example/setup.exe%29%20%7C%20pwned%20%7C' }] });
  });

  it('the review suggestion holds the same row, one link and two cells', () => {
    const source = '| Name | What |\n| --- | --- |\n| [Tool](https://tool.example/old) | A tool. |\n';
    const finding = redirectFinding(source, 'https://tool.example/x)[Mirror](https://b.example/setup.exe) | pwned |');
    const body = suggestionComment(finding, source)!.body;
    const row = body.split('\n').find((line) => line.startsWith('| [Tool]('))!;
    const doc = buildDocument('README.md', `| Name | What |\n| --- | --- |\n${row}\n`);
    expect(doc.links.map((l) => l.url)).toEqual(['https://tool.example/x%29%5BMirror%5D%28https://b.example/setup.exe%29%20%7C%20pwned%20%7C']);
    expect(doc.tables[0]!.bodyRows[0]!.cells).toHaveLength(2);
  });

  it('in an HTML attribute, a quote in the target cannot end the attribute', () => {
    const finding = redirectFinding('<a href="https://tool.example/old?a=1&amp;b=2">Tool</a>\n', 'https://tool.example/new?a=1&b="2" onclick="x');
    expect(finding.fix!.edits[0]!.text).toBe('https://tool.example/new?a=1&amp;b=%222%22%20onclick=%22x');
  });

  it('is only a suggestion when the target is on another host', () => {
    expect(redirectFinding('- [Tool](https://tool.example/old) - A tool.\n', 'https://other.example/new').fix).toMatchObject({ certain: false });
    expect(redirectFinding('- [Tool](https://tool.example/old) - A tool.\n', 'https://www.tool.example/new').fix).toMatchObject({ certain: true });
  });
});

describe('sameSite', () => {
  it('is the same host, give or take www.; never a subdomain, a look-alike or a non-URL', () => {
    expect(sameSite('https://a.example/x', 'http://a.example/y')).toBe(true);
    expect(sameSite('https://www.a.example/x', 'https://A.example/y')).toBe(true);
    expect(sameSite('https://a.example/x', 'https://docs.a.example/y')).toBe(false);
    expect(sameSite('https://a.example/x', 'https://a.example.evil.example/y')).toBe(false);
    expect(sameSite('https://a.example/x', 'https://a.example@evil.example/y')).toBe(false);
    expect(sameSite('not a url', 'not a url')).toBe(false);
  });
});
