import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { noTrackingParams } from '../../../src/core/rules/no-tracking-params.js';
import { CAMPAIGN_PAGES } from '../../../src/core/rules/deliberate-tracking.js';
import type { Finding } from '../../../src/core/findings/types.js';
import { checkText, fixText } from '../../helpers/check-text.js';

const rules = [noTrackingParams];

/** `line severity` of each finding. */
const severities = (findings: Finding[]) => findings.map((f) => `${f.span.start.line} ${f.severity}`);

/** A deliberate finding: info, nothing to apply and nothing to paste. */
function expectLeftAlone(finding: Finding | undefined): void {
  expect(finding?.severity).toBe('info');
  expect(finding?.fix).toBeUndefined();
  expect(finding?.suggestion).toBeUndefined();
  expect(finding?.message).toMatch(/ looks? deliberate \(.+\) — leave (it|them), or remove (it|them) by hand if the list should not carry (it|them)$/);
}

/** An ordinary finding: a warning whose certain fix strips the parameters. */
function expectStripped(finding: Finding | undefined): void {
  expect(finding?.severity).toBe('warning');
  expect(finding?.fix?.certain).toBe(true);
}

/** Entries to `count` different pages of one site, all tagged with the same campaign. */
function campaignEntries(count: number, host = 'acme.dev', tag = 'utm_campaign=spring'): string[] {
  return Array.from({ length: count }, (_, i) => `- [Product ${i + 1}](https://${host}/product-${i + 1}?${tag}) - Product number ${i + 1}.`);
}

describe('no-tracking-params: one site\'s own campaign', () => {
  it(`is deliberate on ${CAMPAIGN_PAGES} different pages of one site, and says where`, () => {
    expect(CAMPAIGN_PAGES).toBe(3);
    const md = ['## Tools', '', ...campaignEntries(3), ''].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['3 info', '4 info', '5 info']);
    findings.forEach(expectLeftAlone);
    expect(findings[0]!.message).toBe(
      'Tracking parameter utm_campaign in https://acme.dev/product-1 looks deliberate (utm_campaign "spring" is on 3 pages of acme.dev) — leave it, or remove it by hand if the list should not carry it',
    );
    expect(fixText(md, rules)).toBe(md);
  });

  it('is an ordinary tag on 2 pages: warnings, stripped', () => {
    const md = ['## Tools', '', ...campaignEntries(2), ''].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['3 warning', '4 warning']);
    findings.forEach(expectStripped);
    expect(fixText(md, rules)).toBe(md.replace(/\?utm_campaign=spring/g, ''));
  });

  it('counts pages, not links: a name and its badge on one page, or one page listed twice, are one', () => {
    const md = [
      '## Tools',
      '',
      '- [One](https://acme.dev/one?utm_campaign=spring) - First. [![site](https://img.dev/b.svg)](https://acme.dev/one?utm_campaign=spring)',
      '- [Two](https://acme.dev/two?utm_campaign=spring) - Second.',
      '',
      '## Again',
      '',
      '- [Two](https://www.acme.dev/two/?utm_campaign=spring) - Second, listed twice.',
      '',
    ].join('\n');
    expect(checkText(md, rules).map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });

  it('takes sub-domains for one site (docs., www., the bare domain) and any utm_* value', () => {
    const md = [
      '- [Docs](https://docs.acme.dev/start?utm_source=acme-list) - Docs.',
      '- [Home](https://www.acme.dev/?utm_source=acme-list) - Home.',
      '- [Pricing](https://acme.dev/pricing?utm_source=acme-list) - Pricing.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    findings.forEach(expectLeftAlone);
    expect(findings[0]!.message).toContain('(utm_source "acme-list" is on 3 pages of acme.dev)');
  });

  it('belongs to a site only when most of the pages carrying it are on that site', () => {
    const others = (n: number) => Array.from({ length: n }, (_, i) => `- [Other ${i}](https://other${i}.dev/?utm_campaign=spring) - Another site.`);
    // 3 of 5 pages on acme.dev: its campaign (and the other sites' links only carry it).
    const owned = checkText([...campaignEntries(3), ...others(2), ''].join('\n'), rules);
    expect(owned.map((f) => f.severity)).toEqual(['info', 'info', 'info', 'info', 'info']);
    // 3 of 6: a tag the list puts on every site it links, not acme's campaign.
    const shared = checkText([...campaignEntries(3), ...others(3), ''].join('\n'), rules);
    expect(shared.map((f) => f.severity)).toEqual(Array(6).fill('warning'));
  });

  it('third-party case: one tag of the list on 30 different sites stays a warning with its certain fix', () => {
    const md = Array.from({ length: 30 }, (_, i) => `- [Tool ${i}](https://tool${i}.io/?utm_source=awesome-list) - Tool ${i}.`).join('\n') + '\n';
    const findings = checkText(md, rules);
    expect(findings).toHaveLength(30);
    findings.forEach(expectStripped);
    expect(fixText(md, rules)).toBe(md.replace(/\?utm_source=awesome-list/g, ''));
  });

  it('covers the owner\'s link on another site when all its tags are the campaign, not when it adds a tag of its own', () => {
    const md = [
      ...campaignEntries(3),
      '- [Chat](https://discord.gg/abc?utm_campaign=spring) - Our chat.',
      '- [Blog](https://blog.example.net/post?utm_campaign=spring&utm_source=newsletter) - A post.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['1 info', '2 info', '3 info', '4 info', '5 warning']);
    expect(findings[3]!.message).toContain('(utm_campaign "spring" is on 3 pages of acme.dev)');
  });

  it('on a code host each owner is a site: three owners\' repositories are not one campaign', () => {
    const repos = (owners: string[]) => owners.map((o, i) => `- [Repo ${i}](https://github.com/${o}/repo-${i}?utm_source=list) - A repository.`).join('\n') + '\n';
    expect(checkText(repos(['ann', 'bob', 'cy']), rules).map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(checkText(repos(['acme', 'acme', 'Acme']), rules).map((f) => f.severity)).toEqual(['info', 'info', 'info']);
  });
});

describe('no-tracking-params: a sponsor block', () => {
  it('a lead-in paragraph introduces the list after it; the block ends at the next blank line', () => {
    const md = [
      '# Awesome Things',
      '',
      'Thanks to our sponsors:',
      '',
      '- [Acme](https://acme.dev/?utm_source=awesome-things) - APIs.',
      '- [Beta](https://beta.io/?ref=x&utm_medium=banner) - Hosting.',
      '',
      '## Tools',
      '',
      '- [Gamma](https://gamma.dev/?utm_source=newsletter) - A tool.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['5 info', '6 info', '10 warning']);
    expectLeftAlone(findings[0]);
    expectLeftAlone(findings[1]);
    expect(findings[0]!.message).toContain('(it is in the block introduced by "Thanks to our sponsors" on line 3)');
    expectStripped(findings[2]);
    expect(fixText(md, rules)).toBe(md.replace('?utm_source=newsletter', ''));
  });

  it.each([
    ['**Sponsors**', 'Sponsors'],
    ['Sponsored by', 'Sponsored by'],
    ['Supported by:', 'Supported by'],
    ['_Our partners_', 'Our partners'],
    ['Brought to you by', 'Brought to you by'],
    ['<sup>Special thanks to:</sup>', 'Special thanks to'],
    ['<h3>Gold sponsors</h3>', 'Gold sponsors'],
  ])('lead-in %s', (lead, intro) => {
    const md = `${lead}\n\n- [Acme](https://acme.dev/?utm_source=list) - APIs.\n`;
    const [finding] = checkText(md, rules);
    expectLeftAlone(finding);
    expect(finding!.message).toContain(`introduced by "${intro}" on line 1`);
  });

  it('a lead-in of 6 words counts, one of 7 is a sentence and does not', () => {
    const six = checkText('Thanks to all of our sponsors\n\n- [Acme](https://acme.dev/?utm_source=list) - APIs.\n', rules);
    expectLeftAlone(six[0]);
    const seven = checkText('Thanks to all of our wonderful sponsors\n\n- [Acme](https://acme.dev/?utm_source=list) - APIs.\n', rules);
    expectStripped(seven[0]);
  });

  it('"Sponsored by [Acme](…)" on one line covers that line only', () => {
    const md = 'This list is sponsored by [Acme](https://acme.dev/?utm_source=list).\n[Read more](https://blog.dev/post?utm_source=feed) about it.\n';
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['1 info', '2 warning']);
  });

  it('follows a loose list, and skips a short link-less line that continues the lead-in', () => {
    const md = [
      '**Sponsorships:**',
      '',
      '_Special thanks to_',
      '',
      '- [Acme](https://acme.dev/?utm_source=list) - APIs.',
      '',
      '- [Beta](https://beta.io/?utm_source=list) - Hosting.',
      '',
      'The list itself:',
      '',
      '- [Gamma](https://gamma.dev/?utm_source=feed) - A tool.',
      '',
    ].join('\n');
    expect(severities(checkText(md, rules))).toEqual(['5 info', '7 info', '11 warning']);
  });

  it('a list item lead-in covers only the items nested under it', () => {
    const md = [
      '- Partners',
      '  - [Acme](https://acme.dev/?utm_source=list) - APIs.',
      '- [Gamma](https://gamma.dev/?utm_source=feed) - A tool.',
      '',
    ].join('\n');
    expect(severities(checkText(md, rules))).toEqual(['2 info', '3 warning']);
  });

  it('the continuation line of an entry that mentions partners introduces nothing', () => {
    const md = [
      '- [Crm](https://crm.dev/) - Tracks deals with',
      '  your partners.',
      '- [Gamma](https://gamma.dev/?utm_source=feed) - A tool.',
      '',
    ].join('\n');
    expect(severities(checkText(md, rules))).toEqual(['3 warning']);
  });

  it('in HTML: a heading element introduces the table of entries after it', () => {
    const md = [
      '<h3 align="center">Our partners</h3>',
      '',
      '<table>',
      '<tr><td><a href="https://acme.dev/?utm_source=list&amp;utm_medium=logo">Acme</a></td></tr>',
      '</table>',
      '',
      '<table>',
      '<tr><td><a href="https://gamma.dev/?utm_source=feed">Gamma</a></td></tr>',
      '</table>',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['4 info', '8 warning']);
    expectLeftAlone(findings[0]);
    expect(findings[0]!.message).toContain('introduced by "Our partners" on line 1');
  });
});

describe('no-tracking-params: a section headed sponsored, affiliate or partners', () => {
  const underHeading = (heading: string) => checkText(`## ${heading}\n\n- [Book](https://books.dev/b?utm_medium=cpc) - A book.\n`, rules);

  it.each(['Sponsor', 'Sponsored tools', 'Sponsors', 'Sponsorship', 'Affiliate links', 'Book Deals (Affiliated)', 'Affiliates', 'Partner', 'Our Partners'])(
    'deliberate under "%s"',
    (heading) => {
      const [finding] = underHeading(heading);
      expectLeftAlone(finding);
      expect(finding!.message).toContain(`(it is under the heading "${heading}")`);
    },
  );

  it.each(['Partnership API', 'SponsorBlock clients', 'Unaffiliated tools', 'Non-affiliated tools', 'Not sponsored', 'Partnering', 'Tools'])(
    'ordinary under "%s" (the word is part of another word, or negated)',
    (heading) => expectStripped(underHeading(heading)[0]),
  );

  it('covers nested subsections, and ends at the next section of the same level', () => {
    const md = [
      '## Affiliates',
      '',
      '### Books',
      '',
      '#### Go',
      '',
      '- [Go Book](https://books.dev/go?utm_medium=cpc) - Learn Go.',
      '',
      '## Tools',
      '',
      '- [Tool](https://tool.dev/?utm_medium=cpc) - A tool.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['7 info', '11 warning']);
    expect(findings[0]!.message).toContain('(it is under the heading "Affiliates")');
  });
});

describe('no-tracking-params: a value that declares the link', () => {
  it.each([
    ['utm_medium=affiliate', 'utm_medium "affiliate" marks it as an affiliate link'],
    ['utm_medium=sponsorship', 'utm_medium "sponsorship" marks it as a sponsored link'],
    ['utm_source=partner_program', 'utm_source "partner_program" marks it as a partner link'],
  ])('%s is deliberate', (tag, because) => {
    const [finding] = checkText(`- [Book](https://books.dev/b?${tag}) - A book.\n`, rules);
    expectLeftAlone(finding);
    expect(finding!.message).toContain(`(${because})`);
  });

  it.each(['utm_medium=cpc', 'utm_medium=referral', 'utm_source=non-affiliate', 'utm_campaign=partnership'])('%s is an ordinary tag', (tag) => {
    expectStripped(checkText(`- [Book](https://books.dev/b?${tag}) - A book.\n`, rules)[0]);
  });

  it('an ad click id next to a deliberate value is left with it (the link is not edited at all)', () => {
    const md = '- [Book](https://books.dev/b?utm_medium=affiliate&gclid=123) - A book.\n';
    const [finding] = checkText(md, rules);
    expectLeftAlone(finding);
    expect(finding!.message).toMatch(/^Tracking parameters utm_medium, gclid in https:\/\/books\.dev\/b look deliberate/);
    expect(fixText(md, rules)).toBe(md);
  });
});

describe('no-tracking-params: an ordinary entry', () => {
  it('a third-party tag on an ordinary entry keeps its warning and certain fix', () => {
    const md = '## Tools\n\n- [Tool](https://tool.dev/docs?utm_source=twitter&utm_campaign=launch&lang=en) - A tool.\n';
    const [finding] = checkText(md, rules);
    expectStripped(finding);
    expect(finding!.message).toBe('Tracking parameters utm_source, utm_campaign in https://tool.dev/docs — remove them: they only tell the site where the click came from');
    expect(fixText(md, rules)).toBe('## Tools\n\n- [Tool](https://tool.dev/docs?lang=en) - A tool.\n');
  });
});

describe('docs/rules/no-tracking-params.md', () => {
  it('its "Left alone" example is info without a fix, and fix leaves it as it is', () => {
    const doc = readFileSync('docs/rules/no-tracking-params.md', 'utf8');
    const at = doc.indexOf('Left alone (info, no fix)');
    const open = doc.indexOf('```markdown\n', at) + '```markdown\n'.length;
    const example = doc.slice(open, doc.indexOf('```\n', open));
    const findings = checkText(example, rules);
    expect(findings).toHaveLength(3);
    findings.forEach(expectLeftAlone);
    expect(doc.replace(/\s+/g, ' ')).toContain(findings[0]!.message);
    expect(fixText(example, rules)).toBe(example);
  });
});

describe('no-tracking-params: a reference definition', () => {
  it('is deliberate when any of its uses is, and reported once at the definition', () => {
    const md = ['- [Acme][acme] - APIs.', '', 'Sponsored by', '', '- [Acme][acme]', '', '[acme]: https://acme.dev/?utm_source=list', ''].join('\n');
    const findings = checkText(md, rules);
    expect(severities(findings)).toEqual(['7 info']);
    expectLeftAlone(findings[0]);
    expect(fixText(md, rules)).toBe(md);
  });
});
