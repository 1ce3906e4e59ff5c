import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkLists } from '../../src/use-cases/check-lists.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { UndiciProber } from '../../src/links/http/undici-prober.js';
import { HostScheduler } from '../../src/links/host-scheduler.js';
import { DEFAULT_LINK_OPTIONS } from '../../src/links/types.js';

const SEED = resolve('../shared/seeds/002_677f36e97807c53a.md');

/** A machine with no network: every name fails to resolve, as in a sandboxed CI job. */
const noDns = async (hostname: string) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
};

(existsSync(SEED) ? describe : describe.skip)('the reference list on a machine without network', () => {
  it('reports no link as dead and says how many were not checked (peers report 79 dead)', async () => {
    const options = { ...DEFAULT_LINK_OPTIONS };
    const prober = new UndiciProber(options, new HostScheduler(options), { lookup: noDns });
    try {
      const result = await checkLists([{ path: 'README.md', source: readFileSync(SEED, 'utf8') }], resolveConfig(), {
        prober,
        networkCheck: async () => false,
      });
      expect(result.findings.filter((f) => f.ruleId === 'no-dead-link')).toEqual([]);
      expect(result.notes).toEqual(['network unavailable: 79 links not checked (no host could be reached; none is reported dead)']);
      // The static findings are all still there.
      expect(result.findings.filter((f) => f.ruleId === 'tool-name-spelling')).toHaveLength(5);
    } finally {
      await prober.close();
    }
  });
});
