import { describe, it, expect } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/core/config/config-file-schema.js';
import { REPORT_LABEL, REPORT_MARKER } from '../../src/report/identity.js';
import { emptyMemory, readMemory, withMemory } from '../../src/report/report-memory.js';
import { handleCommand } from '../../src/use-cases/handle-command.js';
import { commentEvent, NOW, recordingRunners } from './helpers/command-fixtures.js';
import { FakeGitHub, withoutLeases } from './helpers/fake-github.js';

const REPORT_BODY = withMemory(`${REPORT_MARKER}\n## Confirmed dead links\n\n- https://old.example.com/tool (404)\n`, {
  ...emptyMemory(),
  runs: [{ at: '2024-05-25T00:00:00Z', dead: 1, failing: 0, unverifiable: 0 }],
});

function world(options: { report?: 'open' | 'closed' | 'none' } = {}) {
  const gh = new FakeGitHub({ 'README.md': '# Awesome\n' });
  gh.permissions.set('wendy-writer', 'write');
  const report =
    options.report === 'none' ? undefined : gh.addIssue({ title: 'listwarden: link-rot report', body: REPORT_BODY, labels: [REPORT_LABEL], login: gh.login, state: options.report ?? 'open' });
  const other = gh.addIssue({ title: 'A question', body: 'hi', login: 'rita-reader' });
  return { gh, report, other, runners: recordingRunners() };
}

/** The YAML in a reply's ```yaml block, validated by the config schema. */
function snippetOf(reply: string): unknown {
  const m = /```yaml\n([\s\S]*?)\n```/.exec(reply);
  expect(m).not.toBeNull();
  return configSchema.parse(parseYaml(m![1]!));
}

describe('/listwarden ignore', () => {
  it('records a URL in the report memory, keeping the trend and the rest of the body', async () => {
    const { gh, report, other, runners } = world();
    const event = commentEvent(gh, other, 'wendy-writer', '/listwarden ignore https://old.example.com/tool');
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    const body = gh.issues.get(report!)!.body;
    expect(readMemory(body)).toEqual({ ...readMemory(REPORT_BODY), ignoredUrls: ['https://old.example.com/tool'] });
    expect(body.startsWith(`${REPORT_MARKER}\n## Confirmed dead links\n\n- https://old.example.com/tool (404)\n`)).toBe(true);
    expect(outcome.reply).toMatch(new RegExp(`^Ignoring \`https://old\\.example\\.com/tool\`: the link-rot report and the maintenance pull request leave it alone from their next run \\(recorded in #${report}\\)\\.`));
    expect(snippetOf(outcome.reply!)).toEqual({ ignore: { urls: ['https://old.example.com/tool'] } });
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
    expect(withoutLeases(gh.writes)).toEqual(['addReaction eyes', `updateIssue #${report}`, `createIssueComment #${other}`, 'addReaction rocket']);
  });

  it('records a rule id (any case) in the report memory', async () => {
    const { gh, report, other, runners } = world();
    await handleCommand(gh, commentEvent(gh, other, 'wendy-writer', '/listwarden ignore No-Archived-Repo'), runners, { now: NOW });
    expect(readMemory(gh.issues.get(report!)!.body).ignoredRules).toEqual(['no-archived-repo']);
  });

  it('says so when the target is already ignored, and changes nothing', async () => {
    const { gh, report, other, runners } = world();
    await handleCommand(gh, commentEvent(gh, other, 'wendy-writer', '/listwarden ignore no-redirect'), runners, { now: NOW });
    const before = gh.issues.get(report!)!.body;
    const again = await handleCommand(gh, commentEvent(gh, other, 'wendy-writer', '/listwarden ignore no-redirect'), runners, { now: NOW });
    expect(gh.issues.get(report!)!.body).toBe(before);
    expect(again.reply).toMatch(new RegExp(`^The rule \`no-redirect\` is already ignored \\(recorded in #${report}\\)\\.`));
    expect(gh.writes.filter((w) => w.startsWith('updateIssue'))).toHaveLength(1);
  });

  it('records in a closed report issue when there is no open one (the report reopens it)', async () => {
    const { gh, report, other, runners } = world({ report: 'closed' });
    await handleCommand(gh, commentEvent(gh, other, 'wendy-writer', '/listwarden ignore https://a.example/x'), runners, { now: NOW });
    expect(readMemory(gh.issues.get(report!)!.body).ignoredUrls).toEqual(['https://a.example/x']);
    expect(gh.issues.get(report!)!.state).toBe('closed');
  });

  it('offers the exact config snippet when there is no report issue yet', async () => {
    const { gh, other, runners } = world({ report: 'none' });
    // An issue that only looks like a report (written by a person) is not the report.
    const fake = gh.addIssue({ title: 'report', body: REPORT_BODY, labels: [REPORT_LABEL], login: 'mallory' });
    const event = commentEvent(gh, other, 'wendy-writer', '/listwarden ignore no-dead-link');
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome.reply).toMatch(/^There is no link-rot report issue yet to record this in — to ignore the rule `no-dead-link`, add this to `\.github\/listwarden\.yml`:/);
    expect(snippetOf(outcome.reply!)).toEqual({ rules: { 'no-dead-link': 'off' } });
    expect(gh.issues.get(fake)!.body).toBe(REPORT_BODY);
    expect(gh.writes.filter((w) => w.startsWith('updateIssue'))).toEqual([]);
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
  });

  it('refuses an argument that is neither a URL nor a rule id, saying what is accepted, 😕', async () => {
    const { gh, report, other, runners } = world();
    for (const body of ['/listwarden ignore example.com/tool', '/listwarden ignore no-such-rule', '/listwarden ignore']) {
      const event = commentEvent(gh, other, 'wendy-writer', body);
      const outcome = await handleCommand(gh, event, runners, { now: NOW });
      expect(outcome).toMatchObject({ handled: true, failed: true });
      expect(outcome.reply).toContain('write `/listwarden ignore <url>` with a full `https://…` link, or `/listwarden ignore <rule-id>` with one of: `no-duplicate-entry`');
      expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'confused']);
    }
    expect(gh.issues.get(report!)!.body).toBe(REPORT_BODY);
  });

  it('changes no memory in a dry run', async () => {
    const { gh, report, other, runners } = world();
    const lines: string[] = [];
    await handleCommand(gh, commentEvent(gh, other, 'wendy-writer', '/listwarden ignore no-redirect'), runners, { now: NOW, dryRun: true, log: (l) => lines.push(l) });
    expect(gh.writes).toEqual([]);
    expect(gh.issues.get(report!)!.body).toBe(REPORT_BODY);
    expect(lines).toContain(`dry run: would record the ignore in #${report}`);
  });
});
