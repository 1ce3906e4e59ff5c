import { describe, it, expect } from '@jest/globals';
import { noEmptyLink } from '../../../src/core/rules/no-empty-link.js';
import { checkText, where } from '../../helpers/check-text.js';
import { resolveConfig } from '../../../src/core/config/resolved-config.js';

describe('no-empty-link', () => {
  it('flags [](), [text]() and href="" at their positions', () => {
    const md = ['# List', '', '- [Scanner]()', '- []()', '', '<a href="">Tool</a>', ''].join('\n');
    const findings = checkText(md, [noEmptyLink]);
    expect(where(findings)).toEqual(['3:3 no-empty-link', '4:3 no-empty-link', '6:1 no-empty-link']);
    expect(findings[0]!.message).toBe('Link "Scanner" has no URL — add the destination or remove the link');
  });

  it('flags a link with a URL but no text, and leaves badges alone', () => {
    const md = '- [](https://example.com/tool)\n- [![build](https://img.shields.io/b.svg)](https://ci.example.com)\n';
    expect(where(checkText(md, [noEmptyLink]))).toEqual(['1:3 no-empty-link']);
  });

  it('stays quiet on a healthy list', () => {
    expect(checkText('- [Tool](https://example.com) - does things.\n', [noEmptyLink])).toEqual([]);
  });

  describe('a link with neither text nor URL renders nothing: a warning, not an error', () => {
    const NOTHING = 'renders nothing — remove it, or give it a URL and text';

    it('for <a href=""></a>, [](), [](#) and [ ]( ), in a cell as in a list', () => {
      const md = ['# List', '', '- []()', '- [](#)', '- [ ]( )', '', '<table><tr><td><a href=""></a></td><td><a href="#"> </a></td></tr></table>', ''].join('\n');
      const findings = checkText(md, [noEmptyLink]);
      expect(where(findings)).toEqual(['3:3 no-empty-link', '4:3 no-empty-link', '5:3 no-empty-link', '7:16 no-empty-link', '7:40 no-empty-link']);
      expect(findings.every((f) => f.severity === 'warning')).toBe(true);
      expect(findings[0]!.message).toBe(`Empty link with no text and no URL ${NOTHING}`);
    });

    it('an empty image too; one with alt text or a link with text but no URL stays an error (a dead link a reader sees)', () => {
      const md = ['# List', '', '- ![]()', '- ![Logo]()', '- [Scanner]()', '- [![build](https://img.example/b.svg)]()', '', '<a href="">Tool</a>', ''].join('\n');
      const findings = checkText(md, [noEmptyLink]);
      expect(findings.map((f) => `${f.span.start.line} ${f.severity}`)).toEqual(['3 warning', '4 error', '5 error', '6 error', '8 error']);
      expect(findings[0]!.message).toBe('Empty image with no alt text and no URL renders nothing — remove it, or give it a URL and alt text');
      expect(findings[4]!.message).toBe('Link "Tool" has no URL — add the destination or remove the link');
    });

    it('a link with a URL and no text stays an error: the entry it names is invisible', () => {
      const findings = checkText('- [](https://example.com/tool)\n\n<a href="https://example.com/b"></a>\n', [noEmptyLink]);
      expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
    });

    it('never raises the severity a list configures', () => {
      const findings = checkText('- []()\n- [Scanner]()\n', [noEmptyLink], { config: resolveConfig({ rules: { 'no-empty-link': 'info' } }) });
      expect(findings.map((f) => f.severity)).toEqual(['info', 'info']);
    });
  });
});
