import { Resolver } from 'node:dns/promises';
import { Agent } from './http/undici-agent.js';

/**
 * Whether this machine can reach the network at all, asked of the network itself and never
 * of the list's own links: a list (or a pull request) whose links all point to one dead
 * host must get its links reported dead, not dropped as "network unavailable".
 *
 * By default: can the system's resolvers answer for well-known names (github.com,
 * example.com, wikipedia.org)? With `LISTWARDEN_NETWORK_PROBE` set to an http(s) URL
 * (an air-gapped mirror, a proxy, a test's local server): does that URL answer at all,
 * with any status? A probe that gives no answer within 3 s counts as no network.
 *
 * The answer is kept for one run (one call of `networkProbe`), not for the process: a
 * long-running app asks again on its next run.
 */
export function networkProbe(env: NodeJS.ProcessEnv = {}): () => Promise<boolean> {
  const target = env.LISTWARDEN_NETWORK_PROBE?.trim();
  let answer: Promise<boolean> | undefined;
  return () => (answer ??= target ? urlAnswers(target) : namesResolve());
}

const PROBE_TIMEOUT_MS = 3_000;

/** Does any of the well-known names resolve? */
function namesResolve(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const names = ['github.com', 'example.com', 'wikipedia.org'];
    let failed = 0;
    // A slow resolver counts as none.
    const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    // c-ares, not getaddrinfo: it does not queue behind the link checks' lookups in libuv's pool.
    const resolver = new Resolver({ timeout: 1500, tries: 1 });
    for (const name of names) {
      resolver.resolve(name).then(
        () => {
          clearTimeout(timer);
          resolve(true);
        },
        () => {
          if (++failed === names.length) {
            clearTimeout(timer);
            resolve(false);
          }
        },
      );
    }
  });
}

/** Does the URL answer with any HTTP status? */
function urlAnswers(target: string): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve(false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve(false);
  // undici, as the link checks use, on its own short-lived agent (node:http may be patched
  // by an HTTP mocking library in the same process; the link checks would not be).
  const agent = new Agent({ connect: { timeout: PROBE_TIMEOUT_MS } });
  return agent
    .request({ origin: url.origin, path: `${url.pathname}${url.search}`, method: 'HEAD', headersTimeout: PROBE_TIMEOUT_MS, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    .then(
      async (response) => {
        await response.body.dump().catch(() => undefined);
        return true;
      },
      () => false,
    )
    .finally(() => agent.destroy().catch(() => undefined));
}
