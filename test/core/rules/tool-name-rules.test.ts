import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { toolNameSpelling } from '../../../src/core/rules/tool-name-spelling.js';
import { toolNameMatchesLink } from '../../../src/core/rules/tool-name-matches-link.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';

describe('tool-name-spelling', () => {
  it('suggests the canonical name in lists and HTML tables, and fixes it', () => {
    const md = [
      '- [Gitleak](https://gitleaks.io/) - Secrets.',
      '',
      '<table><tr><th>Tool</th></tr>',
      '<tr><td><a href="https://docs.docker.com/scout/">Docker Scount</a></td></tr>',
      '</table>',
      '',
    ].join('\n');
    const findings = checkText(md, [toolNameSpelling]);
    expect(where(findings)).toEqual(['1:4 tool-name-spelling', '4:50 tool-name-spelling']);
    expect(findings.map((f) => f.suggestion)).toEqual(['Gitleaks', 'Docker Scout']);
    expect(findings[0]!.message).toBe('"Gitleak" looks like a misspelling of "Gitleaks", the tool this link points to (gitleaks.io) — write "Gitleaks"');
    expect(fixText(md, [toolNameSpelling])).toBe(md.replace('[Gitleak]', '[Gitleaks]').replace('>Docker Scount<', '>Docker Scout<'));
  });

  it('leaves correct names, ordinary words and article titles alone', () => {
    const md = [
      '- [Gitleaks](https://gitleaks.io/) - Secrets.',
      '- [spring](https://example.org/seasons) - A season.',
      '- [How MLSecOps Can Reshape AI Security](https://news.example.com/mlsecops) - Article.',
      '',
    ].join('\n');
    expect(checkText(md, [toolNameSpelling])).toEqual([]);
  });

  it('can be silenced with a comment', () => {
    const md = '<!-- listwarden-disable-next-line tool-name-spelling -->\n- [Gitleak](https://gitleaks.io/) - Secrets.\n';
    expect(checkText(md, [toolNameSpelling])).toEqual([]);
  });
});

describe('tool-name-spelling from the entry\'s own evidence', () => {
  it('corrects a name against its repository, its site, its description or its "Source" link', () => {
    const md = [
      '- [HusckyCI](https://github.com/globocom/huskyci) - CI security checks.',
      '- [Patterfly](https://www.patternfly.org/) - PatternFly is an open source design system.',
      '- [Mealei](https://apps.apple.com/app/id123456) - Recipes. ([Source Code](https://github.com/mealie-recipes/mealie))',
      '- [Parliment](https://github.com/duo-labs/parliament) - Linter.',
      '',
    ].join('\n');
    const findings = checkText(md, [toolNameSpelling]);
    expect(findings.map((f) => `${f.span.start.line} ${f.suggestion} ${f.fix?.certain}`)).toEqual([
      '1 HuskyCI true',
      '2 PatternFly true',
      '3 Mealie true',
      '4 Parliament true',
    ]);
    expect(findings[2]!.message).toBe('"Mealei" looks like a misspelling of "Mealie", as its "Source Code" link spells it — write "Mealie"');
    expect(fixText(md, [toolNameSpelling])).toBe(
      md.replace('[HusckyCI]', '[HuskyCI]').replace('[Patterfly]', '[PatternFly]').replace('[Mealei]', '[Mealie]').replace('[Parliment]', '[Parliament]'),
    );
  });

  it('offers a site\'s spelling as a suggestion only, never a certain fix', () => {
    const md = '- [highcarts](https://www.highcharts.com/) - Charts.\n';
    const [finding] = checkText(md, [toolNameSpelling]);
    expect(finding?.suggestion).toBe('highcharts');
    expect(finding?.fix?.certain).toBe(false);
    expect(fixText(md, [toolNameSpelling])).toBe(md);
  });

  it('keeps the markup around a name, and is not sure when the name is written with escapes or entities', () => {
    const md = ['- [**Gitleak**](https://gitleaks.io/) - Secrets.', '- [_HusckyCI_](https://github.com/globocom/huskyci) - CI.', '- [Husc&#107;yCI](https://github.com/globocom/huskyci) - CI.', ''].join('\n');
    const findings = checkText(md, [toolNameSpelling]);
    expect(findings.map((f) => `${f.suggestion} ${f.fix?.certain}`)).toEqual(['Gitleaks true', 'HuskyCI true', 'HuskyCI false']);
    expect(fixText(md, [toolNameSpelling])).toBe(md.replace('**Gitleak**', '**Gitleaks**').replace('_HusckyCI_', '_HuskyCI_'));
  });

  it('leaves names the evidence spells, brands and letters a URL cannot write alone', () => {
    const md = [
      '- [Sup3rS3cretMes5age](https://github.com/algolia/sup3rS3cretMes5age) - Secrets.',
      '- [GoSƐ](https://codeberg.org/stv0g/gose) - Uploads.',
      '- [µStreamer](https://github.com/pikvm/ustreamer) - Video.',
      '- [Whiteboard](https://witeboard.com/) - Drawing.',
      '- [Logo Maker](https://logomakr.com/) - Logos.',
      '- [go-type](https://github.com/x/go-types) - Types.',
      '- [tumblr](https://github.com/x/gumblr) - Blog.',
      '',
    ].join('\n');
    expect(checkText(md, [toolNameSpelling])).toEqual([]);
  });
});

describe('generic link labels', () => {
  it('are never judged as tool names', () => {
    const md = [
      '- [TensorFlow](https://www.tensorflow.org/) - ML.',
      '  - [GitHub](https://github.com/tensorflow/tensorflow)',
      '  - [PyPi](https://pypi.org/project/tensorflow)',
      '- [REST](https://example.org/rest) - API. [GitHub](https://docs.github.com/en/rest) [arXiv](https://arxiv.org/help/api/user-manual)',
      '- [GitHub](https://docs.github.com/en/rest)',
      '- [Docs](https://a.example/docs)',
      '- [Docs](https://b.example/manual)',
      '- [Chrome](https://chrome.google.com/webstore/detail/x/abc)',
      '- [Firefox](https://addons.mozilla.org/en-US/firefox/addon/y/)',
      '',
    ].join('\n');
    expect(checkText(md).filter((f) => /^(?:tool-name|consistent-entry-name)/.test(f.ruleId))).toEqual([]);
  });
});

describe('tool-name-matches-link', () => {
  it('flags a name that belongs to another tool than its link', () => {
    const md = '- [Sonarqube](https://www.sonatype.com/products/sonatype-nexus-repository) - Code quality.\n';
    const findings = checkText(md, [toolNameMatchesLink]);
    expect(where(findings)).toEqual(['1:4 tool-name-matches-link']);
    expect(findings[0]!.message).toMatch(/^"Sonarqube" links to Sonatype Nexus Repository \(sonatype\.com\), a different tool; .* — fix the link or the name$/);
  });

  it('reports two entries with each other\'s links, each at itself', () => {
    const md = [
      '- [Featuretools](https://github.com/databricks/koalas) - Feature engineering.',
      '- [Koalas](https://github.com/alteryx/featuretools) - pandas on Spark.',
      '',
    ].join('\n');
    const findings = checkText(md, [toolNameMatchesLink]);
    expect(where(findings)).toEqual(['1:4 tool-name-matches-link', '2:4 tool-name-matches-link']);
    expect(findings[0]!.message).toBe(
      '"Featuretools" and "Koalas" at 2:4 have each other\'s links (https://github.com/databricks/koalas names "Koalas", https://github.com/alteryx/featuretools names "Featuretools") — swap the two links',
    );
  });

  it('reports a swap even when each name shares a word with its wrong link', () => {
    const md = [
      '- [AlpacaEval](https://github.com/openai/evals) - Evaluates chat models.',
      '- [Evals](https://github.com/tatsu-lab/alpaca_eval) - Evaluates models.',
      '- [cachetools](https://github.com/sqlalchemy/dogpile.cache) - Caching.',
      '- [dogpile.cache](https://github.com/tkem/cachetools) - Caching.',
      '',
    ].join('\n');
    expect(where(checkText(md, [toolNameMatchesLink]))).toEqual(['1:4 tool-name-matches-link', '2:4 tool-name-matches-link', '3:4 tool-name-matches-link', '4:4 tool-name-matches-link']);
  });

  it('reports a link whose repository is another tool the list lists elsewhere', () => {
    const md = [
      '- [CloudQuery](https://www.cloudquery.io/) - Asset inventory.',
      '- [S3Scanner](https://github.com/cloudquery/cloudquery) - Finds open buckets.',
      '',
    ].join('\n');
    const findings = checkText(md, [toolNameMatchesLink]);
    expect(where(findings)).toEqual(['2:4 tool-name-matches-link']);
    expect(findings[0]!.message).toBe(
      '"S3Scanner" links to https://github.com/cloudquery/cloudquery, which is "CloudQuery", listed at 1:4 with another link — fix the link or the name',
    );
  });

  it('never reports a name only for sharing nothing with its link', () => {
    const md = [
      '- [BetterTouchTool](https://folivora.ai/) - Gestures.',
      '- [TMDb](https://www.themoviedb.org/) - Movies.',
      '- [DDraceNetwork](https://ddnet.org/) - Game.',
      '- [CyTube](https://github.com/calzoneman/sync) - Watch together.',
      '- [ProBoard](https://apps.apple.com/app/id6748314346) - Clipboard.',
      '- [qScan](https://github.com/quantakrypto/pqc-tools) - Crypto inventory.',
      '- [Pipeline Conversations](https://podcast.zenml.io/) - Podcast.',
      '- [ZenML](https://zenml.io/) - Pipelines.',
      '- [Inference](https://github.com/roboflow/inference) - Serving.',
      '- [MLPerf Inference](https://github.com/mlcommons/inference) - Benchmark.',
      '',
    ].join('\n');
    expect(checkText(md, [toolNameMatchesLink])).toEqual([]);
  });

  it('accepts descriptive names that share a word with the link', () => {
    const md = [
      '- [Pre-Commit Hook Scans](https://pre-commit.com/) - Hooks.',
      '- [AWS Key Management Service](https://aws.amazon.com/kms/) - Keys.',
      '- [OWASP ZAP](https://www.zaproxy.org/) - Scanner.',
      '',
    ].join('\n');
    expect(checkText(md, [toolNameMatchesLink])).toEqual([]);
  });
});

const seed = '../shared/seeds/002_677f36e97807c53a.md';
(existsSync(seed) ? describe : describe.skip)('on the seed list', () => {
  it('finds every misspelt and mislabelled tool with the canonical names', () => {
    const findings = checkText(readFileSync(seed, 'utf8'), [toolNameSpelling, toolNameMatchesLink]);
    const spelling = findings.filter((f) => f.ruleId === 'tool-name-spelling').map((f) => `${f.span.start.line} ${f.suggestion}`);
    expect(spelling).toEqual(['107 Gitleaks', '215 Gitleaks', '266 Snyk', '270 Docker Scout', '354 DefectDojo']);
    const mismatch = findings.filter((f) => f.ruleId === 'tool-name-matches-link').map((f) => f.span.start.line);
    expect(mismatch).toEqual([111, 155, 219]);
  });
});
