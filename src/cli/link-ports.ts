import { existsSync } from 'node:fs';
import { readFile, writeFile, rename } from 'node:fs/promises';
import { dirname, join, normalize, resolve } from 'node:path';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { linkOptions } from '../links/link-options.js';
import { HostScheduler } from '../links/host-scheduler.js';
import { UndiciProber } from '../links/http/undici-prober.js';
import { rotAwareProber } from '../links/rot-prober-options.js';
import { LinkState } from '../links/link-state.js';

export { LinkStateError } from '../links/link-state.js';
import { GitHubRepoChecker } from '../links/github/github-repo-checker.js';
import { WaybackClient } from '../links/wayback/wayback-client.js';
import { networkProbe } from '../links/network-probe.js';
import type { LinkPorts } from '../use-cases/check-lists.js';
import type { CliOptions } from './args.js';
import type { Progress } from '../links/check-urls.js';

export { linkOptions } from '../links/link-options.js';

export interface CliLinkSession {
  ports: LinkPorts;
  /** Writes the link state back (when --state was given) and closes connections. */
  finish(): Promise<void>;
}

/** Builds the link checker for one CLI run. */
export async function openLinkSession(cwd: string, config: ResolvedConfig, cli: CliOptions, env: NodeJS.ProcessEnv, progress?: (p: Progress) => void): Promise<CliLinkSession> {
  const options = linkOptions(config, cli);
  const scheduler = new HostScheduler(options);
  const prober = new UndiciProber(options, scheduler);
  const statePath = cli.state ? resolve(cwd, cli.state) : undefined;
  const state = statePath ? (existsSync(statePath) ? await LinkState.parse(await readFile(statePath, 'utf8'), cli.state!) : LinkState.empty()) : undefined;
  const token = cli.githubToken ?? env.GITHUB_TOKEN;
  const apiUrl = env.GITHUB_API_URL;
  const ports: LinkPorts = {
    prober: rotAwareProber(prober, config, state),
    ...(state ? { state } : {}),
    ...(token ? { github: new GitHubRepoChecker({ token, ...(apiUrl ? { apiUrl } : {}) }) } : {}),
    ...(cli.wayback ? { wayback: new WaybackClient(env.LISTWARDEN_WAYBACK_URL ? { baseUrl: env.LISTWARDEN_WAYBACK_URL } : {}) } : {}),
    ...(cli.budgetMs !== undefined ? { budgetMs: cli.budgetMs } : {}),
    ...(progress ? { onProgress: progress } : {}),
    networkCheck: networkProbe(env),
    fileExists: async (path) => existsSync(resolve(cwd, path)),
    resolveRelative: (listPath, link) => normalize(join(dirname(listPath), link.startsWith('/') ? `.${link}` : link)),
  };
  return {
    ports,
    async finish() {
      await prober.close();
      if (state && statePath) {
        // Write beside, then rename: a crash mid-write never leaves half a state file.
        const temp = `${statePath}.tmp-${process.pid}`;
        await writeFile(temp, state.serialize(), 'utf8');
        await rename(temp, statePath);
      }
    },
  };
}

/** A live count on a terminal; a line every few seconds otherwise. */
export function progressReporter(write: (text: string) => void, isTty: boolean, intervalMs = 5000): { report: (p: Progress) => void; done: () => void } {
  let last = 0;
  let shown = false;
  const line = (p: Progress) => `links: ${p.done}/${p.total} checked — ${p.alive} alive, ${p.dead} dead, ${p.unverifiable} unverifiable`;
  return {
    report(p) {
      const now = Date.now();
      if (isTty) {
        if (now - last < 100 && p.done < p.total) return;
        write(`\r${line(p)}`);
        shown = true;
      } else if (now - last >= intervalMs || p.done === p.total) {
        write(`${line(p)}\n`);
      } else return;
      last = now;
    },
    done() {
      if (isTty && shown) write('\n');
    },
  };
}
