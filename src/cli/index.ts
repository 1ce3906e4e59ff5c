import { createInterface } from 'node:readline/promises';
import { main } from './main.js';

/** One question on the terminal (listwarden init), when standard input is one. */
async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

// No top-level await: scripts/bundle-cli.mjs bundles this file as CommonJS.
void main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTty: process.stderr.isTTY === true,
  ...(process.stdin.isTTY ? { ask } : {}),
}).then((code) => {
  // Exit once the output is flushed: a name lookup abandoned by a finished run (an offline
  // machine's resolver can take seconds to give up) must not hold the process open.
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
