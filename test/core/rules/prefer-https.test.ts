import { describe, it, expect } from '@jest/globals';
import { preferHttps, isLocalOrReserved } from '../../../src/core/rules/prefer-https.js';
import { itStaysWithinBoundsOnCorpus } from '../../helpers/corpus-bound.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';
import { readShared, seed } from '../../helpers/shared-files.js';

const rules = [preferHttps];

describe('prefer-https with link checks', () => {
  const md = '- [Bandit](http://bandit.readthedocs.io/en/latest/) - Linter.\n- [Old](http://old-site.dev/) - No https.\n';
  const facts = { titlesFor: () => [], httpsWorks: (url: string) => url.startsWith('http://bandit') };

  it('fixes a link whose https twin serves the same site, and drops one where https is not served', () => {
    const findings = checkText(md, [preferHttps], { facts });
    expect(where(findings)).toEqual(['1:12 prefer-https']);
    expect(findings[0]!.message).toContain('the site serves the same page over https');
    expect(fixText(md, [preferHttps], { facts })).toBe(md.replace('http://bandit', 'https://bandit'));
    // Offline (nothing known) both are reported, neither is fixed.
    expect(where(checkText(md, [preferHttps]))).toEqual(['1:12 prefer-https', '2:9 prefer-https']);
  });
});

describe('prefer-https', () => {
  it('reports http:// links at their URL, suggesting https but fixing nothing', () => {
    const md = '- [Singa](http://singa.apache.org/en/index.html) - Distributed training.\n';
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['1:11 prefer-https']);
    expect(findings[0]!.message).toBe('http://singa.apache.org/en/index.html is not encrypted — use https:// if the site serves it');
    expect(findings[0]!.suggestion).toBe('https://singa.apache.org/en/index.html');
    expect(findings[0]!.span.end.column).toBe(48);
    expect(findings[0]!.data).toEqual({ url: 'http://singa.apache.org/en/index.html' });
    expect(findings[0]!.fix).toBeUndefined();
    expect(fixText(md, rules)).toBe(md);
  });

  it('covers images, HTML, bare URLs and reference definitions (once)', () => {
    const md = [
      '![logo](http://cdn.tool.dev/logo.png)',
      '',
      '<p><a href="HTTP://Tool.dev/">Tool</a></p>',
      '',
      'See http://tool.dev/docs for more, [A][a] and [B][a].',
      '',
      '[a]: http://tool.dev/a',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['1:9 prefer-https', '3:13 prefer-https', '5:5 prefer-https', '7:6 prefer-https']);
    expect(findings.map((f) => f.suggestion)).toEqual(['https://cdn.tool.dev/logo.png', 'https://Tool.dev/', 'https://tool.dev/docs', 'https://tool.dev/a']);
  });

  it('skips local, private and reserved example hosts', () => {
    const md = [
      '- [a](http://localhost:3000/)',
      '- [b](http://127.0.0.1/)',
      '- [c](http://192.168.1.10/admin)',
      '- [d](http://10.0.0.1)',
      '- [e](http://172.20.0.1)',
      '- [f](http://printer.local/)',
      '- [g](http://example.com/docs)',
      '- [h](http://api.example.org/)',
      '- [i](http://service.test/)',
      '- [j](http://jenkins:8080/)',
      '- [k](http://[::1]:8080/)',
      '- [l](https://secure.dev/)',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
    expect(isLocalOrReserved('gobyexample.com')).toBe(false);
    expect(isLocalOrReserved('172.32.0.1')).toBe(false);
  });

  const privateFile = readShared('peers', 'lychee', 'TEST_ALL_PRIVATE.md');
  (privateFile ? it : it.skip)('lychee fixtures: private addresses and example domains are skipped, look-alikes are not', () => {
    expect(checkText(privateFile!, rules)).toEqual([]);
    const examples = readShared('peers', 'lychee', 'TEST_EXAMPLE_DOMAINS.md');
    if (examples) expect(checkText(examples, rules)).toEqual([]);
    const lookalikes = readShared('peers', 'lychee', 'TEST_EXAMPLE_DOMAINS_FALSE_POSITIVES.md');
    if (lookalikes) {
      expect(checkText(lookalikes, rules).map((f) => f.data?.url)).toEqual([
        'http://gobyexample.com/',
        'http://foo.isnotinvalid',
        'http://foo.bar.invalid2',
        'http://integration.text',
      ]);
    }
  });

  const s002 = seed('002');
  (s002 ? it : it.skip)('seed 002 has no http:// link', () => {
    expect(checkText(s002!, rules)).toEqual([]);
  });

  itStaysWithinBoundsOnCorpus(rules, 5);
});
