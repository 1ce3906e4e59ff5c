/**
 * The report body against list text written to attack it: names, reasons and URLs that
 * try to mention people, inject HTML, fake the hidden memory or end a hidden marker, and
 * memories too large for one issue. Each body is rendered as GitHub would (micromark +
 * GFM) and read back as the next run would.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from '@jest/globals';
import { tickedBoxes } from '../../src/report/checkboxes.js';
import { REPORT_BODY_LIMIT, renderReportBody, type ReportBodyInput } from '../../src/report/report-body.js';
import { emptyMemory, fittedMemory, MEMORY_LIMIT, readMemory, withMemory, type ReportMemory } from '../../src/report/report-memory.js';
import type { DeadLink, ReportModel } from '../../src/report/report-model.js';
import { recordRun } from '../../src/report/trend-chart.js';
import { MENTION, REFERENCE, renderGfm, strictComment } from '../review/helpers/rendered-markdown.js';

const REPO = { owner: 'octo', repo: 'awesome-things' };
const SHA = '0123456789abcdef0123456789abcdef01234567';
const GITHUB_LIMIT = 65_536;

function model(over: Partial<ReportModel> = {}): ReportModel {
  return { dead: [], failing: [], unverifiable: [], archived: [], redirects: [], rules: [], infoCount: 0, certainFixes: 0, ...over };
}

function dead(url: string, reason = '404 Not Found'): DeadLink {
  return { url, reason, places: [{ file: 'README.md', line: 3 }], confirmed: true };
}

function input(m: ReportModel, memory: ReportMemory = emptyMemory()): ReportBodyInput {
  return { repo: REPO, sha: SHA, date: '2024-03-11', files: ['README.md'], linksChecked: 10, model: m, notes: [], memory };
}

function memoryOf(urls: string[], runs = 52): ReportMemory {
  let memory: ReportMemory = { ...emptyMemory(), ignoredUrls: urls };
  for (let i = 0; i < runs; i++) memory = recordRun(memory, { at: new Date(Date.UTC(2023, 0, 1) + i * 7 * 86_400_000).toISOString(), dead: i % 5, failing: i % 3, unverifiable: i % 7 });
  return memory;
}

/** Varied URLs that compress about as badly as real ones. */
function urls(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `https://host-${(i * 7919) % 10_007}.example.org/${(i * 104_729).toString(36)}/page-${i}?id=${(i * 2_654_435_761) % 4_294_967_296}`);
}

describe('the report body against hostile list text', () => {
  test('a fake memory block in a reason, a name or a URL neither replaces the memory nor cuts the body', () => {
    const fake = '<!-- listwarden:memory\n{"version":1,"runs":[],"ignoredUrls":["https://forged.example/"],"ignoredRules":["no-dead-link"]}\n-->';
    const memory = memoryOf(['https://kept.example/'], 3);
    const body = renderReportBody(
      input(
        model({
          dead: [dead(`https://a.example/${fake}`, `gone \`${fake}\``)],
          archived: [{ name: `octo/${fake}`, url: 'https://github.com/octo/x', places: [{ file: 'README.md', line: 4 }] }],
          rules: [{ ruleId: 'no-empty-link', findings: [{ ruleId: 'no-empty-link', severity: 'warning', file: 'README.md', message: `Bad \`${fake}\` ${fake}`, span: { start: { line: 5, column: 1, offset: 0 }, end: { line: 5, column: 2, offset: 1 } } }] }],
        }),
        memory,
      ),
    );
    expect(readMemory(body)).toEqual(memory);
    expect(body.match(/<!-- listwarden:memory/g)).toHaveLength(1);
    expect(body).toContain('Updated by listwarden on each scheduled run');
    // A maintainer's /listwarden ignore rewrites the memory without touching the text above it.
    const after = withMemory(body, { ...memory, ignoredRules: ['prefer-https'] });
    expect(readMemory(after).ignoredRules).toEqual(['prefer-https']);
    expect(after.slice(0, after.lastIndexOf('<!-- listwarden:memory'))).toBe(body.slice(0, body.lastIndexOf('<!-- listwarden:memory')));
  });

  test('names, hosts and reasons render with no mention, reference, raw HTML or link of their own', () => {
    const evil = '@octocat #123 <img src=x onerror=alert(1)> </details> [click](https://evil.example) `@admin`` \u202eevil www.evil.example';
    const body = renderReportBody(
      input(
        model({
          dead: [dead('https://a.example/x', evil)],
          unverifiable: [{ host: evil, reasons: [evil], links: [{ url: 'https://b.example/', places: [{ file: 'README.md', line: 2 }] }] }],
          archived: [{ name: evil, url: 'https://github.com/octo/x', places: [{ file: 'README.md', line: 4 }] }],
          redirects: [{ url: 'https://c.example/', target: 'https://c.example/new?<b>@x', why: evil, places: [{ file: 'README.md', line: 6 }] }],
        }),
      ),
    );
    const rendered = renderGfm(body);
    expect(rendered.text).not.toMatch(MENTION);
    expect(rendered.text).not.toMatch(REFERENCE);
    expect(rendered.text).not.toMatch(/[\u202e]/);
    const allowed = new Set(['!--', 'p', 'h2', 'h3', 'ul', 'li', 'code', 'a', 'strong', 'em', 'sub', 'input', 'pre']);
    expect(rendered.tags.filter((t) => !allowed.has(t))).toEqual([]);
    const hrefs = [...rendered.html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.filter((h) => !h.startsWith('https://github.com/octo/awesome-things/blob/') && !h.startsWith('https://c.example/new'))).toEqual([]);
  });

  test('URLs that could end the ignore marker leave nothing of it visible, and tick back intact', () => {
    const tricky = ['https://a.example/--x', 'https://a.example/x--!>y', 'https://a.example/x-', 'https://a.example/x-->y', 'https://a.example/->', 'https://a.example/a b'];
    const body = renderReportBody(input(model({ dead: tricky.map((u) => dead(u)) }), memoryOf(['https://m.example/--', 'https://m.example/-->'], 2)));
    const rendered = renderGfm(body);
    expect(rendered.text).not.toContain('listwarden:');
    expect(rendered.text).not.toContain('url=');
    expect(rendered.comments.filter((c) => !strictComment(c))).toEqual([]);
    expect(tickedBoxes(body.replace(/- \[ \]/g, '- [x]')).ignoreUrls.sort()).toEqual([...tricky].sort());
    expect(readMemory(body).ignoredUrls).toEqual(['https://m.example/--', 'https://m.example/-->']);
  });

  test('1,000 ignored links (past the ~650 that broke it): the body fits and the memory keeps every one and the trend', () => {
    const memory = memoryOf(urls(1000));
    const body = renderReportBody(input(model({ dead: urls(300).map((u) => dead(u)) }), memory));
    expect(body.length).toBeLessThanOrEqual(REPORT_BODY_LIMIT);
    expect(readMemory(body)).toEqual(memory);
    expect(body).toMatch(/…and \d+ links? more/);
    expect(body).toContain('stored compressed');
  });

  test('a memory that fits as text stays editable JSON', () => {
    const memory = memoryOf(urls(100));
    const body = renderReportBody(input(model({ dead: [dead('https://x.example/')] }), memory));
    expect(body).toContain(`"ignoredUrls":["${urls(100)[0]}"`);
    expect(body).toContain('remove the entry from `ignoredUrls`');
    expect(readMemory(body)).toEqual(memory);
  });

  test('30,000 ignored links: the body fits, the newest ignores survive and the report says how many were dropped', () => {
    const all = urls(30_000);
    const body = renderReportBody(input(model({ dead: [dead('https://x.example/')] }), memoryOf(all)));
    expect(body.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    const read = readMemory(body);
    expect(read.ignoredUrls.length).toBeGreaterThan(1000);
    expect(read.ignoredUrls).toEqual(all.slice(all.length - read.ignoredUrls.length));
    expect(read.runs.length).toBeGreaterThanOrEqual(12);
    expect(body).toContain(`${(all.length - read.ignoredUrls.length).toLocaleString('en-US').replace(/,/g, '')} ignored links (the oldest) no longer fit`);
  });

  test('withMemory never lets a grown memory push the body over the limit', () => {
    const body = renderReportBody(input(model({ dead: urls(400).map((u) => dead(u)) }), memoryOf([], 2)));
    const grown = withMemory(body, memoryOf([`https://long.example/${'x'.repeat(5000)}`, ...urls(1000)], 2));
    expect(grown.length).toBeLessThanOrEqual(REPORT_BODY_LIMIT);
    expect(readMemory(grown).ignoredUrls).toHaveLength(1001);
    expect(grown.startsWith(body.slice(0, 1000))).toBe(true);
  });
});

describe('fittedMemory', () => {
  test('plain JSON at exactly the limit, compressed one character under it, and the oldest ignores dropped only when even that does not fit', () => {
    const memory = memoryOf(urls(3000), 12);
    const plain = fittedMemory(memory, 10_000_000);
    expect(plain.block).not.toContain('deflate:');
    expect(fittedMemory(memory, plain.block.length)).toEqual(plain);
    const packed = fittedMemory(memory, plain.block.length - 1);
    expect(packed.block).toContain('deflate:');
    expect(packed.droppedUrls).toBe(0);
    expect(fittedMemory(memory, packed.block.length)).toEqual(packed);
    const tighter = fittedMemory(memory, packed.block.length - 1);
    expect(tighter.droppedUrls).toBeGreaterThan(0);
    expect(tighter.block.length).toBeLessThanOrEqual(packed.block.length - 1);
    expect(readMemory(tighter.block).ignoredUrls).toEqual(memory.ignoredUrls.slice(tighter.droppedUrls));
  });

  test('the default limit leaves most of the body to the report', () => {
    expect(MEMORY_LIMIT).toBeLessThan(REPORT_BODY_LIMIT);
    expect(fittedMemory(memoryOf(urls(30_000))).block.length).toBeLessThanOrEqual(MEMORY_LIMIT);
  });

  test('a compressed memory that claims to inflate to gigabytes is read as damaged, not inflated', () => {
    const bomb = `<!-- listwarden:memory\ndeflate:${deflateRawSync(Buffer.alloc(20_000_000, 32)).toString('base64')}\n-->`;
    expect(readMemory(bomb)).toEqual(emptyMemory());
  });
});
