import { createHmac } from 'node:crypto';
import { ProbotOctokit } from 'probot';
import { startServer, type RunningServer } from '../../../src/app/server.js';
import type { GitHubApiStandIn } from '../../github/helpers/api-stand-in.js';
import { APP_ID, PRIVATE_KEY, SECRET } from './app-payloads.js';
import { capturedLog } from './captured-log.js';

/**
 * The real app server (startServer) on 127.0.0.1 against the GitHub stand-in, with its log
 * captured, no retries or throttling, link checks off and the given check worker; `env`
 * adds to or overrides those settings.
 */
export async function startAppServer(api: GitHubApiStandIn, worker: string, env: Record<string, string> = {}): Promise<{ server: RunningServer; logLines: string[] }> {
  const origin = new URL(api.url);
  const captured = capturedLog();
  const server = await startServer(
    {
      APP_ID: String(APP_ID),
      PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: origin.host,
      GHE_PROTOCOL: 'http',
      LISTWARDEN_CHECK_LINKS: 'none',
      LISTWARDEN_SCHEDULE_INTERVAL_MS: '0',
      ...env,
    },
    {
      probot: { log: captured.log, Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) },
      settings: { port: { retries: 0, throttle: { spaceWrites: false } } },
      scheduler: { firstRoundMs: 3600_000 },
      checkWorker: worker,
    },
  );
  return { server, logLines: captured.lines };
}

/** A webhook delivery signed with the app's secret, posted to the server; its HTTP status. */
export async function deliverSigned(server: RunningServer, event: string, id: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${server.url}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
    body,
  });
  await response.text();
  return response.status;
}

/** About `bytes` of headings, each with a link to its own anchor, after `base`: a shape a parser must take linearly. */
export function headingsList(base: string, bytes = 1_000_000): string {
  const parts = [base];
  let size = base.length;
  for (let i = 0; size < bytes; i++) {
    const part = `\n## Part ${i}\n\nSee [part ${i}](#part-${i}).\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}
