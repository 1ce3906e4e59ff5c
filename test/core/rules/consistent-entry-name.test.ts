import { describe, it, expect } from '@jest/globals';
import { consistentEntryName } from '../../../src/core/rules/consistent-entry-name.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';
import { itStaysWithinBoundsOnCorpus } from '../../helpers/corpus-bound.js';
import { checkText, where } from '../../helpers/check-text.js';
import { seed } from '../../helpers/shared-files.js';

const rules = [consistentEntryName];

describe('consistent-entry-name: one link, several names', () => {
  it('reports the name the link does not bear, at that entry, naming the other', () => {
    const md = [
      '## Static analysis',
      '',
      '- [OWASP Juice Shop](https://github.com/OWASP/glue) - Vulnerable web app.',
      '',
      '## Pipelines',
      '',
      '- [OWASP Glue](https://github.com/OWASP/glue) - Security pipeline.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    // The defect is the first entry (its link spells "glue"), not the later one.
    expect(where(findings)).toEqual(['3:4 consistent-entry-name']);
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.message).toBe(
      '"OWASP Juice Shop" links to https://github.com/OWASP/glue, which is "OWASP Glue" at 7:4 — fix this link, or this name if it is "OWASP Glue" too',
    );
    expect(findings[0]!.data).toMatchObject({ url: 'https://github.com/OWASP/glue', otherName: 'OWASP Glue', other: { line: 7, column: 4 } });
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('leaves two names alone when the link bears neither, or both (an acronym and its expansion)', () => {
    const md = [
      '## One',
      '',
      '- [MacVirtue](https://naden.co) - Window manager.',
      '- [AOS](https://michalsnik.github.io/aos/) - Animations.',
      '- [Copycat](https://github.com/a/stealing-models) - Surrogate models.',
      '',
      '## Two',
      '',
      '- [Luminescent](https://naden.co) - Colour picker.',
      '- [Animate On Scroll](https://michalsnik.github.io/aos/) - Animations.',
      '- [Stealing Models](https://github.com/a/stealing-models) - Same repository.',
      '',
    ].join('\n');
    // Only the third pair has evidence: the repository is "stealing-models", and "Copycat" relates to nothing in it.
    expect(where(checkText(md, rules))).toEqual(['5:4 consistent-entry-name']);
  });

  it('does not count case, spacing, punctuation, asides or longer forms of the name', () => {
    const md = [
      '- [OpenPubKey](https://github.com/openpubkey/openpubkey)',
      '- [Openpubkey](https://github.com/openpubkey/openpubkey)',
      '- [Open Pub-Key (protocol)](https://github.com/openpubkey/openpubkey)',
      '- [hatch](https://github.com/pypa/hatch)',
      '- [hatchling](https://github.com/pypa/hatch)',
      '- [Trivy](https://trivy.dev)',
      '- [Trivy Vulnerability Scanner](https://trivy.dev)',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });

  it('leaves link labels and description links alone', () => {
    const md = [
      '- [Alpha](https://alpha.dev) - Scanner. [GitHub](https://github.com/a/alpha)',
      '- [GitHub](https://github.com/a/alpha) - Same repository, labelled.',
      '- [Beta](https://beta.dev) - Uses [the alpha scanner](https://alpha.dev).',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });
});

describe('consistent-entry-name: one name, several links', () => {
  it('reports the link whose repository names something else, naming the entry that fits', () => {
    const md = [
      '| Stage | Tool | About |',
      '| --- | --- | --- |',
      '| 4 | [Leakscan](https://github.com/acme/hashcrack) | Finds secrets. |',
      '| 5 | [Leakscan](https://github.com/acme/leakscan) | Finds secrets. |',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    // The earlier entry is the defect: its repository is "hashcrack".
    expect(where(findings)).toEqual(['3:8 consistent-entry-name']);
    expect(findings[0]!.message).toBe(
      '"Leakscan" links to https://github.com/acme/hashcrack (hashcrack) here but to https://github.com/acme/leakscan at 4:8 — fix this link, or rename this entry if it is something else',
    );
  });

  it('leaves one name for two plausible links alone: vendor pages, store pages, an acronym of the repository', () => {
    const md = [
      '- [sq](https://github.com/neilotoole/sq) - Data wrangling.',
      '- [sq](https://github.com/bokwoon95/go-structured-query) - Query builder.',
      '- [Cat Facts](https://catfact.ninja/) - Facts.',
      '- [Cat Facts](https://alexwohlbruck.github.io/cat-facts/) - More facts.',
      '- [Responsive Viewer](https://chrome.google.com/webstore/detail/responsive-viewer/inmopeiepg) - Chrome.',
      '- [Responsive Viewer](https://addons.mozilla.org/en-US/firefox/addon/responsify-viewer/) - Firefox.',
      '- [EarlyStopping](https://keras.io/api/callbacks/early_stopping/) - Stops training.',
      '- [EarlyStopping](https://scikit-learn.org/stable/modules/model_evaluation.html) - Metrics.',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });

  it('takes "Website", "Docs", "Paper" and names used for three or more links as labels', () => {
    const md = [
      '- [Website](https://alpha.dev)',
      '- [Website](https://beta.dev)',
      '- [Docs](https://alpha.dev/docs)',
      '- [Docs](https://gamma.dev/manual)',
      '- [Paper](https://arxiv.org/abs/1)',
      '- [Paper](https://arxiv.org/abs/2)',
      '- [Slides](https://x.dev/s)',
      '- [Slides](https://y.dev/s)',
      '- [Demo](https://one.dev/)',
      '- [Demo](https://two.dev/)',
      '- [Widget](https://one.dev/)',
      '- [Widget](https://two.dev/)',
      '- [Widget](https://three.dev/)',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });

  it('accepts a repository and a page below it, and two things each named in its own link', () => {
    const md = [
      '- [Gitleaks](https://github.com/gitleaks/gitleaks)',
      '- [Gitleaks](https://github.com/gitleaks/gitleaks/blob/master/README.md#usage)',
      '- [Stacks](https://github.com/stackshareio/awesome-stacks)',
      '- [Stacks](https://github.com/friedger/awesome-stacks-chain)',
      '- [FunASR](https://github.com/modelscope/FunASR)',
      '- [Fun-ASR](https://github.com/FunAudioLLM/Fun-ASR)',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });

  it('reads nested names with their parents, and skips titles', () => {
    const md = [
      '- [R](https://github.com/qinwf/awesome-R)',
      '  - [Starter kit](https://github.com/a/r-things)',
      '- [Common Lisp](https://github.com/CodyReichert/awesome-cl)',
      '  - [Starter kit](https://github.com/b/lisp-things)',
      '- [Deep Learning in Production](https://www.amazon.com/gp/product/6180033773)',
      '- [Deep Learning in Production](https://github.com/someone/dl-notes)',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });
});

describe('consistent-entry-name: reference files', () => {
  const s002 = seed('002');
  (s002 ? it : it.skip)('seed 002: Sonarqube on the Nexus link (twice) and EarlyStopping on a scikit-learn page, each reported once', () => {
    // tool-name-matches-link explains all three (known tools on another known tool's page).
    const all = checkText(s002!).filter((f) => f.ruleId === 'consistent-entry-name' || f.ruleId === 'tool-name-matches-link');
    expect(all.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(['111 tool-name-matches-link', '155 tool-name-matches-link', '219 tool-name-matches-link']);
    // Without it, the two Sonarqube entries disagree with the link that spells "Nexus Repository".
    const config = resolveConfig({ rules: { 'tool-name-matches-link': 'off' } });
    const findings = checkText(s002!, rules, { config });
    expect(findings.map((f) => f.span.start.line)).toEqual([111, 219]);
    expect(findings[0]!.message).toContain('"Sonarqube" links to https://www.sonatype.com/products/sonatype-nexus-repository, which is "Nexus Repository" at 102:83');
  });

  itStaysWithinBoundsOnCorpus(rules, 2);
});
