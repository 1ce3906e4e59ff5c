import { describe, it, expect } from '@jest/globals';
import { classifyStatus, statusText } from '../../../src/links/http/classify-status.js';
import { detectBotWall } from '../../../src/links/http/bot-wall.js';

describe('classifyStatus (final statuses, retries spent)', () => {
  it.each([
    [200, 'alive', 'ok'],
    [204, 'alive', 'ok'],
    [206, 'alive', 'ok'],
    [404, 'dead', 'not-found'],
    [410, 'dead', 'not-found'],
    [400, 'dead', 'http-error'],
    [405, 'dead', 'http-error'],
    [422, 'dead', 'http-error'],
    [401, 'unverifiable', 'forbidden'],
    [403, 'unverifiable', 'forbidden'],
    [451, 'unverifiable', 'forbidden'],
    [429, 'unverifiable', 'rate-limited'],
    [408, 'unverifiable', 'timeout'],
    [500, 'dead', 'http-error'],
    [501, 'dead', 'http-error'],
    [502, 'unverifiable', 'http-error'],
    [503, 'unverifiable', 'http-error'],
    [504, 'unverifiable', 'http-error'],
    [522, 'unverifiable', 'http-error'],
    [304, 'unverifiable', 'http-error'],
    [999, 'unverifiable', 'http-error'],
  ])('%i → %s %s', (status, verdict, cause) => {
    expect(classifyStatus(status, [])).toEqual({ verdict, cause });
  });

  it('honours aliveStatuses', () => {
    expect(classifyStatus(403, [403])).toEqual({ verdict: 'alive', cause: 'ok' });
  });

  it('names statuses', () => {
    expect(statusText(404)).toBe('404 Not Found');
    expect(statusText(999)).toBe('999');
  });
});

describe('detectBotWall', () => {
  it('recognises header-only walls on any method', () => {
    expect(detectBotWall(999, {})).toMatch(/999/);
    expect(detectBotWall(403, { 'cf-mitigated': 'challenge' })).toMatch(/Cloudflare/);
    expect(detectBotWall(503, { 'cf-mitigated': 'challenge' })).toMatch(/Cloudflare/);
    expect(detectBotWall(405, { 'x-amzn-waf-action': 'captcha' })).toMatch(/AWS WAF/);
    expect(detectBotWall(403, { 'x-datadome': 'protected' })).toMatch(/DataDome/);
    expect(detectBotWall(403, { 'x-sucuri-block': '1' })).toMatch(/Sucuri/);
  });

  it('needs body markers for a server: cloudflare or Akamai 403', () => {
    const cf = { server: 'cloudflare' };
    expect(detectBotWall(403, cf, '<html>plain forbidden</html>')).toBeUndefined();
    expect(detectBotWall(403, cf, '<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/x">')).toMatch(
      /Cloudflare/,
    );
    expect(detectBotWall(403, cf, '<title>Attention Required! | Cloudflare</title>')).toMatch(/Cloudflare/);
    expect(detectBotWall(404, cf, '<title>Just a moment...</title>')).toBeUndefined();
    expect(detectBotWall(403, { server: 'AkamaiGHost' }, '<H1>Access Denied</H1> Reference #18.1')).toMatch(/Akamai/);
    expect(detectBotWall(403, {}, '<div id="px-captcha"></div>')).toMatch(/PerimeterX/);
    expect(detectBotWall(403, {}, '<script src="https://geo.captcha-delivery.com/c.js">')).toMatch(/DataDome/);
  });

  it('leaves ordinary errors alone', () => {
    expect(detectBotWall(403, {})).toBeUndefined();
    expect(detectBotWall(404, { server: 'nginx' }, 'not found')).toBeUndefined();
    expect(detectBotWall(200, { server: 'cloudflare' }, '<title>Just a moment...</title>')).toBeUndefined();
  });
});
