const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);

/** A fixed text as the bytes to write: UTF-8, with the byte order mark the file was read with. */
export function encodeOutput(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
