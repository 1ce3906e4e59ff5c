import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { decodeInput } from '../../src/core/parse/decode-input.js';
import { inspectInput } from '../../src/core/parse/inspect-input.js';
import { ruleDocUrl } from '../../src/core/format/rule-docs.js';

// `unreadable-input` is not a rule of the rule list: it is what listwarden says instead of
// checking a file it cannot read. Its findings link to docs/rules/unreadable-input.md like
// every rule's do, so the page must exist and explain every kind of refusal.
describe('docs/rules/unreadable-input.md', () => {
  const path = 'docs/rules/unreadable-input.md';

  it('exists where the findings link to, with severity, fixability and how to silence it', () => {
    expect(ruleDocUrl('unreadable-input').endsWith(`/${path}`)).toBe(true);
    expect(existsSync(path)).toBe(true);
    const doc = readFileSync(path, 'utf8');
    expect(doc.startsWith('# unreadable-input\n')).toBe(true);
    expect(doc).toContain('Severity: error');
    expect(doc).toContain('Fixable: no');
    expect(doc).toContain('## How to silence it');
  });

  it('names every refusal the checks can give', () => {
    const doc = readFileSync(path, 'utf8');
    const decoded = decodeInput('a.md', new Uint8Array([0x61, 0xe9, 0x0a]));
    expect('problem' in decoded && decoded.problem.ruleId).toBe('unreadable-input');
    expect(doc).toContain('UTF-8');
    expect(inspectInput('a.md', 'a\u0000b')?.ruleId).toBe('unreadable-input');
    expect(doc).toContain('NUL bytes');
    expect(inspectInput('a.md', `${'> '.repeat(101)}x\n`)?.message).toMatch(/deeper than 100 levels/);
    expect(doc).toContain('100 levels');
    expect(doc).toContain('Too large or too slow to check');
  });
});
