import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { LINK_RULES } from '../../src/links/link-findings.js';

describe.each(LINK_RULES.map((r) => [r.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  it('exists, states severity and fixability, and says how to silence it', () => {
    const path = `docs/rules/${id}.md`;
    expect(existsSync(path)).toBe(true);
    const doc = readFileSync(path, 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toContain(`Severity: ${rule.defaultSeverity}`);
    expect(doc).toContain(`Fixable: ${rule.fixable ? 'yes' : 'no'}`);
    expect(doc).toContain('## How to silence it');
  });
});
