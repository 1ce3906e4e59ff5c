// Runs a Node CLI script in this process and prints its peak RSS (kB) on stderr when it exits:
// the bench's fallback when /usr/bin/time is missing.   node bench/links-rss.mjs SCRIPT ARGS…
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const script = resolve(process.argv[2]);
process.argv = [process.argv[0], script, ...process.argv.slice(3)];
process.on('exit', () => process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(script).href);
