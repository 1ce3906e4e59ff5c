import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream } from 'pino';
import type { Logger } from 'probot';
import { SettingsError } from './app-settings.js';

/**
 * The app's log: one JSON object a line (pino), and on every line written while a webhook
 * delivery is handled — by listwarden, Probot, Octokit or the link checker — that delivery's
 * `deliveryId` and `event`, so an operator can follow one delivery with a single filter.
 * Lines of the scheduler's rounds carry no delivery.
 *
 * `LOG_FORMAT=pretty` keeps Probot's own human-readable log instead (no delivery fields on the
 * lines Probot's logger does not add them to).
 */
interface Delivery {
  deliveryId: string;
  event: string;
}

const current = new AsyncLocalStorage<Delivery>();

/** Header values are the sender's: kept short, and written as JSON strings, never raw. */
function headerValue(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? '').slice(0, 100);
}

/** Runs `work` (and everything it starts) as part of one delivery, named by its headers. */
export function withDelivery<T>(headers: { [name: string]: string | string[] | undefined }, work: () => T): T {
  return current.run({ deliveryId: headerValue(headers['x-github-delivery']), event: headerValue(headers['x-github-event']) }, work);
}

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/** The JSON logger, or undefined for LOG_FORMAT=pretty (Probot then makes its own). */
export function createAppLogger(env: NodeJS.ProcessEnv, destination?: DestinationStream): Logger | undefined {
  if (env.LOG_FORMAT === 'pretty') return undefined;
  const level = env.LOG_LEVEL || 'info';
  if (!LEVELS.has(level)) throw new SettingsError(`LOG_LEVEL is "${level}" — expected one of ${[...LEVELS].join(', ')}`);
  return pino(
    {
      level,
      name: 'probot',
      messageKey: env.LOG_MESSAGE_KEY || 'msg',
      mixin: () => ({ ...current.getStore() }),
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  ) as unknown as Logger;
}
