import { describe, expect, it } from '@jest/globals';
import type { MaintenanceChange } from '../../src/maintenance/change-list.js';
import { changesFingerprint, commitMessage, fingerprintLine, MAINTENANCE_TRAILER, pullBody, pullTitle, readFingerprint } from '../../src/maintenance/pull-body.js';
import { MAINTENANCE_MARKER } from '../../src/report/identity.js';
import { MENTION, REFERENCE, renderGfm } from '../review/helpers/rendered-markdown.js';

const REPO = { owner: 'octo', repo: 'awesome-things' };
const SHA = 'a'.repeat(40);

const REDIRECT: MaintenanceChange = {
  file: 'README.md',
  line: 5,
  ruleId: 'no-redirect',
  before: '- [Alpha](https://old.example/alpha) - Moved.',
  after: '- [Alpha](https://new.example/alpha) - Moved.',
  reason: 'link updated to where it permanently redirects (https://new.example/alpha)',
  evidence: '301 → https://new.example/alpha, which answered 200',
};
const TAG: MaintenanceChange = {
  file: 'README.md',
  line: 28,
  ruleId: 'html-unclosed-tag',
  before: '<td><a href="https://docs.snyk.io/">Synk</td>',
  after: '<td><a href="https://docs.snyk.io/">Synk</a></td>',
  reason: 'missing </a> added',
  evidence: '<a> opened at 28:11 is not closed before </td>',
};
const REMOVED: MaintenanceChange = {
  file: 'docs/more lists.md',
  line: 3,
  ruleId: 'no-dead-link',
  before: '- [Lost](https://lost.example/) - Gone.',
  after: '',
  reason: 'entry removed: its link is dead and no archived copy exists (maintenance.deadLinks: archive-or-remove)',
  evidence: '404 Not Found; no archived copy found',
};

describe('the change-set fingerprint', () => {
  it('is the same for the same edits in any order, whatever the line numbers or wording', () => {
    const a = changesFingerprint([REDIRECT, TAG, REMOVED]);
    expect(changesFingerprint([REMOVED, TAG, REDIRECT])).toBe(a);
    expect(changesFingerprint([{ ...REDIRECT, line: 7, reason: 'other words' }, TAG, REMOVED])).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs when any edit differs', () => {
    const a = changesFingerprint([REDIRECT, TAG]);
    expect(changesFingerprint([REDIRECT])).not.toBe(a);
    expect(changesFingerprint([{ ...REDIRECT, after: '- [Alpha](https://other.example/) - Moved.' }, TAG])).not.toBe(a);
    expect(changesFingerprint([{ ...REDIRECT, file: 'OTHER.md' }, TAG])).not.toBe(a);
  });
});

describe('the pull request body', () => {
  const body = pullBody({ repo: REPO, baseSha: SHA, changes: [REDIRECT, TAG, REMOVED], leftAlone: [{ file: 'README.md', line: 40, url: 'https://vanished.example/', why: 'it is in a table; listwarden does not remove table rows' }] });

  it('starts with the marker and ends with the fingerprint of its change set, which reads back', () => {
    expect(body.startsWith(`${MAINTENANCE_MARKER}\n`)).toBe(true);
    expect(body.trimEnd().endsWith(fingerprintLine(changesFingerprint([REDIRECT, TAG, REMOVED])))).toBe(true);
    expect(readFingerprint(body)).toBe(changesFingerprint([REDIRECT, TAG, REMOVED]));
  });

  it('is the same for the same changes (no time, no order dependence)', () => {
    expect(pullBody({ repo: REPO, baseSha: SHA, changes: [REMOVED, TAG, REDIRECT], leftAlone: [{ file: 'README.md', line: 40, url: 'https://vanished.example/', why: 'it is in a table; listwarden does not remove table rows' }] })).toBe(body);
  });

  it('lists every change with a link to its line, the rule, the reason, the evidence and the diff', () => {
    expect(body).toContain(`[README.md:5](https://github.com/octo/awesome-things/blob/${SHA}/README.md#L5)`);
    expect(body).toContain(`[docs/more lists.md:3](https://github.com/octo/awesome-things/blob/${SHA}/docs/more%20lists.md#L3) (removed)`);
    expect(body).toContain('**[no-redirect](https://github.com/listwarden/listwarden/blob/main/docs/rules/no-redirect.md)**: link updated to where it permanently redirects (https:&#8203;//new.example/alpha). Evidence: 301 → https:&#8203;//new.example/alpha, which answered 200');
    expect(body).toContain('```diff\n- - [Alpha](https://old.example/alpha) - Moved.\n+ - [Alpha](https://new.example/alpha) - Moved.\n```');
    expect(body).toContain('```diff\n- - [Lost](https://lost.example/) - Gone.\n```');
    expect(body).toContain('README.md:40](https://github.com/octo/awesome-things/blob/' + SHA + '/README.md#L40) `https://vanished.example/`: it is in a table');
  });

  it('shows text from the list as text: HTML in reasons is escaped, code fences outgrow backticks in the lines', () => {
    expect(body).toContain('missing &lt;/a&gt; added. Evidence: &lt;a&gt; opened at 28:11 is not closed before &lt;/td&gt;');
    const fenced = pullBody({ repo: REPO, baseSha: SHA, changes: [{ ...REDIRECT, before: 'use ```code``` here', after: 'use ```code``` there' }] });
    expect(fenced).toContain('````diff\n- use ```code``` here\n+ use ```code``` there\n````');
  });

  it('a hostile redirect target, file name or reason mentions no one, references nothing and injects no HTML or link', () => {
    const evil = '@octocat #42 <b>Approved by maintainers</b> `@admin`` [x](https://phish.example) \u202e';
    const body = pullBody({
      repo: REPO,
      baseSha: SHA,
      changes: [{ ...REDIRECT, file: `lists/${evil}.md`, reason: `redirects to https://x.example/?q=${evil}`, evidence: evil, before: `- [A](${evil})`, after: '- [A](https://x.example/)' }],
      leftAlone: [{ file: 'README.md', line: 3, url: `https://y.example/${evil}`, why: evil }],
    });
    const rendered = renderGfm(body);
    expect(rendered.text).not.toMatch(MENTION);
    expect(rendered.text).not.toMatch(REFERENCE);
    expect(rendered.text + rendered.code).not.toMatch(/\u202e/);
    expect(rendered.tags.filter((t) => !['!--', 'h2', 'h3', 'p', 'code', 'pre', 'ul', 'li', 'a', 'strong'].includes(t))).toEqual([]);
    const hrefs = [...rendered.html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.filter((h) => !h.startsWith('https://github.com/'))).toEqual([]);
  });

  it('cannot be fooled by a fingerprint quoted from the list text', () => {
    const fake = fingerprintLine('f'.repeat(32));
    const changes = [{ ...REDIRECT, before: `${fake} old`, after: `${fake} new` }];
    expect(readFingerprint(pullBody({ repo: REPO, baseSha: SHA, changes }))).toBe(changesFingerprint(changes));
    expect(readFingerprint(`someone else's body\n${fake}`)).toBeUndefined();
  });

  it('stays within the size GitHub accepts however many changes there are', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...REDIRECT, line: i + 1, before: `- [E${i}](https://old.example/${i}) - ${'x'.repeat(60)}`, after: `- [E${i}](https://new.example/${i}) - ${'x'.repeat(60)}` }));
    const big = pullBody({ repo: REPO, baseSha: SHA, changes: many });
    expect(big.length).toBeLessThan(65_536);
    expect(big).toMatch(/… and \d+ more changes, too many to list here/);
    expect(readFingerprint(big)).toBe(changesFingerprint(many));
  });
});

describe('title and commit message', () => {
  it('count the changes and name the list', () => {
    expect(pullTitle([REDIRECT])).toBe('listwarden: 1 certain fix to README.md');
    expect(pullTitle([REDIRECT, TAG, REMOVED])).toBe('listwarden: 3 certain fixes to 2 lists');
  });

  it('the commit message carries the trailer that marks it as listwarden’s', () => {
    const message = commitMessage([REDIRECT, TAG]);
    expect(message.split('\n')).toContain(MAINTENANCE_TRAILER);
    expect(message).toContain('- README.md:5 link updated to where it permanently redirects');
  });
});
