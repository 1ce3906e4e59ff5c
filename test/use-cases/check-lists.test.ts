import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../src/core/parse/build-document.js';
import { runRules } from '../../src/core/findings/run-rules.js';
import { allRules } from '../../src/core/rules/index.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import type { LinkProber, ProbeResult } from '../../src/links/types.js';
import { checkLists, recheckLists, type RuleRunner } from '../../src/use-cases/check-lists.js';
import { tooSlow } from '../../src/app/check-pool.js';
import { TOO_SLOW } from '../../src/core/parse/inspect-input.js';
import { checkFiles } from '../../src/core/check-files.js';
import { TableProber } from '../maintenance/helpers/link-evidence.js';

// With link checks, the rules that need nothing from the network run while the requests are
// out and the rules that read page titles or verified https run after the last answer. The
// findings must be exactly those of one pass of every rule with the facts.
const LIST = [
  '# Awesome',
  '',
  '## Tools',
  '',
  '- [Bandit](http://bandit.readthedocs.io/) - Finds issues.',
  '- [Trivy](https://trivy.example/?utm_source=list) - Scans images.',
  '- [Trivy](https://trivy.example/) - Scans images again.',
  '- [Grype](https://grype.example/) - Title says otherwise.',
  '- [Empty]() - Nothing.',
  '',
].join('\n');

const TITLES: Record<string, Partial<ProbeResult>> = {
  'https://grype.example/': { titles: ['Syft: SBOM generator'] },
};

describe('checkLists with link checks', () => {
  it('reports what one pass of every rule with the link facts reports, each finding once', async () => {
    const config = resolveConfig();
    const result = await checkLists([{ path: 'README.md', source: LIST }], config, { prober: new TableProber(TITLES) });
    const ruleIds = new Set(allRules.map((r) => r.meta.id));
    const fromRules = result.findings.filter((f) => ruleIds.has(f.ruleId));
    const onePass = runRules(buildDocument('README.md', LIST), { config, facts: result.facts! });
    expect(fromRules).toEqual(onePass);
    // Both parts contributed: prefer-https used the verified https twin (a fact), the others did not need one.
    expect(fromRules.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['prefer-https', 'no-tracking-params', 'no-duplicate-entry', 'no-empty-link']));
    expect(fromRules.find((f) => f.ruleId === 'prefer-https')?.fix?.certain).toBe(true);
    expect(new Set(fromRules.map((f) => `${f.ruleId}@${f.span.start.offset}`)).size).toBe(fromRules.length);
  });

  it('with the parse and rules run elsewhere (as the app\'s worker pool does, data copied across): the same findings', async () => {
    const config = resolveConfig();
    const parts: string[] = [];
    // What crosses to a worker thread and back is a structured clone: no function, no shared object.
    const runner: RuleRunner = async (files, cfg, part, facts, keepDocs) => {
      parts.push(part);
      return structuredClone(checkFiles(structuredClone(files), structuredClone(cfg), part, facts && structuredClone(facts), keepDocs));
    };
    const here = await checkLists([{ path: 'README.md', source: LIST }], config, { prober: new TableProber(TITLES) });
    const elsewhere = await checkLists([{ path: 'README.md', source: LIST }], config, { prober: new TableProber(TITLES) }, runner);
    expect(parts).toEqual(['before-links', 'after-links']);
    const strip = (findings: typeof here.findings) => findings.map((f) => JSON.stringify({ ...f, data: f.data }));
    expect(strip(elsewhere.findings)).toEqual(strip(here.findings));
    expect(elsewhere.findings.find((f) => f.ruleId === 'prefer-https')?.fix?.certain).toBe(true);
    // Without link checks: one job, every rule.
    const none = await checkLists([{ path: 'README.md', source: LIST }], config, undefined, runner);
    expect(parts.at(-1)).toBe('all');
    expect(strip(none.findings)).toEqual(strip((await checkLists([{ path: 'README.md', source: LIST }], config)).findings));
  });

  it('a file\'s changed lines (a review) reach the rules here and in a worker (data copied across): the changed duplicate is the one reported', async () => {
    const config = resolveConfig();
    const runner: RuleRunner = async (files, cfg, part, facts, keepDocs) =>
      structuredClone(checkFiles(structuredClone(files), structuredClone(cfg), part, facts && structuredClone(facts), keepDocs));
    // Line 6 is the first of the two Trivy entries: without changed lines line 7 is the duplicate.
    const dupLines = (findings: { ruleId: string; span: { start: { line: number } } }[]) => findings.filter((f) => f.ruleId === 'no-duplicate-entry').map((f) => f.span.start.line);
    const plain = [{ path: 'README.md', source: LIST }];
    const reviewed = [{ path: 'README.md', source: LIST, changedLines: [6] }];
    expect(dupLines((await checkLists(plain, config)).findings)).toEqual([7]);
    expect(dupLines((await checkLists(plain, config, undefined, runner)).findings)).toEqual([7]);
    expect(dupLines((await checkLists(reviewed, config)).findings)).toEqual([6]);
    expect(dupLines((await checkLists(reviewed, config, undefined, runner)).findings)).toEqual([6]);
    expect(dupLines((await checkLists(reviewed, config, { prober: new TableProber(TITLES) })).findings)).toEqual([6]);
    expect(dupLines((await checkLists(reviewed, config, { prober: new TableProber(TITLES) }, runner)).findings)).toEqual([6]);
  });

  it('recheckLists with the rules run elsewhere (a report whose budget ran out): the same findings, no parse here', async () => {
    const config = resolveConfig();
    const parts: string[] = [];
    const runner: RuleRunner = async (files, cfg, part, facts, keepDocs) => {
      parts.push(part);
      return structuredClone(checkFiles(structuredClone(files), structuredClone(cfg), part, facts && structuredClone(facts), keepDocs));
    };
    const files = [{ path: 'README.md', source: LIST }];
    const first = await checkLists(files, config, { prober: new TableProber(TITLES) });
    parts.length = 0;
    const strip = (findings: typeof first.findings) => findings.map((f) => JSON.stringify({ ...f, data: f.data }));
    const here = await recheckLists(files, config, first.evidence, { prober: new TableProber(TITLES) });
    const elsewhere = await recheckLists(files, config, first.evidence, { prober: new TableProber(TITLES) }, runner);
    expect(parts).toEqual(['before-links', 'after-links']);
    expect(strip(elsewhere)).toEqual(strip(here));
    expect(elsewhere.find((f) => f.ruleId === 'prefer-https')?.fix?.certain).toBe(true);
  });

  it('a file past its deadline in the first part is not sent again for the rules after the links', async () => {
    const config = resolveConfig();
    const sent: string[][] = [];
    const runner: RuleRunner = async (files, cfg, part, facts, keepDocs) => {
      sent.push(files.map((f) => f.path));
      const slow = files.filter((f) => f.path === 'slow.md');
      const rest = checkFiles(files.filter((f) => f.path !== 'slow.md'), cfg, part, facts, keepDocs);
      return { ...rest, problems: [...rest.problems, ...slow.map((file) => tooSlow(file, 50))] };
    };
    const files = [{ path: 'README.md', source: LIST }, { path: 'slow.md', source: LIST }];
    const result = await checkLists(files, config, { prober: new TableProber(TITLES) }, runner);
    expect(sent).toEqual([['README.md', 'slow.md'], ['README.md']]);
    expect(result.findings.filter((f) => f.file === 'slow.md').map((f) => f.message.slice(0, TOO_SLOW.length))).toEqual([TOO_SLOW]);
  });

  it('passes on a failure of the link checks as a rejection, not an unhandled one', async () => {
    const prober: LinkProber = {
      async probe() {
        throw new Error('prober broke');
      },
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(checkLists([{ path: 'README.md', source: LIST }], resolveConfig(), { prober })).rejects.toThrow('prober broke');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
