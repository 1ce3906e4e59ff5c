import { describe, it, expect } from '@jest/globals';
import { inlineText } from '../../src/review/markdown-text.js';

describe('inlineText', () => {
  it('keeps code spans, escapes HTML, pipes and mentions outside them, and joins lines', () => {
    expect(inlineText('Add `</td>` after <td> | ask @octocat\nnow')).toBe('Add `</td>` after &lt;td&gt; \\| ask @&#8203;octocat now');
    expect(inlineText('see `a|b`')).toBe('see `a\\|b`');
    expect(inlineText('&amp; stays visible as &amp;, a & b untouched')).toBe('&amp;amp; stays visible as &amp;amp;, a & b untouched');
  });

  it('leaves e-mail addresses and URL paths with @ alone', () => {
    expect(inlineText('mail me@example.org or https://medium.com/@writer')).toBe('mail me@example.org or https://medium.com/@writer');
  });

  it('shortens long text with an ellipsis', () => {
    expect(inlineText('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
  });
});
