import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { changeList } from '../../src/maintenance/change-list.js';
import { traceFixes } from '../../src/maintenance/trace-fixes.js';
import { fixText } from '../../src/use-cases/fix-text.js';
import { checkWith, config } from './helpers/link-evidence.js';
import { applyChanges } from './helpers/lists.js';

const EXAMPLE = readFileSync(new URL('../../examples/awesome-example.md', import.meta.url), 'utf8');

describe('tracing the certain fixes back to the original lines', () => {
  it('makes exactly the fixes fixText makes, on the example list (every kind of defect)', async () => {
    const cfg = config();
    const files = [{ path: 'README.md', source: EXAMPLE }];
    const checked = await checkWith(files, cfg);
    const trace = traceFixes('README.md', EXAMPLE, checked.findings, cfg, checked.facts);
    const fixed = fixText('README.md', EXAMPLE, checked.findings, cfg, checked.facts);
    expect(trace.output).toBe(fixed.output);
    expect(trace.fixes.map((f) => f.finding.ruleId)).toEqual(fixed.applied.map((f) => f.ruleId));
    expect(trace.passes.length).toBeGreaterThan(1);
  });

  it('puts each change on its line in the original, with what the line becomes', async () => {
    const cfg = config();
    const files = [{ path: 'README.md', source: EXAMPLE }];
    const checked = await checkWith(files, cfg);
    const trace = traceFixes('README.md', EXAMPLE, checked.findings, cfg, checked.facts);
    const changes = changeList('README.md', EXAMPLE, trace, checked.evidence);
    expect(applyChanges(EXAMPLE, changes)).toBe(trace.output);
    const lines = EXAMPLE.split('\n');
    for (const change of changes) expect(lines.slice(change.line - 1, change.line - 1 + change.before.split('\n').length).join('\n')).toBe(change.before);
    // The lone <tr> is removed and the rowspan above it shortened: one fix, two places.
    const emptyRow = changes.filter((c) => c.ruleId === 'table-empty-row' && c.before.trim() === '<tr>');
    expect(emptyRow).toHaveLength(1);
    const shortened = changes.find((c) => c.ruleId === 'table-empty-row' && c.before.includes('rowspan'));
    expect(shortened?.reason).toBe(`rowspan shortened: it covered the empty row removed at line ${emptyRow[0]!.line}`);
    // Two fixes on one line share its before and after.
    const snyk = changes.filter((c) => c.before.includes('>Synk<'));
    expect(snyk.map((c) => c.ruleId).sort()).toEqual(['html-unclosed-tag', 'tool-name-spelling']);
    expect(new Set(snyk.map((c) => c.after))).toEqual(new Set(['      <td><a href="https://docs.snyk.io/">Snyk</a></td>']));
  });

  it('keeps a line inserted at the start of a line with that line', () => {
    // An insertion at a line's first character belongs to that line, not to the one before.
    const source = 'a\nb\nc\n';
    const finding = { ruleId: 'no-redirect', severity: 'warning' as const, message: 'm', file: 'f.md', span: { start: { line: 2, column: 1, offset: 2 }, end: { line: 2, column: 1, offset: 2 } }, fix: { edits: [{ start: 2, end: 2, text: 'X' }], certain: true } };
    const trace = traceFixes('f.md', source, [finding], config({ rules: Object.fromEntries(['no-mojibake'].map((r) => [r, 'off'])) }));
    const changes = changeList('f.md', source, trace);
    expect(changes).toEqual([expect.objectContaining({ line: 2, before: 'b', after: 'Xb' })]);
  });
});
