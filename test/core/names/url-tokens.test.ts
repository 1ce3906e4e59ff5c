import { describe, it, expect } from '@jest/globals';
import { segmentTokens, splitCamel, urlHost, urlTokens } from '../../../src/core/names/url-tokens.js';

describe('urlTokens', () => {
  it('drops www and TLDs from the host', () => {
    expect(urlTokens('https://www.gitleaks.io/')).toEqual(['gitleaks']);
    expect(urlTokens('https://h2o.ai')).toEqual(['h2o']);
  });

  it('drops generic sub-domains such as docs and api', () => {
    expect(urlTokens('https://docs.snyk.io/')).toEqual(['snyk']);
    expect(urlTokens('https://api.slack.com/messaging/webhooks')).toEqual(['slack', 'messaging', 'webhooks']);
  });

  it('splits camelCase and keeps joined forms of GitHub owner and repository', () => {
    expect(urlTokens('https://github.com/DefectDojo/django-DefectDojo')).toEqual([
      'defect',
      'dojo',
      'defectdojo',
      'django',
      'djangodefectdojo',
    ]);
  });

  it('splits snake_case path segments and keeps the joined form', () => {
    const tokens = urlTokens('https://keras.io/api/callbacks/early_stopping/');
    expect(tokens).toEqual(expect.arrayContaining(['keras', 'callbacks', 'early', 'stopping', 'earlystopping']));
  });

  it('reads query values such as a marketplace itemName', () => {
    expect(urlTokens('https://marketplace.visualstudio.com/items?itemName=trunk.io')).toContain('trunk');
  });

  it('drops file extensions, noise segments and opaque identifiers', () => {
    expect(urlTokens('https://scikit-learn.org/stable/modules/model_evaluation.html')).toEqual([
      'scikit',
      'learn',
      'scikitlearn',
      'stable',
      'modules',
      'model',
      'evaluation',
      'modelevaluation',
    ]);
    expect(urlTokens('https://podcasts.google.com/?feed=aHR0cHM6Ly9hbmNob3IuZm0vcy8xNzRjYjFiOC9wb2RjYXN0L3Jzcw')).toEqual([
      'podcasts',
    ]);
    expect(urlTokens('https://github.com/owner/repo/blob/main/README.md')).toEqual(['owner', 'repo']);
  });

  it('keeps the owner of a github.io site', () => {
    expect(urlTokens('https://aquasecurity.github.io/trivy/')).toEqual(['aquasecurity', 'trivy']);
  });

  it('returns nothing for what is not a URL', () => {
    expect(urlTokens('')).toEqual([]);
    expect(urlTokens('not a url')).toEqual([]);
  });
});

describe('helpers', () => {
  it('splitCamel handles acronyms', () => {
    expect(splitCamel('TFLint')).toEqual(['TF', 'Lint']);
    expect(splitCamel('EarlyStopping')).toEqual(['Early', 'Stopping']);
    expect(splitCamel('getHTTPResponse')).toEqual(['get', 'HTTP', 'Response']);
  });

  it('segmentTokens joins pieces', () => {
    expect(segmentTokens('sonatype-nexus-repository')).toEqual([
      'sonatype',
      'nexus',
      'repository',
      'sonatypenexus',
      'nexusrepository',
      'sonatypenexusrepository',
    ]);
  });

  it('urlHost lower-cases and drops www', () => {
    expect(urlHost('https://WWW.DefectDojo.org/x')).toBe('defectdojo.org');
    expect(urlHost('::')).toBeUndefined();
  });
});
