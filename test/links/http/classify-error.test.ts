import { describe, it, expect } from '@jest/globals';
import { classifyError, formatSeconds } from '../../../src/links/http/classify-error.js';
import { BlockedAddressError } from '../../../src/links/http/ssrf-guard.js';

const timeouts = { connectTimeoutMs: 10_000, headersTimeoutMs: 15_000 };
const coded = (code: string, message = `boom ${code}`) => Object.assign(new Error(message), { code });

describe('classifyError', () => {
  it.each([
    ['ENOTFOUND', 'dead', 'dns-not-found', false],
    ['EAI_AGAIN', 'unverifiable', 'dns-failure', true],
    ['EAI_FAIL', 'unverifiable', 'dns-failure', true],
    ['ECONNREFUSED', 'dead', 'connection-refused', false],
    ['ENETUNREACH', 'unverifiable', 'network-unreachable', false],
    ['EHOSTUNREACH', 'unverifiable', 'network-unreachable', false],
    ['ECONNRESET', 'unverifiable', 'connection-reset', true],
    ['UND_ERR_SOCKET', 'unverifiable', 'connection-reset', true],
    ['HPE_INVALID_CONSTANT', 'unverifiable', 'connection-reset', true],
    ['UND_ERR_CONNECT_TIMEOUT', 'unverifiable', 'timeout', true],
    ['ETIMEDOUT', 'unverifiable', 'timeout', true],
    ['UND_ERR_HEADERS_TIMEOUT', 'unverifiable', 'timeout', true],
    ['UND_ERR_BODY_TIMEOUT', 'unverifiable', 'timeout', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'dead', 'tls-error', false],
    ['CERT_HAS_EXPIRED', 'dead', 'tls-error', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'dead', 'tls-error', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'dead', 'tls-error', false],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'dead', 'tls-error', false],
    ['EPROTO', 'dead', 'tls-error', false],
  ])('%s → %s %s', (code, verdict, cause, retryable) => {
    expect(classifyError(coded(code), timeouts)).toMatchObject({ verdict, cause, retryable });
  });

  it('writes human reasons', () => {
    expect(classifyError(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), timeouts).reason).toBe(
      'connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(classifyError(coded('UND_ERR_HEADERS_TIMEOUT'), timeouts).reason).toBe(
      'timed out after 15 s waiting for headers',
    );
    expect(classifyError(coded('UND_ERR_CONNECT_TIMEOUT'), { ...timeouts, connectTimeoutMs: 2500 }).reason).toBe(
      'timed out after 2.5 s connecting',
    );
    expect(classifyError(coded('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), timeouts).reason).toBe(
      'TLS error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
  });

  it('refuses blocked addresses without retry', () => {
    const error = new BlockedAddressError('refused: 10.0.0.1 is a private address', '10.0.0.1');
    expect(classifyError(error, timeouts)).toEqual({
      verdict: 'unverifiable',
      cause: 'blocked-address',
      reason: 'refused: 10.0.0.1 is a private address',
      retryable: false,
      headRefused: false,
    });
  });

  it('marks body-less failures as a HEAD refusal (try GET)', () => {
    expect(classifyError(coded('UND_ERR_SOCKET', 'other side closed'), timeouts).headRefused).toBe(true);
    expect(classifyError(coded('ECONNREFUSED'), timeouts).headRefused).toBe(false);
  });

  it('looks into AggregateError (happy eyeballs) and cause', () => {
    const aggregate = new AggregateError([coded('ECONNREFUSED', 'connect ECONNREFUSED ::1:80')], 'all failed');
    expect(classifyError(aggregate, timeouts)).toMatchObject({ cause: 'connection-refused' });
    const wrapped = new Error('fetch failed', { cause: coded('ENOTFOUND') });
    expect(classifyError(wrapped, timeouts)).toMatchObject({ cause: 'dns-not-found' });
  });

  it('treats an unknown failure as unverifiable', () => {
    expect(classifyError(new Error('strange'), timeouts)).toMatchObject({ verdict: 'unverifiable', retryable: true });
    expect(classifyError('not even an error', timeouts).verdict).toBe('unverifiable');
  });
});

describe('formatSeconds', () => {
  it('shows whole seconds from 10 s and one decimal below', () => {
    expect(formatSeconds(30_000)).toBe('30 s');
    expect(formatSeconds(10_000)).toBe('10 s');
    expect(formatSeconds(1000)).toBe('1 s');
    expect(formatSeconds(300)).toBe('0.3 s');
  });
});
