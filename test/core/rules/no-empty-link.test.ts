import { describe, it, expect } from '@jest/globals';
import { noEmptyLink } from '../../../src/core/rules/no-empty-link.js';
import { checkText, where } from '../../helpers/check-text.js';

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
});
