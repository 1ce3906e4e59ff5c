import { describe, expect, it } from '@jest/globals';
import { checkRunBodies, clip } from '../../src/github/github-limits.js';
import { isRateLimited, permissionErrorFor } from '../../src/github/request-errors.js';
import { GitHubPermissionError, type Annotation } from '../../src/github/port.js';

const annotation = (n: number): Annotation => ({ path: 'a.md', start_line: n, end_line: n, annotation_level: 'notice', message: `m${n}` });

describe('checkRunBodies', () => {
  it('is one body when there are at most 50 annotations', () => {
    const output = { title: 't', summary: 's', annotations: [annotation(1)] };
    expect(checkRunBodies({ name: 'n', head_sha: 'h', status: 'completed', conclusion: 'success', output })).toEqual([
      { name: 'n', head_sha: 'h', status: 'completed', conclusion: 'success', output },
    ]);
    expect(checkRunBodies({ status: 'in_progress' })).toEqual([{ status: 'in_progress' }]);
  });

  it('leaves out an empty annotation list', () => {
    expect(checkRunBodies({ output: { title: 't', summary: 's', annotations: [] } })).toEqual([{ output: { title: 't', summary: 's' } }]);
  });

  it('splits 101 annotations into 50, 50, 1, finishing with the last', () => {
    const annotations = Array.from({ length: 101 }, (_, i) => annotation(i));
    const bodies = checkRunBodies({ name: 'n', head_sha: 'h', status: 'completed', conclusion: 'failure', output: { title: 't', summary: 's', annotations } });
    expect(bodies.map((b) => [b.name, b.status, b.conclusion, b.output?.annotations?.length])).toEqual([
      ['n', 'in_progress', undefined, 50],
      [undefined, undefined, undefined, 50],
      [undefined, 'completed', 'failure', 1],
    ]);
    expect(bodies.flatMap((b) => b.output?.annotations ?? [])).toEqual(annotations);
  });

  it('cuts a summary past 65,535 characters', () => {
    const [body] = checkRunBodies({ output: { title: 't', summary: 'x'.repeat(70_000), text: 'short' } });
    expect(body?.output?.summary.length).toBe(65535);
    expect(body?.output?.text).toBe('short');
  });
});

describe('clip', () => {
  it('keeps short text and never splits a surrogate pair', () => {
    expect(clip('abc', 10)).toBe('abc');
    const clipped = clip('😀'.repeat(100), 60);
    expect(clipped.length).toBeLessThanOrEqual(60);
    expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('request errors', () => {
  const error = (status: number, message: string, headers: Record<string, string> = {}) =>
    Object.assign(new Error(message), { status, response: { headers, data: { message } } });

  it('tells rate limits from refusals', () => {
    expect(isRateLimited(error(403, 'You have exceeded a secondary rate limit'))).toBe(true);
    expect(isRateLimited(error(403, 'x', { 'x-ratelimit-remaining': '0' }))).toBe(true);
    expect(isRateLimited(error(429, 'x', { 'retry-after': '5' }))).toBe(true);
    expect(isRateLimited(error(403, 'Resource not accessible by integration'))).toBe(false);
  });

  it('makes refusals of writes permission errors', () => {
    expect(permissionErrorFor(error(403, 'Resource not accessible by integration'), 'PATCH', 'updating')).toBeInstanceOf(GitHubPermissionError);
    expect(permissionErrorFor(error(403, 'You must authenticate via a GitHub App.'), 'POST', 'creating')?.status).toBe(403);
    expect(permissionErrorFor(error(404, 'Not Found'), 'POST', 'creating')?.status).toBe(404);
    expect(permissionErrorFor(error(404, 'Not Found'), 'PATCH', 'updating')).toBeUndefined();
    expect(permissionErrorFor(error(403, 'secondary rate limit'), 'POST', 'creating')).toBeUndefined();
    expect(permissionErrorFor(error(422, 'Validation Failed'), 'POST', 'creating')).toBeUndefined();
  });
});
