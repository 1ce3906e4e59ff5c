// The app's entry point (`npm run app` → node lib/app/main.js): only starts and stops.
import { existsSync } from 'node:fs';
import { run } from 'probot';
import { listwardenApp } from './app.js';
import { SettingsError } from './app-settings.js';
import { startServer, StartError } from './server.js';

// Probot's own `.env` habit: the manifest flow writes the credentials there.
if (existsSync('.env')) process.loadEnvFile('.env');

if (!process.env.APP_ID && process.env.NODE_ENV !== 'production') {
  // Not registered yet: Probot's setup page registers the app from app.yml and writes .env.
  console.info('listwarden: APP_ID is not set — open the page below to register the GitHub App from app.yml; then stop this and run `npm run app` again.');
  await run(listwardenApp());
} else {
  try {
    const server = await startServer(process.env);
    let signals = 0;
    const stop = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals > 1) {
        console.error(`listwarden: ${signal} again — stopping at once`);
        process.exit(1);
      }
      server.probot.log.info(`${signal}: stopping — no new work; waiting for the work under way`);
      void server.close().then((finished) => process.exit(finished ? 0 : 1));
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  } catch (error) {
    if (!(error instanceof StartError || error instanceof SettingsError)) throw error;
    console.error(`listwarden: ${error.message}`);
    process.exit(1);
  }
}
