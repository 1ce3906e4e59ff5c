import { describe, it, expect } from '@jest/globals';
import { ToolRegistry, nameDistance, normalizeName } from '../../../src/core/names/tool-registry.js';
import { TOOL_REGISTRY_DATA } from '../../../src/core/names/tool-registry-data.js';

const registry = new ToolRegistry();

describe('registry data', () => {
  it('holds at least 150 tools with unique names and non-empty homes', () => {
    expect(TOOL_REGISTRY_DATA.length).toBeGreaterThanOrEqual(150);
    const names = new Set<string>();
    for (const e of TOOL_REGISTRY_DATA) {
      expect(e.homes.length).toBeGreaterThan(0);
      expect(names.has(normalizeName(e.name))).toBe(false);
      names.add(normalizeName(e.name));
    }
  });

  it('never uses a bare code host or registry as a home', () => {
    const bare = /^(github\.com|gitlab\.com|bitbucket\.org|pypi\.org|npmjs\.com|huggingface\.co|medium\.com)\/?$/;
    for (const e of TOOL_REGISTRY_DATA) for (const h of e.homes) expect(h).not.toMatch(bare);
  });
});

describe('toolForUrl', () => {
  it.each([
    ['https://gitleaks.io/', 'Gitleaks'],
    ['https://docs.snyk.io/scan-using-snyk/snyk-container/scan-container-images', 'Snyk'],
    ['https://app.snyk.io/login', 'Snyk'],
    ['https://docs.docker.com/scout/', 'Docker Scout'],
    ['https://docs.docker.com/reference/cli/docker/buildx/build/', 'Docker'],
    ['https://www.defectdojo.org/', 'DefectDojo'],
    ['https://github.com/DefectDojo/django-DefectDojo', 'DefectDojo'],
    ['https://www.sonatype.com/products/sonatype-nexus-repository', 'Sonatype Nexus Repository'],
    ['https://www.sonatype.com/', 'Sonatype'],
    ['https://keras.io/api/callbacks/early_stopping/', 'Keras EarlyStopping'],
    ['https://keras.io/api/', 'Keras'],
    ['https://scikit-learn.org/stable/modules/model_evaluation.html', 'scikit-learn model evaluation'],
    ['https://GitHub.com/AquaSecurity/Trivy/blob/main/README.md', 'Trivy'],
    ['https://github.com/aquasecurity/trivy-operator', 'Trivy Operator'],
    ['https://learn.microsoft.com/en-us/azure/key-vault/general/overview', 'Azure Key Vault'],
    ['https://aws.amazon.com/kms/', 'AWS Key Management Service'],
  ])('%s → %s', (url, name) => {
    expect(registry.toolForUrl(url)?.name).toBe(name);
  });

  it('knows nothing of unrelated or unparsable URLs', () => {
    expect(registry.toolForUrl('https://github.com/someone/something')).toBeUndefined();
    expect(registry.toolForUrl('https://example.com/')).toBeUndefined();
    expect(registry.toolForUrl('')).toBeUndefined();
  });

  it('lets extra entries from the config win over the built-in data', () => {
    const custom = new ToolRegistry([{ name: 'Our Scanner', homes: ['gitleaks.io/ours'] }]);
    expect(custom.toolForUrl('https://gitleaks.io/ours/x')?.name).toBe('Our Scanner');
    expect(custom.toolForUrl('https://gitleaks.io/')?.name).toBe('Gitleaks');
  });
});

describe('closestKnownName', () => {
  it('treats case, spacing and hyphens as the same name', () => {
    expect(registry.closestKnownName('Defect Dojo')).toMatchObject({ entry: { name: 'DefectDojo' }, distance: 0 });
    expect(registry.closestKnownName('Tflint')).toMatchObject({ entry: { name: 'TFLint' }, distance: 0 });
    expect(registry.closestKnownName('scikit learn')).toMatchObject({ entry: { name: 'scikit-learn' }, distance: 0 });
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(registry.closestKnownName('Synk')).toMatchObject({ entry: { name: 'Snyk' }, distance: 1 });
    expect(registry.closestKnownName('Gitleak')).toMatchObject({ entry: { name: 'Gitleaks' }, distance: 1 });
  });

  it('allows two edits only from seven letters on, and none below four', () => {
    expect(registry.closestKnownName('Kubernts')?.entry.name).toBe('Kubernetes');
    expect(registry.closestKnownName('Snk')).toBeUndefined();
    expect(registry.closestKnownName('Grfna')).toBeUndefined(); // two edits in a five-letter name
    expect(registry.closestKnownName('DVD')).toBeUndefined();
    expect(registry.closestKnownName('DVC')?.distance).toBe(0);
  });

  it('returns nothing for ordinary words', () => {
    for (const w of ['spring', 'notion', 'sketch', 'unity', 'atom', 'discord', 'zoom', 'asana', 'obsidian']) {
      expect(registry.closestKnownName(w)).toBeUndefined();
    }
  });
});

describe('nameDistance', () => {
  it('is restricted Damerau-Levenshtein', () => {
    expect(nameDistance('synk', 'snyk')).toBe(1);
    expect(nameDistance('abc', 'abc')).toBe(0);
    expect(nameDistance('ca', 'abc')).toBe(3);
    expect(nameDistance('kitten', 'sitting')).toBe(3);
  });
});
