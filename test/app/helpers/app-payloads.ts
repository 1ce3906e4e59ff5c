/**
 * What the app's tests share without nock (importing nock intercepts fetch in the whole
 * test file): the test app's identity and secrets, a private key made at test time, and
 * real webhook payloads from @octokit/webhooks-examples moved to the test repository.
 */
import { generateKeyPairSync } from 'node:crypto';
import { examplePayload } from '../../action/helpers/run-bundle.js';

export const API = 'https://api.github.com';
export const APP_ID = 4242;
export const APP_SLUG = 'listwarden-test';
export const BOT = `${APP_SLUG}[bot]`;
export const INSTALLATION_ID = 777;
export const OWNER = 'octo';
export const REPO = 'awesome-things';
export const SECRET = 'whsec_testWebhookSecretNeverLogged';
export const TOKEN = 'ghs_appInstallationTokenNeverLogged0001';
export const NOW = Date.parse('2025-03-04T05:06:07Z');

export const { privateKey: PRIVATE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

interface Payload {
  /** Absent from installation events. */
  repository: { name: string; full_name: string; owner: { login: string }; default_branch?: string };
  installation?: { id: number; node_id: string };
  [key: string]: unknown;
}

/** A real payload from @octokit/webhooks-examples, moved to octo/awesome-things and the test installation. */
export function payloadFor<T = Record<string, unknown>>(event: string, action?: string, edit?: (payload: T & Payload) => void): T & Payload {
  const payload = examplePayload<T & Payload>(event, action);
  if (payload.repository) {
    payload.repository.name = REPO;
    payload.repository.full_name = `${OWNER}/${REPO}`;
    payload.repository.owner.login = OWNER;
  }
  // Installation events carry the whole installation (with its account); the others only its id.
  const account = (payload.installation as { account?: { login: string } } | undefined)?.account;
  if (account) account.login = OWNER;
  payload.installation = { ...payload.installation, id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc3' };
  edit?.(payload);
  return payload;
}

