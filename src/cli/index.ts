import { main } from './main.js';

// No top-level await: scripts/bundle-cli.mjs bundles this file as CommonJS.
void main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTty: process.stderr.isTTY === true,
}).then((code) => {
  // Exit once the output is flushed: a name lookup abandoned by a finished run (an offline
  // machine's resolver can take seconds to give up) must not hold the process open.
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
