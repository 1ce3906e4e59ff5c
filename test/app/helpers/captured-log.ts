import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from 'probot';

/** A pino logger that keeps every line (JSON) for the test. */
export function capturedLog(): { log: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = pino({ level: 'trace' }, sink) as unknown as Logger;
  return { log, lines, text: () => lines.join('') };
}

/** The messages of the captured lines at a level or above (30 info, 40 warn, 50 error). */
export function messages(lines: string[], minLevel = 30): string[] {
  return lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= minLevel).map((l) => l.msg);
}

