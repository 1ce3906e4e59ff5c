import { UndiciProber, type UndiciProberDeps } from '../../../src/links/http/undici-prober.js';
import { DEFAULT_LINK_OPTIONS, type LinkCheckOptions } from '../../../src/links/types.js';
import { TestPacer } from './test-pacer.js';

/** Options for probing a link farm: loopback allowed, short timeouts, fast retries. */
export function farmOptions(overrides: Partial<LinkCheckOptions> = {}): LinkCheckOptions {
  return {
    ...DEFAULT_LINK_OPTIONS,
    allowPrivate: true,
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 2_000,
    totalTimeoutMs: 10_000,
    retryDelayMs: 20,
    ...overrides,
  };
}

/** An UndiciProber on a TestPacer; call `close()` when done. */
export function farmProber(overrides: Partial<LinkCheckOptions> = {}, deps: UndiciProberDeps = {}, pacer = new TestPacer()) {
  const prober = new UndiciProber(farmOptions(overrides), pacer, deps);
  return { prober, pacer, close: () => prober.close() };
}
