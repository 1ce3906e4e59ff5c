#!/usr/bin/env node
// The CLI is compiled to lib/ by `npm run build` (run by `npm ci` through the prepare script).
import('../lib/cli/index.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('lib/cli')) {
    process.stderr.write('listwarden: the CLI is not built yet — run `npm ci` (or `npm run build`) first\n');
    process.exitCode = 2;
    return;
  }
  throw error;
});
