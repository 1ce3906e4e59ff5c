import { describe, expect, it } from '@jest/globals';
import { planMaintenance } from '../../src/maintenance/plan-maintenance.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { checkSource } from '../../src/core/check-source.js';

const PLANTS = ['Acorn', 'Bramble', 'Clover', 'Daisy', 'Fern', 'Heather', 'Ivy', 'Juniper', 'Lupin'];
const line = (n: string, sep = ' - ') => `- [${n}](https://${n.toLowerCase()}.example)${sep}Grows ${n.toLowerCase()}.`;
/** A sorted section of ten whose "Fern" uses ": " — an existing style deviation. */
const LIST = `# Garden\n\n## Plants\n\n${[...PLANTS.map((n) => line(n, n === 'Fern' ? ': ' : ' - ')), line('Moss')].join('\n')}\n`;

async function plan(maintenance: { style?: boolean }) {
  const config = resolveConfig({ maintenance });
  const files = [{ path: 'README.md', source: LIST }];
  const findings = checkSource('README.md', LIST, { config }).findings;
  expect(findings.map((f) => f.ruleId)).toEqual(['entry-format']);
  return planMaintenance({ files, findings, config });
}

describe('style deviations in the maintenance pull request', () => {
  it('are left alone by default', async () => {
    const p = await plan({});
    expect(p.writes).toEqual([]);
    expect(p.changes).toEqual([]);
  });
  it('are fixed with maintenance.style: true, each change explained', async () => {
    const p = await plan({ style: true });
    expect(p.writes[0]!.content).toBe(LIST.replace('[Fern](https://fern.example): ', '[Fern](https://fern.example) - '));
    expect(p.changes.map((c) => `${c.line} ${c.ruleId}`)).toEqual(['9 entry-format']);
    expect(p.unexplained).toEqual([]);
  });
});
