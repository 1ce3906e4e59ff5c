import { describe, it, expect } from '@jest/globals';
import { consistentEntryName } from '../../../src/core/rules/consistent-entry-name.js';
import { itStaysWithinBoundsOnCorpus } from '../../helpers/corpus-bound.js';
import { checkText, where } from '../../helpers/check-text.js';
import { seed } from '../../helpers/shared-files.js';

const rules = [consistentEntryName];

describe('consistent-entry-name: one link, several names', () => {
  it('reports the later name, naming the first one and its place', () => {
    const md = [
      '## Stage 2',
      '',
      '- [Nexus Repository](https://www.sonatype.com/products/sonatype-nexus-repository) - Artifact store.',
      '',
      '## Stage 3',
      '',
      '- [Sonarqube](https://sonatype.com/products/sonatype-nexus-repository/) - Code quality.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['7:4 consistent-entry-name']);
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.message).toBe(
      'https://sonatype.com/products/sonatype-nexus-repository/ is listed as "Nexus Repository" at 3:4 but as "Sonarqube" here — use one name for one link, or fix the link if "Sonarqube" is something else',
    );
    expect(findings[0]!.data).toMatchObject({ url: 'https://sonatype.com/products/sonatype-nexus-repository/' });
    expect(findings[0]!.fix).toBeUndefined();
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
  it('reports a tool name used for two unrelated links at the later one', () => {
    const md = [
      '| Stage | Tool | About |',
      '| --- | --- | --- |',
      '| 4 | [EarlyStopping](https://keras.io/api/callbacks/early_stopping/) | Stops training. |',
      '| 5 | [EarlyStopping](https://scikit-learn.org/stable/modules/model_evaluation.html) | Metrics. |',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['4:8 consistent-entry-name']);
    expect(findings[0]!.message).toBe(
      '"EarlyStopping" links to https://scikit-learn.org/stable/modules/model_evaluation.html here but to https://keras.io/api/callbacks/early_stopping/ at 3:8 — fix the wrong link, or rename one entry if they are different things',
    );
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
  (s002 ? it : it.skip)('seed 002: Sonarqube on the Nexus link (twice) and EarlyStopping on a scikit-learn page', () => {
    const findings = checkText(s002!, rules);
    expect(findings.map((f) => f.span.start.line)).toEqual([111, 155, 219]);
    expect(findings[0]!.message).toContain('is listed as "Nexus Repository" at 102:83 but as "Sonarqube" here');
    expect(findings[1]!.message).toContain('"EarlyStopping" links to https://scikit-learn.org/stable/modules/model_evaluation.html here but to https://keras.io/api/callbacks/early_stopping/ at 146:70');
  });

  itStaysWithinBoundsOnCorpus(rules, 2);
});
