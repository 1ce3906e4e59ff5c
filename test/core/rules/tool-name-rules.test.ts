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

describe('tool-name-matches-link', () => {
  it('flags a name that belongs to another tool than its link', () => {
    const md = '- [Sonarqube](https://www.sonatype.com/products/sonatype-nexus-repository) - Code quality.\n';
    const findings = checkText(md, [toolNameMatchesLink]);
    expect(where(findings)).toEqual(['1:4 tool-name-matches-link']);
    expect(findings[0]!.message).toMatch(/^"Sonarqube" links to Sonatype Nexus Repository \(sonatype\.com\), a different tool; .* — fix the link or the name$/);
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
