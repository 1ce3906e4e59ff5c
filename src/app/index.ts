import type { Probot } from 'probot';
import { listwardenApp } from './app.js';

/**
 * The Probot app function, settings from the environment, for `probot run ./lib/app/index.js`
 * or your own Probot server. Webhooks only: the scheduled reports start with `npm run app`
 * (server.ts), or call `startScheduler` yourself.
 */
export default function app(probot: Probot): void {
  void listwardenApp()(probot, { cwd: process.cwd(), addHandler: () => {} });
}

export { listwardenApp } from './app.js';
export { startServer, type RunningServer } from './server.js';
export { startScheduler, type Scheduler } from './scheduler.js';
