import { afterEach, describe, it, expect } from '@jest/globals';
import { GitHubRepoChecker } from '../../../src/links/github/github-repo-checker.js';
import { linkFindings } from '../../../src/links/link-findings.js';
import { checkUrls } from '../../../src/links/check-urls.js';
import { collectUrls } from '../../../src/links/collect-links.js';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import { fakeSleep } from '../helpers/api-stand-in.js';
import { NOW, TOKEN, startGraphQLStandIn, type GraphQLStandIn, type World } from './graphql-stand-in.js';

const YEAR = 365.25 * 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const world: World = {
  'aqua/scanner-old': { nameWithOwner: 'aqua/scanner-old', isArchived: true, description: 'This project is now part of Trivy: https://github.com/aqua/trivy', pushedAt: iso(NOW - 4 * YEAR) },
  'old/fastq': {
    nameWithOwner: 'old/fastq',
    isArchived: true,
    description: 'Fast in-memory queue',
    readme: '# fastq\n\n[![CI](https://github.com/old/fastq/actions/workflows/ci.yml/badge.svg)](https://github.com/old/fastq/actions)\n\n> This repository has moved to [newcorp/fastq](https://github.com/newcorp/fastq).\n\nfastq is a queue.\n',
  },
  'old/plain': { nameWithOwner: 'old/plain', isArchived: true, readme: '# plain\n\nA small library. Nothing more to say.\n' },
  'busy/tool': { nameWithOwner: 'busy/tool', pushedAt: iso(NOW - 30 * 24 * 3600_000) },
  // At the threshold, and either side of it.
  'quiet/at': { nameWithOwner: 'quiet/at', pushedAt: iso(NOW - 3 * YEAR) },
  'quiet/under': { nameWithOwner: 'quiet/under', pushedAt: iso(NOW - 3 * YEAR + 60_000) },
  'quiet/over': { nameWithOwner: 'quiet/over', pushedAt: iso(NOW - 6 * YEAR) },
};

let standIn: GraphQLStandIn | undefined;
afterEach(async () => {
  if (standIn) {
    expect(standIn.unexpected).toEqual([]);
    await standIn.close();
  }
  standIn = undefined;
});

async function checker(): Promise<GitHubRepoChecker> {
  standIn = await startGraphQLStandIn(world);
  return new GitHubRepoChecker({ token: TOKEN, apiUrl: standIn.origin, fetch: standIn.fetch, sleep: fakeSleep().sleep, now: () => NOW });
}

const list = Object.keys(world)
  .map((key) => `- [${key}](https://github.com/${key}) - A tool.`)
  .join('\n');

async function findings(unmaintainedYears?: number) {
  const github = await checker();
  const doc = buildDocument('README.md', `# Tools\n\n${list}\n`);
  const collected = collectUrls([doc]);
  const prober = { probe: async () => Promise.reject(new Error('every repository link goes through the API')) };
  const run = await checkUrls([...collected.http.keys()], { prober, github, now: () => NOW });
  return linkFindings(run.outcomes, collected.http, new Map([['README.md', `# Tools\n\n${list}\n`]]), {
    severity: (_id, fallback) => fallback,
    now: NOW,
    ...(unmaintainedYears !== undefined ? { unmaintainedYears } : {}),
  });
}

describe('projects that moved on (GitHub token)', () => {
  it('asks description and pushedAt in the status query, and READMEs only of archived repositories whose description names no successor', async () => {
    const github = await checker();
    const result = await github.check(Object.keys(world).map((key) => ({ owner: key.split('/')[0]!, repo: key.split('/')[1]! })));
    const queries = standIn!.graphql();
    expect(queries).toHaveLength(2);
    expect(queries[0]!.query).toContain('{ nameWithOwner url isArchived description pushedAt }');
    expect([...queries[1]!.asked.values()].map(([o, n]) => `${o}/${n}`)).toEqual(['old/fastq', 'old/plain']);
    expect(queries[1]!.query).toContain('md: object(expression: "HEAD:README.md") { ... on Blob { text } }');
    expect(result.get('aqua/scanner-old')!.successor).toEqual({ url: 'https://github.com/aqua/trivy', evidence: 'This project is now part of Trivy: https://github.com/aqua/trivy', source: 'description' });
    expect(result.get('old/fastq')!.successor).toEqual({ url: 'https://github.com/newcorp/fastq', evidence: 'This repository has moved to newcorp/fastq.', source: 'README' });
    expect(result.get('old/plain')!.successor).toBeUndefined();
    expect(result.get('quiet/over')!.pushedAt).toBe(iso(NOW - 6 * YEAR));
  });

  it('no-archived-repo suggests the successor (never a certain fix); repo-unmaintained (info) for pushes 3 years old or older', async () => {
    const found = await findings();
    const byRepo = (ruleId: string) => found.filter((f) => f.ruleId === ruleId).map((f) => String(f.data?.url).replace('https://github.com/', ''));
    expect(byRepo('no-archived-repo')).toEqual(['aqua/scanner-old', 'old/fastq', 'old/plain']);
    const fastq = found.find((f) => f.ruleId === 'no-archived-repo' && String(f.data?.url).endsWith('old/fastq'))!;
    expect(fastq.message).toBe('old/fastq is archived on GitHub and its README says "This repository has moved to newcorp/fastq." — check https://github.com/newcorp/fastq and link it instead');
    expect(fastq.suggestion).toBe('https://github.com/newcorp/fastq');
    expect(fastq.fix?.certain).toBe(false);
    const plain = found.find((f) => f.ruleId === 'no-archived-repo' && String(f.data?.url).endsWith('old/plain'))!;
    expect(plain.suggestion).toBeUndefined();
    // Archived ones are not also "unmaintained"; the threshold is inclusive.
    expect(byRepo('repo-unmaintained')).toEqual(['quiet/at', 'quiet/over']);
    const over = found.find((f) => f.ruleId === 'repo-unmaintained' && String(f.data?.url).endsWith('quiet/over'))!;
    expect(over.severity).toBe('info');
    expect(over.message).toBe(`quiet/over has had no push since ${iso(NOW - 6 * YEAR).slice(0, 10)} (6 years) — check that it still works, or point to a maintained alternative`);
  });

  it('takes the threshold from the config (links.unmaintainedYears)', async () => {
    const found = await findings(10);
    expect(found.filter((f) => f.ruleId === 'repo-unmaintained')).toEqual([]);
  });
});
