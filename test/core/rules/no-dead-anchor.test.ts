import { describe, it, expect } from '@jest/globals';
import { MAX_SLUG_COMPARISONS, noDeadAnchor } from '../../../src/core/rules/no-dead-anchor.js';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import type { Finding } from '../../../src/core/findings/types.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';
import { corpusLists, readShared, seed } from '../../helpers/shared-files.js';

const rules = [noDeadAnchor];

/** `line fragment` of each error-level finding (info notes left out). */
function dead(findings: Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.span.start.line} ${String(f.data?.url)}`);
}

/** The anchors a document resolves, for `checkText` with one link per line appended. */
function check(headings: string, ...fragments: string[]): Finding[] {
  return checkText([headings, '', ...fragments.map((f) => `- [x](${f})`), ''].join('\n'), rules);
}

describe('no-dead-anchor', () => {
  it('reports a misspelled fragment at the fragment, suggesting the one close heading (not fixed)', () => {
    const md = ['# Tools', '', '- [Install](#instalation)', '', '## Installation', ''].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['3:13 no-dead-anchor']);
    const [f] = findings;
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe('#instalation does not match any heading or anchor in this file — did you mean #installation?');
    expect(f!.suggestion).toBe('#installation');
    expect(f!.span.end.column).toBe(25);
    expect(f!.fix).toEqual({ edits: [{ start: md.indexOf('#instalation'), end: md.indexOf('#instalation') + 12, text: '#installation' }], certain: false });
    expect(fixText(md, rules)).toBe(md);
  });

  it('says to add the heading when no heading is close, and gives no suggestion', () => {
    const findings = check('# List\n\n## Tools', '#potato');
    expect(findings.map((f) => f.message)).toEqual(['#potato does not match any heading or anchor in this file — add the heading or fix the link']);
    expect(findings[0]!.suggestion).toBeUndefined();
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('suggests only when exactly one heading is close', () => {
    // -2 is one edit from -1 and a suffix away from the first: two candidates, no guess.
    const two = check('## Tools\n\n## Tools', '#tools-2');
    expect(two.map((f) => f.suggestion)).toEqual([undefined]);
    expect(two[0]!.data?.candidates).toEqual(['tools', 'tools-1']);
    // The same heading up to a repeat suffix, or up to case.
    expect(check('## Tools', '#tools-1', '#Toolz').map((f) => f.suggestion)).toEqual(['#tools', '#tools']);
    // Short slugs allow one edit only: #faq is not a typo of #api.
    expect(check('## API', '#faq', '#apo').map((f) => f.suggestion)).toEqual([undefined, '#api']);
  });

  it('resolves headings by their GitHub slugs, repeats numbered in document order', () => {
    const headings = [
      '# Awesome [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      '## Tools & Libraries',
      '## Tools — CLI',
      '## 🚀 Launch',
      '## :rocket: Rockets',
      '## Header with special char at end ✨',
      '## Step 7 - Lint & Test',
      '## Using `npm` *and* [yarn](https://yarnpkg.com)',
      '## Logo <img src="logo.png" width="20"> Section',
      '## <a name="legacy"></a> Legacy Tools',
      '## Café',
      '## FAQ',
      '## FAQ',
      '> ## Quoted',
      '- ## In a list',
      'Setext Heading\n==============',
      '## Trailing hashes ##',
    ].join('\n\n');
    const findings = check(
      headings,
      '#awesome',
      '#tools--libraries',
      '#tools--cli',
      '#-launch',
      '#rocket-rockets',
      '#header-with-special-char-at-end-',
      '#step-7---lint--test',
      '#using-npm-and-yarn',
      '#logo--section',
      '#legacy',
      '#legacy-tools',
      '#café',
      '#caf%C3%A9',
      '#faq',
      '#faq-1',
      '#quoted',
      '#in-a-list',
      '#setext-heading',
      '#trailing-hashes',
    );
    expect(findings).toEqual([]);
    const wrong = check(headings, '#faq-2', '#awesome-awesome', '#logo-section');
    expect(wrong.map((f) => `${f.severity} ${String(f.data?.url)}`)).toEqual(['error #faq-2', 'error #awesome-awesome', 'error #logo-section']);
  });

  it('computes heading slugs from the rendered text (no image alt text, no HTML tags)', () => {
    const doc = buildDocument('list.md', '# Awesome MLOps [![Awesome](badge.svg)](https://awesome.re)\n\n## Logo <img src="x.png"> Tools\n');
    expect(doc.headings.map((h) => h.section.slug)).toEqual(['awesome-mlops', 'logo--tools']);
    // The title stays as it was (other rules group by it).
    expect(doc.headings[0]!.text).toBe('Awesome MLOps Awesome');
  });

  it('resolves id and name attributes in raw HTML blocks and in inline HTML', () => {
    const md = [
      '# List',
      '',
      '<div id="block-div"></div>',
      '<a name="block-name"></a>',
      '',
      'Text <a id="inline-id"></a> and <a name=\'inline-name\'></a>.',
      '',
      '| Name | About |',
      '| --- | --- |',
      '| <a id="in-cell"></a>[Tool](https://tool.dev) | Does things. |',
      '',
      '<h2 id="custom-id">Custom</h2>',
      '',
      '<p align="center"><h3>Raw HTML heading</h3></p>',
      '',
      ...['#block-div', '#block-name', '#inline-id', '#inline-name', '#in-cell', '#custom-id', '#custom', '#raw-html-heading', '#missing-id'].map((f) => `- [x](${f})`),
      '',
    ].join('\n');
    expect(dead(checkText(md, rules))).toEqual(['24 #missing-id']);
    expect(buildDocument('list.md', md).htmlAnchors.map((a) => `${a.span.start.line} ${a.id}`)).toEqual([
      '3 block-div',
      '4 block-name',
      '6 inline-id',
      '6 inline-name',
      '10 in-cell',
      '12 custom-id',
    ]);
  });

  it('never resolves to text in code or in HTML comments', () => {
    const md = [
      '# List',
      '',
      '```markdown',
      '## Fenced heading',
      '<a id="fenced-id"></a>',
      '```',
      '',
      '    ## Indented heading',
      '',
      'Inline `<a id="code-id"></a>` code.',
      '',
      '<!--',
      '## Commented heading',
      '<a id="comment-id"></a>',
      '-->',
      '',
      'Inline <!-- <a id="inline-comment-id"></a> --> comment.',
      '',
      ...['#fenced-heading', '#fenced-id', '#indented-heading', '#code-id', '#commented-heading', '#comment-id', '#inline-comment-id'].map((f) => `- [x](${f})`),
      '',
    ].join('\n');
    expect(dead(checkText(md, rules))).toEqual([
      '19 #fenced-heading',
      '20 #fenced-id',
      '21 #indented-heading',
      '22 #code-id',
      '23 #commented-heading',
      '24 #comment-id',
      '25 #inline-comment-id',
    ]);
  });

  it('matches case as GitHub does: a wrong case reaches a heading there only (info); HTML ids keep their case', () => {
    const md = ['# List', '', '## Installation', '', '<a id="Mixed"></a>', '<a id="lower"></a>', '', '- [a](#Installation)', '- [b](#Mixed)', '- [c](#mixed)', '- [d](#LOWER)', ''].join('\n');
    const findings = checkText(md, rules);
    expect(findings.map((f) => `${f.span.start.line} ${f.severity} ${f.suggestion ?? '-'}`)).toEqual(['8 info #installation', '10 error -', '11 info #lower']);
    expect(findings[0]!.message).toBe('#Installation reaches its anchor only on GitHub, which ignores the case — other renderers need #installation');
    expect(findings[0]!.fix?.certain).toBe(false);
  });

  it('checks HTML links and reference definitions, once per place the fragment is written', () => {
    const md = [
      '# List',
      '',
      '## Installation',
      '',
      '<p><a href="#instalation">Install</a></p>',
      '',
      'Inline <a href="#instal">install</a>, [A][i] and [B][i].',
      '',
      '[i]: #instalaton',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['5:13 no-dead-anchor', '7:17 no-dead-anchor', '9:6 no-dead-anchor']);
    expect(findings.map((f) => f.suggestion)).toEqual(['#installation', undefined, '#installation']);
    expect(findings[0]!.fix?.edits).toEqual([{ start: md.indexOf('#instalation'), end: md.indexOf('#instalation') + 12, text: '#installation' }]);
  });

  it('leaves alone #, #top, images, other files and other pages', () => {
    const md = [
      '# List',
      '',
      '- [empty](#)',
      '- [top](#top)',
      '- [Top](#TOP)',
      '- ![image](#sprite)',
      '- [other file](docs/guide.md#setup)',
      '- [other page](https://example.com/page#setup)',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });

  it('compares a fragment that is not valid percent-encoding as written', () => {
    const findings = check('## 100% sure', '#100-sure', '#100%-sure');
    expect(findings.map((f) => `${String(f.data?.url)} ${f.suggestion}`)).toEqual(['#100%-sure #100-sure']);
  });

  it('can be silenced with a directive', () => {
    const md = '# List\n\n<!-- listwarden-disable-next-line no-dead-anchor -->\n- [x](#nowhere)\n';
    expect(checkText(md, rules)).toEqual([]);
  });

  // Peer fixtures: every anchor named in them resolves except the ones the files call dead.
  const hashLinks = readShared('peers', 'markdown-link-check', 'hash-links.md');
  (hashLinks ? it : it.skip)('markdown-link-check hash-links.md: only the dead ones, the code one and the commented one', () => {
    // 36 "does not exist", 40 "no section named Potato", 50 an <a id> inside a code span,
    // 54 an <a id> inside an HTML comment. Line 52 (<a id> between escaped backticks) is real
    // inline HTML and resolves, as the file says.
    expect(dead(checkText(hashLinks!, rules))).toEqual(['36 #does-not-exist', '40 #potato', '50 #tomato_code', '54 #tomato_comment']);
    expect(checkText(hashLinks!, rules).filter((f) => f.severity !== 'error')).toEqual([]);
  });

  const sectionLinks = readShared('peers', 'markdown-link-check', 'section-links.md');
  (sectionLinks ? it : it.skip)('markdown-link-check section-links.md: the three links it says should 404', () => {
    const findings = checkText(sectionLinks!, rules);
    // 20 misspelled, 28 a third repeat that does not exist, 30 a "heading" inside a code block.
    // Lines 32–36 point at another page (https://BASEURL#…): out of scope.
    expect(dead(findings)).toEqual(['20 #level-two-headingg', '28 #test-same-name-repeating-2', '30 #this-is-a-comment-in-a-code-block']);
    expect(findings.map((f) => f.suggestion)).toEqual(['#level-two-heading', undefined, undefined]);
    expect(findings.length).toBe(3);
  });

  const lychee1 = readShared('peers', 'lychee', 'fragments', 'file1.md');
  (lychee1 ? it : it.skip)('lychee fragments/file1.md: #missing-fragment is dead; wrong case is GitHub-only (info)', () => {
    const findings = checkText(lychee1!, rules);
    expect(dead(findings)).toEqual(['15 #missing-fragment']);
    // "Ignore casing": lychee accepts these, and so does GitHub; other renderers do not.
    expect(findings.filter((f) => f.severity === 'info').map((f) => `${f.span.start.line} ${f.suggestion}`)).toEqual(['49 #ignore-casing', '54 #fünf-süße-äpfel']);
  });

  const lychee2 = readShared('peers', 'lychee', 'fragments', 'file2.md');
  (lychee2 ? it : it.skip)('lychee fragments/file2.md: no in-page link at all', () => {
    expect(checkText(lychee2!, rules)).toEqual([]);
  });

  const duplicateAnchors = readShared('peers', 'awesome-lint', 'double-link', 'duplicate-anchors.md');
  (duplicateAnchors ? it : it.skip)('awesome-lint duplicate-anchors.md: #section names no heading, so both links are dead', () => {
    // The only heading is "Test" (#test): on GitHub #section goes nowhere.
    expect(dead(checkText(duplicateAnchors!, rules))).toEqual(['2 #section', '3 #section']);
  });

  const s002 = seed('002');
  (s002 ? it : it.skip)('seed 002 has no dead anchor', () => {
    expect(checkText(s002!, rules)).toEqual([]);
  });

  const lists = corpusLists();
  (lists.length > 0 ? it : it.skip)('real lists: only the one broken table-of-contents link', () => {
    const expected: Record<string, string[]> = {
      // The contents table links "Industry-strength Natural Language Processing" to
      // #industry-strength-nlp; the heading is "Industry Strength Natural Language Processing".
      'EthicalML__awesome-production-machine-learning__README.md': ['20 #industry-strength-nlp'],
    };
    for (const [name, text] of lists) {
      expect([name, checkText(text, rules).map((f) => `${f.span.start.line} ${String(f.data?.url)}`)]).toEqual([name, expected[name] ?? []]);
    }
  });

  it('thousands of dead links to thousands of headings: every one reported, the edit distances capped (no "did you mean" past the cap)', () => {
    // 600 headings part-a0…, 600 links each one edit away: 360,000 comparisons uncapped.
    const count = 600;
    const headings = Array.from({ length: count }, (_, i) => `## Part a${i}`).join('\n\n');
    const fragments = Array.from({ length: count }, (_, i) => `#part-b${i}`);
    const findings = check(`# List\n\n${headings}`, ...fragments);
    expect(findings).toHaveLength(count);
    expect(count * count).toBeGreaterThan(MAX_SLUG_COMPARISONS);
    // Each link costs `count` comparisons until the cap: the links before it get their close headings.
    const withCandidates = findings.filter((f) => f.data?.candidates !== undefined).length;
    expect(withCandidates).toBe(Math.ceil(MAX_SLUG_COMPARISONS / count));
    expect(findings[0]!.data?.candidates).toContain('part-a0');
    expect(findings.at(-1)!.message).toBe(`#part-b${count - 1} does not match any heading or anchor in this file — add the heading or fix the link`);
  });

  it('a repeated heading is found by its base (#part-2 is close to part and part-1)', () => {
    const findings = check('# List\n\n## Part\n\n## Part', '#part-2');
    expect(findings.map((f) => f.suggestion)).toEqual([undefined]);
    expect(findings[0]!.data?.candidates).toEqual(['part', 'part-1']);
  });
});
