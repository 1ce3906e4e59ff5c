/**
 * What the bundled Action writes to its log cannot be read by the runner as a workflow
 * command: list text with line breaks (an HTML href, a ticked box's URL) stays on one line.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ignoreMarker } from '../../src/report/checkboxes.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { examplePayload, runBundle, TOKEN } from './helpers/run-bundle.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BOT = 'github-actions[bot]';

let api: GitHubApiStandIn;
let dir: string;

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: BOT, token: TOKEN });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.setFile(OWNER, REPO, 'main', 'README.md', '# Awesome Things\n\n## Tools\n\n- [Tool](#tools) - A tool.\n');
  dir = mkdtempSync(join(tmpdir(), 'listwarden-log-'));
});
afterEach(async () => {
  await api.close();
});

/** The runner's reading of a log: a line (leading spaces trimmed) that starts with `::` or `##[`. */
const commandLines = (stdout: string) => stdout.split(/\r?\n|\r/).filter((line) => /^\s*(::|##\[)/.test(line));

describe('the Action log', () => {
  it('a ticked box whose URL holds line breaks and ::error:: logs one line, and no workflow command', async () => {
    const evil = 'https://x.example/a\n::error::pwned by the list\r\n::add-mask::x\n##[error]also';
    const body = ['<!-- listwarden:report -->', '## listwarden link-rot report', '', `- [x] ignore \`x\` ${ignoreMarker(evil)}`, ''].join('\n');
    api.addIssue(OWNER, REPO, 1, { title: 'listwarden: link-rot report', body, labels: ['listwarden'], login: BOT });
    const event = examplePayload<{ repository: { full_name: string; name: string; owner: { login: string } } }>('workflow_dispatch');
    event.repository.full_name = `${OWNER}/${REPO}`;
    event.repository.name = REPO;
    event.repository.owner.login = OWNER;
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify(event));
    const run = await runBundle({ api, dir, owner: OWNER, repo: REPO, eventName: 'schedule', eventPath: join(dir, 'schedule.json'), inputs: { 'check-links': 'none' } });

    expect(run.stdout).toContain('listwarden: ignoring https://x.example/a\\n::error::pwned by the list\\r\\n::add-mask::x\\n##[error]also from now on');
    expect(commandLines(run.stdout).filter((l) => !l.startsWith('::add-mask::ghs_') && !l.startsWith('::group::') && !l.startsWith('::endgroup::'))).toEqual([]);
    expect(run.code).toBe(0);
  });
});
