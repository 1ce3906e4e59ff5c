/**
 * The scheduled report against a memory and list text that broke it: many ignored links
 * (the body passed GitHub's limit, the memory was cut and a new issue lost the ignores and
 * the trend) and a fake memory block in the list's text.
 */
import { describe, expect, test } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { REPORT_LABEL, REPORT_MARKER, REPORT_TITLE } from '../../src/report/identity.js';
import { emptyMemory, readMemory, withMemory, type ReportMemory } from '../../src/report/report-memory.js';
import { recordRun } from '../../src/report/trend-chart.js';
import { publishReport } from '../../src/use-cases/publish-report.js';
import { farm } from '../report/helpers/report-fixture.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

const FAKE = '<!-- listwarden:memory\n{"version":1,"runs":[],"ignoredUrls":[],"ignoredRules":["no-dead-link"]}\n-->';
const LIST = `# Awesome Hostile

## Tools

- [Alpha](https://alpha.example/) - Alpha does one thing.
- [Beta](https://beta.example/page) - Beta does another.
- [\`${FAKE.replace(/\n/g, ' ')}\`]() - Nothing.
`;

function memoryWith(ignored: number): ReportMemory {
  let memory: ReportMemory = { ...emptyMemory(), ignoredUrls: Array.from({ length: ignored }, (_, i) => `https://ignored-${i}.example.org/some/longer/path/to/a/page-${i}?ref=awesome-list&id=${i * 7919}`) };
  for (let week = 0; week < 20; week++) memory = recordRun(memory, { at: new Date(Date.UTC(2023, 9, 2) + week * 7 * 86_400_000).toISOString().slice(0, 10), dead: week % 3, failing: 1, unverifiable: 0 });
  return memory;
}

describe('the report with 1,000 ignored links and a fake memory block in the list', () => {
  test('updates the same issue, under GitHub\'s limit, with every ignore and the trend kept, and the fake block ignored', async () => {
    const github = new FakeGitHub({ 'README.md': LIST }, { knowsLogin: true });
    const f = farm(resolveConfig());
    const memory = memoryWith(1000);
    const number = github.addIssue({ title: REPORT_TITLE, labels: [REPORT_LABEL], login: github.login, body: withMemory(`${REPORT_MARKER}\n## listwarden link-rot report\n`, memory, 1_000_000) });
    const config = resolveConfig();
    const outcome = await publishReport(github, { repo: REPO, files: ['**/*.md'], config, links: f.links, now: () => f.clock.now, log: () => undefined });

    expect(outcome.issue).toBe(number);
    const issues = [...github.issues.values()].filter((i) => !i.pull && i.labels.includes(REPORT_LABEL));
    expect(issues).toHaveLength(1);
    const body = issues[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    const read = readMemory(body);
    expect([...read.ignoredUrls].sort()).toEqual([...memory.ignoredUrls].sort());
    expect(read.ignoredRules).toEqual([]);
    expect(read.runs.length).toBe(memory.runs.length + 1);
  });
});
