/** Response headers as undici gives them (lower-case names). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * Recognises an anti-bot wall: the page may well exist, but a script is not let in, so
 * the link can be neither confirmed nor condemned. Returns the wall's name, or undefined.
 * Headers decide on their own (Cloudflare's `cf-mitigated: challenge`, DataDome, AWS WAF,
 * Sucuri); a bare `server: cloudflare` 403 counts only with challenge markers in the body
 * prefix, as a plain 403 from a Cloudflare site is just forbidden.
 */
export function detectBotWall(status: number, headers: ResponseHeaders, body = ''): string | undefined {
  if (status === 999) return 'a 999 bot wall (LinkedIn-style)';
  const header = (name: string): string => {
    const value = headers[name];
    return (Array.isArray(value) ? value.join(', ') : (value ?? '')).toLowerCase();
  };
  if (header('cf-mitigated') === 'challenge') return 'a Cloudflare challenge';
  if (header('x-amzn-waf-action') !== '') return 'an AWS WAF challenge';
  if (status < 400) return undefined;
  const server = header('server');
  if (header('x-datadome') !== '' || server.includes('datadome') || /captcha-delivery\.com/.test(body)) {
    return 'a DataDome challenge';
  }
  if (header('x-sucuri-block') !== '' || (server.includes('sucuri') && status === 403)) return 'a Sucuri firewall';
  if (/px-captcha|_pxAppId|perimeterx|window\._pxVid/i.test(body)) return 'a PerimeterX (HUMAN) challenge';
  if (status !== 403 && status !== 503 && status !== 429) return undefined;
  if (
    server.includes('cloudflare') &&
    /challenge-platform|cf-chl-|cf_chl_opt|<title>just a moment\.\.\.<\/title>|attention required! \| cloudflare/i.test(body)
  ) {
    return 'a Cloudflare challenge';
  }
  if (server.includes('akamaighost') && status === 403 && /access denied/i.test(body)) return 'an Akamai bot wall';
  return undefined;
}
