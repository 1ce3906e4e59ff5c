/**
 * The bundled Action reviewing a pull request written to break what the bot writes: a
 * 108 KB line with a certain fix (its suggestion cannot fit in one comment), a 70 KB entry
 * name (its message is longer than GitHub takes for an annotation) and a name written to
 * mention people and inject HTML. Every body GitHub would receive must be one it accepts
 * and renders as plain text.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { MENTION, REFERENCE, renderGfm } from '../review/helpers/rendered-markdown.js';
import { examplePayload, runBundle } from './helpers/run-bundle.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
/** What GitHub accepts: comment and issue bodies, and one annotation's message (64 KB). */
const MAX_BODY = 65_536;
const MAX_ANNOTATION = 64 * 1024;

const BASE_LIST = ['# Awesome Things', '', '## Scanners', '', '- [Trivy](https://trivy.dev/) - Scans container images.', ''].join('\n');
const HEAD_LIST = [
  '# Awesome Things',
  '',
  '## Scanners',
  '',
  '- [Trivy](https://trivy.dev/) - Scans container images.',
  `- [Synk](https://snyk.io/) - ${'Finds vulnerable dependencies. '.repeat(3600)}`,
  `- [${'x'.repeat(70_000)}]() - Nothing.`,
  '- [`@octocat`` <b>Approved by maintainers</b> #123]() - Nothing.',
  '',
].join('\n');

function patchOf(base: string, head: string): string {
  const patch = structuredPatch('a', 'b', base, head, '', '', { context: 3 });
  return patch.hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n')).join('\n');
}

function pullRequestEvent(dir: string): string {
  const event = examplePayload<{
    number: number;
    pull_request: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } } };
    repository: { full_name: string; name: string; owner: { login: string } };
  }>('pull_request', 'opened');
  event.pull_request.number = event.number = 7;
  event.pull_request.base.sha = BASE;
  event.pull_request.head.sha = HEAD;
  event.pull_request.base.repo.full_name = event.pull_request.head.repo.full_name = `${OWNER}/${REPO}`;
  event.repository.full_name = `${OWNER}/${REPO}`;
  event.repository.name = REPO;
  event.repository.owner.login = OWNER;
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

let api: GitHubApiStandIn;
let dir: string;

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: 'github-actions[bot]' });
  dir = mkdtempSync(join(tmpdir(), 'listwarden-hostile-review-'));
  api.setFile(OWNER, REPO, BASE, 'README.md', BASE_LIST);
  api.setFile(OWNER, REPO, HEAD, 'README.md', HEAD_LIST);
  api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: patchOf(BASE_LIST, HEAD_LIST) }] });
});
afterEach(async () => api.close());

describe('the Action on a hostile pull request', () => {
  it('sends only bodies GitHub accepts: no clipped suggestion, capped annotation messages, fingerprint first, no mention or HTML', async () => {
    const run = await runBundle({ api, dir, owner: OWNER, repo: REPO, eventName: 'pull_request', eventPath: pullRequestEvent(dir), inputs: { 'check-links': 'none' } });
    expect(run.code).toBe(1);
    expect(api.invalid).toEqual([]);

    // Every annotation message fits; the review was not cut short by a refused request.
    const annotations = api.state.checkRuns.flatMap((c: { annotations: { message: string; start_line: number; title?: string }[] }) => c.annotations);
    expect(annotations.map((a) => `${a.start_line} ${a.title}`)).toEqual(['6 tool-name-spelling', '7 no-empty-link', '8 no-empty-link']);
    for (const a of annotations) expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(MAX_ANNOTATION);
    expect(annotations[1]!.message).toMatch(/x…\n\nRule documentation: /);

    // Every body sent is one GitHub takes whole.
    for (const request of api.requests) {
      const body = (request.body as { body?: unknown } | undefined)?.body;
      if (typeof body === 'string') expect(body.length).toBeLessThanOrEqual(MAX_BODY);
      for (const comment of ((request.body as { comments?: { body: string }[] } | undefined)?.comments ?? [])) expect(comment.body.length).toBeLessThanOrEqual(MAX_BODY);
    }

    // The 108 KB fix is a plain note, not a suggestion cut inside its fence, and carries its fingerprint first.
    const [note] = api.state.reviewComments;
    expect(note!.line).toBe(6);
    expect(note!.body).not.toContain('```');
    expect(note!.body).toMatch(/^<!-- listwarden:fp=[0-9a-f]{16} -->\n/);
    expect(note!.body).toContain('too long to show as a suggestion');

    // The summary mentions no one, links no issue and shows the HTML as text.
    const summary = api.state.issueComments.find((c: { body: string }) => c.body.startsWith('<!-- listwarden:summary -->'))!;
    const rendered = renderGfm(summary.body);
    expect(rendered.text).not.toMatch(MENTION);
    expect(rendered.text).not.toMatch(REFERENCE);
    expect(rendered.tags).not.toContain('b');
    expect(rendered.text.replace(/\u200b/g, '')).toContain('<b>Approved by maintainers</b>');

    // A re-run finds the note by its fingerprint and posts nothing twice.
    await runBundle({ api, dir, owner: OWNER, repo: REPO, eventName: 'pull_request', eventPath: pullRequestEvent(dir), inputs: { 'check-links': 'none' } });
    expect(api.state.reviewComments).toHaveLength(1);
  }, 120_000);
});
