import { describe, expect, test } from '@jest/globals';
import { checkSource } from '../../src/core/check-source.js';
import { renderReportBody } from '../../src/report/report-body.js';
import { emptyMemory } from '../../src/report/report-memory.js';
import { buildReportModel } from '../../src/report/report-model.js';

const PLANTS = ['Acorn', 'Bramble', 'Clover', 'Daisy', 'Fern', 'Heather', 'Ivy', 'Juniper', 'Lupin', 'Moss'];
const line = (n: string) => `- [${n}](https://${n.toLowerCase()}.example${n === 'Ivy' ? '/?utm_source=list' : ''})${n === 'Fern' ? ': ' : ' - '}Grows ${n.toLowerCase()}.`;
const LIST = `# Garden\n\n## Plants\n\n${PLANTS.map(line).join('\n')}\n`;

describe('house style in the scheduled report', () => {
  const findings = checkSource('README.md', LIST).findings;

  test('the list has one style deviation and one other problem', () => {
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['entry-format', 'no-tracking-params']);
  });

  test('style deviations are listed once, under their own heading, not among the other problems', () => {
    const model = buildReportModel({ findings });
    expect(model.rules.map((g) => g.ruleId)).toEqual(['no-tracking-params']);
    expect(model.style?.map((g) => `${g.ruleId} ${g.findings.length}`)).toEqual(['entry-format 1']);
    const body = renderReportBody({ repo: { owner: 'octo', repo: 'garden' }, sha: '0'.repeat(40), date: '2024-03-11', files: ['README.md'], model, notes: [], memory: emptyMemory() });
    expect(body.match(/### 🎨 House style \(1\)/g)).toHaveLength(1);
    expect(body.split('"Fern" separates name and description').length - 1).toBe(1);
    expect(body).toContain('maintenance.style: true');
  });

  test('their certain fixes count for the maintenance PR only with maintenance.style', () => {
    expect(buildReportModel({ findings }).certainFixes).toBe(1);
    expect(buildReportModel({ findings, style: true }).certainFixes).toBe(2);
  });
});
