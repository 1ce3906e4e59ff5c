/**
 * A scheduled run: the report, then the maintenance pull request from what the report's
 * checks found (no second round of requests); with maintenance PRs off, only when the
 * report's "open a pull request" box was ticked.
 */
import { describe, expect, test } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { runScheduled, describeScheduled } from '../../src/use-cases/scheduled-run.js';
import { DAY, farm } from '../report/helpers/report-fixture.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

/** A tracking parameter (a certain fix) and a dead link. */
const LIST = `# Awesome

## Tools

- [Alpha](https://alpha.example/?utm_source=list) - Alpha does one thing.
- [Beta](https://beta.example/page) - Beta does another.
`;

function world() {
  const github = new FakeGitHub({ 'README.md': LIST }, { knowsLogin: true });
  const f = farm();
  const request = (maintenance: boolean) => ({ repo: REPO, files: ['README.md'], config: resolveConfig(), links: f.links, now: () => f.clock.now, maintenance });
  return { github, f, request };
}

const maintenancePulls = (github: FakeGitHub) => github.pulls.filter((p) => p.headRef === 'listwarden/maintenance');

describe('a scheduled run', () => {
  test('reports, then opens the maintenance PR from the same checks', async () => {
    const { github, f, request } = world();
    const outcome = await runScheduled(github, request(true));
    expect(outcome.report.action).toBe('created');
    expect(outcome.maintenance?.action).toBe('opened');
    expect(maintenancePulls(github)).toHaveLength(1);
    expect(github.fileAt('listwarden/maintenance', 'README.md')).toContain('(https://alpha.example/)');
    // Each link was asked once, by the report: the maintenance PR reused its evidence.
    expect(f.prober.probed.filter((url) => url === 'https://beta.example/page')).toHaveLength(1);
    expect(describeScheduled(outcome)).toMatch(/^report #\d+ created; maintenance PR #\d+ opened/);
  });

  test('with maintenance PRs off: no PR until the report\'s box is ticked', async () => {
    const { github, f, request } = world();
    const first = await runScheduled(github, request(false));
    expect(first.maintenance).toBeUndefined();
    expect(maintenancePulls(github)).toEqual([]);
    github.tick(first.report.issue!, 'listwarden:fix');
    f.clock.now += DAY;
    const second = await runScheduled(github, request(false));
    expect(second.maintenance?.action).toBe('opened');
    expect(maintenancePulls(github)).toHaveLength(1);
  });
});
