import { describe, it, expect } from '@jest/globals';
import { requestHeaders } from '../../../src/links/http/request-headers.js';

const options = {
  userAgent: 'listwarden-test',
  headers: [{ prefix: 'https://internal.example.com', headers: { Authorization: 'Bearer secret' } }],
};
const auth = (url: string) => requestHeaders(options, new URL(url)).authorization;

describe('configured request headers (credentials) go only where they are meant to', () => {
  it('are sent to the configured origin', () => {
    expect(auth('https://internal.example.com/docs')).toBe('Bearer secret');
  });

  it('are not sent to another host behind a user name that looks like the prefix', () => {
    expect(auth('https://internal.example.com@attacker.example/')).toBeUndefined();
  });

  it('are not sent to a longer host name that starts like the prefix', () => {
    expect(auth('https://internal.example.com.attacker.example/')).toBeUndefined();
  });

  it('are not sent to a URL with a user name, even on the configured host', () => {
    expect(auth('https://me@internal.example.com/docs')).toBeUndefined();
  });

  it('a prefix that is not a plain http(s) URL (given without the config file) matches nothing', () => {
    const loose: { userAgent: string; headers: { prefix: string; headers: Record<string, string> }[] } = { userAgent: 'x', headers: [{ prefix: 'https://', headers: { Authorization: 'Bearer secret' } }, { prefix: 'internal', headers: { 'X-Key': 'k' } }] };
    const headers = requestHeaders(loose, new URL('https://internal.example.com/'));
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-key']).toBeUndefined();
  });
});
