import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ToolRegistry, normalizeName } from '../../../src/core/names/tool-registry.js';
import { TOOL_REGISTRY_DATA } from '../../../src/core/names/tool-registry-data.js';
import { mismatchVerdict, spellingVerdict } from '../../../src/core/names/judge-name.js';

const registry = new ToolRegistry();

/** Link texts from the seed list that must never be flagged by either verdict. */
const FINE: [string, string][] = [
  ['Pre-Commit Hook Scans', 'https://pre-commit.com/'],
  ['AWS S3 bucket', 'https://aws.amazon.com/s3/'],
  ['Build image', 'https://docs.docker.com/reference/cli/docker/buildx/build/'],
  ['Trunk Check', 'https://marketplace.visualstudio.com/items?itemName=trunk.io'],
  ['Trivy Vulnerability Scanner', 'https://marketplace.visualstudio.com/items?itemName=AquaSecurityOfficial.trivy-vulnerability-scanner'],
  ['OWASP ZAP', 'https://www.zaproxy.org/'],
  ['ELK stack', 'https://www.elastic.co/elastic-stack'],
  ['Slack webhook', 'https://api.slack.com/messaging/webhooks'],
  ['Telegram Bot', 'https://core.telegram.org/bots/api'],
  ['HashiCorp Vault', 'https://www.hashicorp.com/products/vault'],
  ['AWS Key Management Service', 'https://aws.amazon.com/kms/'],
  ['Nessus', 'https://www.tenable.com/products/nessus'],
  ['Vigil', 'https://github.com/deadbits/vigil-llm'],
  ['TFlint', 'https://github.com/terraform-linters/tflint'],
  ['OpenSCAP', 'https://github.com/OpenSCAP/openscap'],
  ['MITRE ATLAS…', 'https://atlas.mitre.org/'],
  ['MITRE ATLAS', 'https://atlas.mitre.org/'],
  ['Defect Dojo', 'https://www.defectdojo.org/'],
  ['DefectDojo', 'https://github.com/DefectDojo/django-DefectDojo'],
  ['Gitleaks', 'https://gitleaks.io/'],
  ['Gitleaks Action', 'https://github.com/gitleaks/gitleaks-action'],
  ['Tenable.io', 'https://www.tenable.com/products/tenable-io'],
  ['SonarQube', 'https://www.sonarsource.com/products/sonarqube/'],
  ['Keras EarlyStopping', 'https://keras.io/api/callbacks/early_stopping/'],
  ['EarlyStopping', 'https://keras.io/api/callbacks/early_stopping/'],
  ['How MLSecOps Can Reshape AI Security', 'https://www.forbes.com/sites/forbestechcouncil/2024/05/how-mlsecops-can-reshape-ai-security/'],
  ['Securing Machine Learning Pipelines With DevSecOps', 'https://example.com/blog/post'],
  ['here', 'https://example.com/whatever'],
  ['website', 'https://docs.docker.com/scout/'],
];

describe('spellingVerdict', () => {
  it.each([
    ['Gitleak', 'https://gitleaks.io/', 'Gitleaks'],
    ['Synk', 'https://docs.snyk.io/scan-using-snyk/snyk-container/scan-container-images', 'Snyk'],
    ['Docker Scount', 'https://docs.docker.com/scout/', 'Docker Scout'],
    ['Deject Dojo', 'https://www.defectdojo.org/', 'DefectDojo'],
    ['Synk Container', 'https://docs.snyk.io/scan-using-snyk/snyk-container', 'Snyk Container'],
    ['Nexsus', 'https://www.sonatype.com/products/sonatype-nexus-repository', 'Nexus'],
    ['`Gitleak`', 'https://gitleaks.io/', 'Gitleaks'],
  ])('%s on %s → %s', (name, url, canonical) => {
    const v = spellingVerdict(name, url, registry);
    expect(v?.canonical).toBe(canonical);
    expect(v?.reason).toContain('misspelling');
  });

  it.each(FINE)('%s on %s is fine', (name, url) => {
    expect(spellingVerdict(name, url, registry)).toBeUndefined();
  });

  it('uses page titles and repository names', () => {
    expect(spellingVerdict('Tribble', 'https://example.com/x', registry, ['Tribbles - keep your pets'])?.canonical).toBe(
      'Tribbles',
    );
    expect(spellingVerdict('Foobarz', undefined, registry, ['acme/foobaz'])?.canonical).toBe('foobaz');
    expect(spellingVerdict('Tribbles', 'https://example.com/x', registry, ['Tribbles - keep your pets'])).toBeUndefined();
  });

  it('uses known names with support from the URL', () => {
    // The URL is not a registry home, but it mentions the tool.
    const v = spellingVerdict('Synk', 'https://example.com/blog/snyk-review', registry);
    expect(v?.canonical).toBe('Snyk');
    expect(v?.reason).toContain('"snyk"');
    expect(spellingVerdict('Synk Container', 'https://example.com/snyk/container', registry)?.canonical).toBe(
      'Snyk Container',
    );
  });

  it('uses known names without URL support only for typing slips in longer plain names', () => {
    expect(spellingVerdict('Kuberentes', 'https://medium.com/@someone/k8s-tips', registry)?.canonical).toBe('Kubernetes');
    expect(spellingVerdict('Promethues', undefined, registry)?.canonical).toBe('Prometheus');
    // Short names, changed letters, added letters and camelCase brands are other tools.
    for (const name of ['Synk', 'Tecton', 'Cython', 'polars', 'Falcon', 'KTransformers', 'LMFlow', 'PostgresML', 'Apache Falcon']) {
      expect(spellingVerdict(name, undefined, registry)).toBeUndefined();
    }
  });

  it('trusts a spelling the URL uses itself', () => {
    expect(spellingVerdict('Kuberentes', 'https://github.com/someone/kuberentes', registry)).toBeUndefined();
  });

  it('leaves a name that is exactly another known tool to the mismatch rule', () => {
    expect(spellingVerdict('Syft', 'https://github.com/anchore/grype', registry)).toBeUndefined();
  });

  it('never judges ambiguous ordinary words', () => {
    const words = ['notion', 'spring', 'sketch', 'unity', 'atom', 'discord', 'zoom', 'asana', 'obsidian'];
    const path = [
      join(process.cwd(), '..', 'shared', 'peers', 'awesome-lint', 'spell-check', 'ambiguous-words.md'),
      '/work/shared/peers/awesome-lint/spell-check/ambiguous-words.md',
    ].find((p) => existsSync(p));
    if (path !== undefined) {
      // Also every lower-case word of the peer's fixture of ordinary sentences.
      for (const w of readFileSync(path, 'utf8').match(/\b[a-z]{4,}\b/g) ?? []) words.push(w);
    }
    for (const w of words) {
      for (const url of ['https://example.com/', 'https://github.com/someone/project', 'https://docs.docker.com/scout/']) {
        expect(spellingVerdict(w, url, registry)).toBeUndefined();
        expect(mismatchVerdict(w, url, registry)).toBeUndefined();
      }
    }
  });

  it('accepts every registry name and alias on each of its homes, whatever the case', () => {
    for (const e of TOOL_REGISTRY_DATA) {
      for (const home of e.homes) {
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          for (const variant of [n, n.toLowerCase(), n.toUpperCase()]) {
            expect([variant, spellingVerdict(variant, `https://${home}`, registry)]).toEqual([variant, undefined]);
            expect([variant, mismatchVerdict(variant, `https://${home}`, registry)]).toEqual([variant, undefined]);
          }
        }
      }
    }
  });

  it('catches two swapped letters in a registry name on its own home', () => {
    let checked = 0;
    for (const e of TOOL_REGISTRY_DATA) {
      const n = e.name;
      if (/\s/.test(n) || normalizeName(n).length < 5) continue;
      const swapped = n.slice(0, 2) + (n[3] ?? '') + (n[2] ?? '') + n.slice(4);
      if (normalizeName(swapped) === normalizeName(n)) continue;
      const home = e.homes[0] ?? '';
      const v = spellingVerdict(swapped, `https://${home}`, registry);
      expect([swapped, v?.canonical]).toEqual([swapped, n]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never flags prose of more than four words, nor suggests the same name', () => {
    const word = fc.constantFrom('How', 'Snyk', 'Gitleak', 'Synk', 'Kuberentes', 'security', 'for', 'AI', 'Docker', 'Scount');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('https://gitleaks.io/', 'https://docs.snyk.io/x', 'https://example.com/'), (words, url) => {
        const name = words.join(' ');
        const v = spellingVerdict(name, url, registry);
        if (words.length > 4) {
          expect(v).toBeUndefined();
          expect(mismatchVerdict(name, url, registry)).toBeUndefined();
        }
        if (v !== undefined) expect(normalizeName(v.canonical)).not.toBe(normalizeName(name));
      }),
    );
  });
});

describe('mismatchVerdict', () => {
  it('Sonarqube on the Nexus Repository page names the tool the link is for', () => {
    const v = mismatchVerdict('Sonarqube', 'https://www.sonatype.com/products/sonatype-nexus-repository', registry);
    expect(v?.target).toBe('Sonatype Nexus Repository');
    expect(v?.reason).toContain('SonarQube');
  });

  it('EarlyStopping on the scikit-learn model evaluation page points to Keras', () => {
    const v = mismatchVerdict('EarlyStopping', 'https://scikit-learn.org/stable/modules/model_evaluation.html', registry);
    expect(v?.target).toBe('scikit-learn model evaluation');
    expect(v?.reason).toContain('Keras EarlyStopping');
    expect(v?.reason).toContain('keras.io/api/callbacks/early_stopping');
  });

  it('never a name that merely shares nothing with its link (no known tool owns it)', () => {
    expect(mismatchVerdict('DataFrameKit', 'https://github.com/someone/image-resizer', registry)).toBeUndefined();
    expect(mismatchVerdict('BetterTouchTool', 'https://folivora.ai/', registry)).toBeUndefined();
  });

  it('a known tool on the page of another known tool', () => {
    expect(mismatchVerdict('Grype', 'https://github.com/anchore/syft', registry)?.target).toBe('Syft');
  });

  it.each(FINE)('%s on %s is fine', (name, url) => {
    expect(mismatchVerdict(name, url, registry)).toBeUndefined();
  });

  it.each([
    ['KMS', 'https://aws.amazon.com/key-management-service/'],
    ['AwsKms', 'https://example.com/key-management-service'],
    ['OpenSearchDashboards', 'https://github.com/opensearch-project/OpenSearch-Dashboards'],
    ['PyTorch', 'https://github.com/pytorch/pytorch/tree/main/docs'],
    ['BentoML', 'https://github.com/bentoml/BentoML'],
    ['CometML', 'https://comet.ml'],
    ['MLOps.community', 'https://podcasts.google.com/?feed=aHR0cHM6Ly9hbmNob3IuZm0vcy8xNzRjYjFiOC9wb2RjYXN0L3Jzcw'],
    ['GitHub', 'https://github.com/'],
    ['Vault', 'https://example.com/secrets'],
  ])('shares something: %s on %s', (name, url) => {
    expect(mismatchVerdict(name, url, registry)).toBeUndefined();
  });

  it('counts the page titles as part of the target', () => {
    expect(mismatchVerdict('DataFrameKit', 'https://github.com/someone/x1', registry, ['DataFrameKit: frames for all'])).toBeUndefined();
  });
});
