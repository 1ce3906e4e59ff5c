import { describe, it, expect } from '@jest/globals';
import { checkSource, fixSource } from '../../../src/core/check-source.js';
import type { Finding } from '../../../src/core/findings/types.js';

/** `line ruleId severity` of each finding, for comparing a list with its HTML twin. */
const brief = (findings: Finding[]) => findings.map((f) => `${f.span.start.line} ${f.ruleId} ${f.severity}`).sort();

/** One entry per line: `[name, url, description]`; a blank name row closes a section. */
type Row = [string, string, string];
const SCANNERS: Row[] = [
  ['Trivy', 'https://github.com/aquasecurity/trivy', 'Finds vulnerabilities in containers.'],
  ['Gitleak', 'https://github.com/gitleaks/gitleaks', 'Finds secrets in git history.'],
  ['Semgrep', 'https://semgrep.dev/?utm_source=awesome-list', 'Static analysis for many languages.'],
  ['Trivy', 'https://github.com/aquasecurity/trivy', 'Finds vulnerabilities in containers.'],
  ['Scanner', '', 'Nothing here yet.'],
  ['OWASP Glue', 'https://github.com/OWASP/glue', 'Ruby security pipeline.'],
];
const DATA: Row[] = [
  ['Featuretools', 'https://github.com/databricks/koalas', 'Automated feature engineering.'],
  ['Koalas', 'https://github.com/alteryx/featuretools', 'pandas API on Spark.'],
  ['OWASP Juice Shop', 'https://github.com/OWASP/glue', 'An insecure web app for training.'],
];

/** The same list as Markdown items and as `<li>` items, line for line. */
function list(item: (row: Row) => string, open: string, close: string): string {
  return ['# Awesome Security', '', '## Scanners', '', open, ...SCANNERS.map(item), close, '', '## Data', '', open, ...DATA.map(item), close].join('\n');
}
const MARKDOWN = list(([n, u, d]) => `- [${n}](${u}) - ${d}`, '', '');
const HTML = list(([n, u, d]) => `  <li><a href="${u}">${n}</a> - ${d}</li>`, '<ul>', '</ul>');

describe('every check of Markdown entries works on <li> entries', () => {
  it('reports the same defects on the same lines as in the Markdown list', () => {
    const markdown = brief(checkSource('md.md', MARKDOWN).findings);
    // The Markdown list shows each rule at least once (so this comparison means something).
    for (const rule of ['no-duplicate-entry', 'no-tracking-params', 'tool-name-spelling', 'tool-name-matches-link', 'consistent-entry-name', 'no-empty-link']) {
      expect(markdown.some((f) => f.includes(` ${rule} `))).toBe(true);
    }
    expect(brief(checkSource('html.md', HTML).findings)).toEqual(markdown);
  });

  it('reports an exact duplicate <li> and a utm_source link in an <li>, and fixes both', () => {
    const source = [
      '## Tools',
      '',
      '<ul>',
      '<li><a href="https://github.com/aquasecurity/trivy">Trivy</a> - Finds vulnerabilities.</li>',
      '<li><a href="https://semgrep.dev/?utm_source=list&amp;lang=en">Semgrep</a> - Static analysis.</li>',
      '<li><a href="https://github.com/aquasecurity/trivy">Trivy</a> - Finds vulnerabilities.</li>',
      '</ul>',
      '',
    ].join('\n');
    const findings = checkSource('l.md', source).findings;
    expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.severity}`)).toEqual(['5:14 no-tracking-params warning', '6:5 no-duplicate-entry error']);
    expect(findings[1]!.message).toContain('already listed at 4:5 ("Trivy")');
    const fixed = fixSource('l.md', source).output;
    expect(fixed).toBe(
      [
        '## Tools',
        '',
        '<ul>',
        '<li><a href="https://github.com/aquasecurity/trivy">Trivy</a> - Finds vulnerabilities.</li>',
        '<li><a href="https://semgrep.dev/?lang=en">Semgrep</a> - Static analysis.</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });
});

/** A generated list's project: the summary names it, the list inside holds its links. */
function project(name: string, repo: string, pkg: string, downloads: string): string[] {
  return [
    `<details><summary><b><a href="https://github.com/${repo}">${name}</a></b> (⭐ 20K) - Similarity search for ${name.toLowerCase()} users. <code>MIT</code></summary>`,
    '',
    `- [GitHub](https://github.com/${repo}) (🔀 2K):`,
    '',
    '\t```',
    `\tgit clone https://github.com/${repo}`,
    '\t```',
    `- [PyPi](https://pypi.org/project/${pkg}) (📥 ${downloads} / month):`,
    '\t```',
    `\tpip install ${pkg}`,
    '\t```',
    '</details>',
  ];
}

describe('projects in <details>: sub-links are links, never entries', () => {
  // Faiss is listed first (a higher score) and its PyPi sub-link wrongly points to pymilvus.
  const GENERATED = ['# Best Vector Search', '', '## Vector Databases', '', ...project('Faiss', 'facebookresearch/faiss', 'pymilvus', '800K'), ...project('Milvus', 'milvus-io/milvus', 'pymilvus', '800K'), ''].join('\n');
  const milvusPypiLine = GENERATED.split('\n').lastIndexOf('- [PyPi](https://pypi.org/project/pymilvus) (📥 800K / month):') + 1;
  const faissPypiLine = GENERATED.split('\n').indexOf('- [PyPi](https://pypi.org/project/pymilvus) (📥 800K / month):') + 1;

  it('deletes nothing: two projects sharing a PyPi sub-link are not duplicate entries', () => {
    expect(milvusPypiLine).toBeGreaterThan(faissPypiLine);
    const findings = checkSource('best.md', GENERATED).findings;
    expect(findings.filter((f) => f.ruleId === 'no-duplicate-entry')).toEqual([]);
    expect(fixSource('best.md', GENERATED).output).toBe(GENERATED);
  });

  it("reports Faiss's sub-link that is Milvus's package, with no fix", () => {
    const findings = checkSource('best.md', GENERATED).findings.filter((f) => f.severity !== 'info');
    expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual([`${faissPypiLine}:3 tool-name-matches-link`]);
    expect(findings[0]!.message).toBe(
      `"Faiss" lists https://pypi.org/project/pymilvus as its "PyPi" link, which is the package of "Milvus" at 17:${GENERATED.split('\n')[16]!.indexOf('>Milvus<') + 2} — fix this link`,
    );
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('stays quiet when each project lists its own package, or when both names fit a shared one', () => {
    const own = ['## V', '', ...project('Faiss', 'facebookresearch/faiss', 'faiss-cpu', '1M'), ...project('Milvus', 'milvus-io/milvus', 'pymilvus', '800K'), ''].join('\n');
    expect(checkSource('own.md', own).findings).toEqual([]);
    const family = ['## V', '', ...project('Milvus', 'milvus-io/milvus', 'pymilvus', '800K'), ...project('Milvus Lite', 'milvus-io/milvus-lite', 'pymilvus', '800K'), ''].join('\n');
    expect(checkSource('family.md', family).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('checks sub-links as links (tracking parameters, fixed) and names the project, not its labels', () => {
    const source = ['## V', '', ...project('Milvus', 'milvus-io/milvus', 'pymilvus', '800K').map((l) => l.replace('https://pypi.org/project/pymilvus)', 'https://pypi.org/project/pymilvus?utm_source=best-of)')), ''].join('\n');
    const findings = checkSource('s.md', source).findings;
    expect(findings.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(['10 no-tracking-params']);
    expect(fixSource('s.md', source).output).toBe(source.replace('?utm_source=best-of', ''));
  });

  it('spell-checks the project name in its summary and fixes it there', () => {
    const source = ['## V', '', ...project('Milvs', 'milvus-io/milvus', 'pymilvus', '800K'), ''].join('\n');
    const findings = checkSource('s.md', source).findings.filter((f) => f.ruleId === 'tool-name-spelling');
    expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column}`)).toEqual([`3:${source.split('\n')[2]!.indexOf('>Milvs<') + 2}`]);
    const fixed = fixSource('s.md', source).output;
    expect(fixed.split('\n')[2]).toContain('<b><a href="https://github.com/milvus-io/milvus">Milvus</a></b>');
    expect(fixed.split('\n').slice(3)).toEqual(source.split('\n').slice(3));
  });

  it('deletes a project twin whole, and only suggests deleting one whose sub-links differ', () => {
    const block = (pkg: string) => [
      '<details><summary><b><a href="https://github.com/milvus-io/milvus">Milvus</a></b> - Vector DB.</summary>',
      '',
      `- [PyPi](https://pypi.org/project/${pkg})`,
      '</details>',
    ];
    const twins = ['## V', '', ...block('pymilvus'), ...block('pymilvus'), ''].join('\n');
    expect(fixSource('t.md', twins).output).toBe(['## V', '', ...block('pymilvus'), ''].join('\n'));
    const differ = ['## V', '', ...block('pymilvus'), ...block('milvus-lite'), ''].join('\n');
    const dup = checkSource('d.md', differ).findings.filter((f) => f.ruleId === 'no-duplicate-entry');
    expect(dup.map((f) => [f.span.start.line, f.fix?.certain])).toEqual([[7, false]]);
    expect(fixSource('d.md', differ).output).toBe(differ);
  });

  it('fixes a link-less summary name where it is written, and never rewrites the GitHub label that links it', () => {
    const block = (summary: string) => ['## V', '', `<details><summary>${summary} - Vector DB.</summary>`, '', '- [GitHub](https://github.com/milvus-io/milvus)', '- [PyPi](https://pypi.org/project/pymilvus)', '</details>', ''].join('\n');
    const plain = block('<b>Milvs</b>');
    expect(checkSource('p.md', plain).findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual(['3:22 tool-name-spelling']);
    expect(fixSource('p.md', plain).output).toBe(block('<b>Milvus</b>'));
    // Written with an entity, the name cannot be replaced where it is: reported, not fixed.
    const entity = block('<b>Mil&#118;s</b>');
    const finding = checkSource('e.md', entity).findings.find((f) => f.ruleId === 'tool-name-spelling');
    expect(finding?.fix).toBeUndefined();
    expect(fixSource('e.md', entity).output).toBe(entity);
  });
});

