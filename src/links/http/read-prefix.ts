import type { Readable } from 'node:stream';

/**
 * Reads at most `maxBytes` of a response body, then destroys the stream (which makes
 * undici drop the connection): a 1 GB page costs one prefix, never the whole download.
 * Best effort: a stall past `timeoutMs` or a broken stream ends the read with what came.
 */
export async function readPrefix(body: Readable, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  body.on('error', () => undefined);
  const timer = setTimeout(() => body.destroy(), Math.max(0, timeoutMs));
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      const room = maxBytes - size;
      chunks.push(room < buffer.length ? buffer.subarray(0, room) : buffer);
      size += Math.min(room, buffer.length);
      if (size >= maxBytes) break;
    }
  } catch {
    // A reset or a stall mid-body: the status is known, the prefix is what it is.
  } finally {
    clearTimeout(timer);
    if (!body.readableEnded) body.destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Decodes a body prefix with the Content-Type charset (UTF-8 when absent or unknown). */
export function decodePrefix(bytes: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
