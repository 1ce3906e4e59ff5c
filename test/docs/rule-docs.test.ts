import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { allRules } from '../../src/core/rules/index.js';
import { checkText, fixText } from '../helpers/check-text.js';

/** Reads the ```markdown block that follows a "Before:" or "After:" line in a rule doc. */
function example(doc: string, label: 'Before' | 'After'): string | undefined {
  const at = doc.indexOf(`\n${label}:\n`);
  if (at < 0) return undefined;
  const open = doc.indexOf('```markdown\n', at);
  const close = doc.indexOf('\n```\n', open);
  if (open < 0 || close < 0) return undefined;
  return doc.slice(open + '```markdown\n'.length, close + 1);
}

describe.each(allRules.map((r) => [r.meta.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  const path = `docs/rules/${id}.md`;
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';

  it('exists and states the severity and whether it fixes', () => {
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toContain(`Severity: ${rule.meta.defaultSeverity}`);
    expect(doc).toContain(`Fixable: ${rule.meta.fixable ? 'yes' : 'no'}`);
    expect(doc).toContain('## How to silence it');
  });

  it('its "Before" example is reported and its "After" example is clean', () => {
    const before = example(doc, 'Before');
    const after = example(doc, 'After');
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(checkText(before!, [rule]).filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
    expect(checkText(after!, [rule]).filter((f) => f.ruleId === id && f.severity !== 'info')).toEqual([]);
    if (rule.meta.fixable) expect(fixText(before!, [rule])).toBe(after);
  });
});
