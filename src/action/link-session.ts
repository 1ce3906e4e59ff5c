import type { ResolvedConfig } from '../core/config/schema.js';
import { HostScheduler } from '../links/host-scheduler.js';
import { UndiciProber } from '../links/http/undici-prober.js';
import type { LinkPorts } from '../use-cases/check-lists.js';
import { linkOptions } from '../cli/link-ports.js';

/** The link checker for one Action run (no state kept in PR reviews: only added links are checked). */
export function actionLinkPorts(config: ResolvedConfig): { ports: LinkPorts; close(): Promise<void> } {
  const options = linkOptions(config, { allowPrivate: process.env.LISTWARDEN_ALLOW_PRIVATE === 'true' });
  const prober = new UndiciProber(options, new HostScheduler(options));
  return { ports: { prober }, close: () => prober.close() };
}
