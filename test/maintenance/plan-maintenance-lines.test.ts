import { describe, expect, it } from '@jest/globals';
import { planMaintenance } from '../../src/maintenance/plan-maintenance.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { checkSource } from '../../src/core/check-source.js';

/** The `</a>` the fix would add goes on line 4; the finding is on line 3 (the `<a>`). */
const LIST = ['# Tools', '', '<p><a href="https://one.example/">One', 'and more words</p>', '', '- [Two](https://two.example/?utm_source=news) - Second.', ''].join('\n');

describe('the maintenance pull request never changes a line that carries none of the fix\'s finding', () => {
  it('leaves that fix out of the change and says so; the other fixes are made and explained', async () => {
    const config = resolveConfig({});
    const files = [{ path: 'README.md', source: LIST }];
    const findings = checkSource('README.md', LIST, { config }).findings;
    expect(findings.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(['3 html-unclosed-tag', '6 no-tracking-params']);
    const p = await planMaintenance({ files, findings, config });
    expect(p.writes[0]!.content).toBe(LIST.replace('?utm_source=news', ''));
    expect(p.changes.map((c) => `${c.line} ${c.ruleId}`)).toEqual(['6 no-tracking-params']);
    expect(p.fixesLeftOut).toEqual(['README.md:3 html-unclosed-tag fix left out — it would change line 4, which this finding is not on']);
    expect(p.unexplained).toEqual([]);
  });
});
