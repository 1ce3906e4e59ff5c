import { describe, it, expect } from '@jest/globals';
import { firstParagraph, successorIn } from '../../../src/links/github/successor.js';

describe('successorIn (description)', () => {
  it.each([
    ['This project is now part of Trivy.', undefined, 'This project is now part of Trivy.'],
    ['Moved to https://github.com/newcorp/fastq', 'https://github.com/newcorp/fastq', 'Moved to https://github.com/newcorp/fastq'],
    ['DEPRECATED in favour of github.com/acme/widget-ng', 'https://github.com/acme/widget-ng', 'DEPRECATED in favour of github.com/acme/widget-ng'],
    ['Deprecated in favor of [widget-ng](https://widget.dev/ng). Thanks for the stars!', 'https://widget.dev/ng', 'Deprecated in favor of widget-ng.'],
    ['Superseded by https://gitlab.com/acme/tool', 'https://gitlab.com/acme/tool', 'Superseded by https://gitlab.com/acme/tool'],
    ['Unmaintained: please use https://example.org/better instead.', 'https://example.org/better', 'Unmaintained: please use https://example.org/better instead.'],
  ])('%s', (text, url, evidence) => {
    const found = successorIn(text, 'old/tool', 'description');
    expect(found).toEqual({ ...(url ? { url } : {}), evidence, source: 'description' });
  });

  it.each([
    'A fast JSON parser for Go.',
    'Moving fast and breaking things since 2014.',
    'There is no successor; the protocol died.',
    'Replaces your shell prompt with a faster one.',
    '',
  ])('names no successor in %j', (text) => {
    expect(successorIn(text, 'old/tool', 'description')).toBeUndefined();
  });

  it('drops trailing punctuation from a bare link and a trailing slash when telling the repository itself', () => {
    expect(successorIn('Moved to https://example.org/next!?.', 'old/tool', 'description')?.url).toBe('https://example.org/next');
    expect(successorIn('Moved to https://github.com/old/tool/// for now.', 'old/tool', 'description')?.url).toBeUndefined();
  });

  it('reads a link after a stray bracket, and stays fast on runs of brackets', () => {
    expect(successorIn('Moved to [see [newtool](https://example.org/newtool)', 'old/tool', 'description')?.url).toBe('https://example.org/newtool');
    const hostile = `Moved to ${'[!['.repeat(260)}`;
    expect(successorIn(hostile, 'old/tool', 'description')).toEqual({ evidence: expect.any(String), source: 'description' });
  });

  it('never suggests the repository itself or a badge', () => {
    expect(successorIn('Archived: moved to the org account, see https://github.com/old/tool/issues/1', 'old/tool', 'description')).toEqual({
      evidence: 'Archived: moved to the org account, see https://github.com/old/tool/issues/1',
      source: 'description',
    });
  });
});

describe('firstParagraph', () => {
  it('skips the title, badges, HTML wrappers and comments', () => {
    const readme = [
      '<!-- generated -->',
      '# fastq',
      '',
      '[![CI](https://github.com/old/fastq/actions/workflows/ci.yml/badge.svg)](https://github.com/old/fastq/actions) ![npm](https://img.shields.io/npm/v/fastq.svg)',
      '',
      '<p align="center"><img src="logo.png" width="200"></p>',
      '',
      '> **Note**',
      '> This repository has moved to [newcorp/fastq](https://github.com/newcorp/fastq).',
      '',
      'fastq is a fast in-memory queue. It has nothing to do with the next paragraph.',
    ].join('\n');
    expect(firstParagraph(readme)).toBe('**Note** This repository has moved to [newcorp/fastq](https://github.com/newcorp/fastq).');
    expect(successorIn(readme, 'old/fastq', 'README')).toEqual({ url: 'https://github.com/newcorp/fastq', evidence: 'Note This repository has moved to newcorp/fastq.', source: 'README' });
  });

  it('reads only the first paragraph: a successor named further down does not count', () => {
    const readme = '# tool\n\nA command-line tool to sync dotfiles.\n\n## History\n\nA fork moved to https://github.com/fork/tool in 2020.\n';
    expect(successorIn(readme, 'old/tool', 'README')).toBeUndefined();
  });

  it('reads an RST title and its underline as a heading', () => {
    const readme = 'oldlib\n======\n\nThis library is superseded by `newlib <https://newlib.example/>`_.\n';
    expect(successorIn(readme, 'old/oldlib', 'README')?.url).toBe('https://newlib.example/');
  });
});
