/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere on its
 * way, so that "💥" reads "ðŸ’¥", "’" reads "â€™" and "é" reads "Ã©".
 *
 * Every character is mapped back to the byte Windows-1252 gives it (Latin-1 for the
 * C1 controls, which is what the five bytes Windows-1252 leaves undefined become), and
 * runs of bytes that form complete, valid UTF-8 multi-byte sequences are repaired.
 */

/** The characters Windows-1252 puts at 0x80–0x9F, by code point. */
const CP1252_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], // €
  [0x201a, 0x82], // ‚
  [0x0192, 0x83], // ƒ
  [0x201e, 0x84], // „
  [0x2026, 0x85], // …
  [0x2020, 0x86], // †
  [0x2021, 0x87], // ‡
  [0x02c6, 0x88], // ˆ
  [0x2030, 0x89], // ‰
  [0x0160, 0x8a], // Š
  [0x2039, 0x8b], // ‹
  [0x0152, 0x8c], // Œ
  [0x017d, 0x8e], // Ž
  [0x2018, 0x91], // ‘
  [0x2019, 0x92], // ’
  [0x201c, 0x93], // “
  [0x201d, 0x94], // ”
  [0x2022, 0x95], // •
  [0x2013, 0x96], // –
  [0x2014, 0x97], // —
  [0x02dc, 0x98], // ˜
  [0x2122, 0x99], // ™
  [0x0161, 0x9a], // š
  [0x203a, 0x9b], // ›
  [0x0153, 0x9c], // œ
  [0x017e, 0x9e], // ž
  [0x0178, 0x9f], // Ÿ
]);

/** The Windows-1252 byte of a character, or undefined when it has none. */
function cp1252Byte(code: number): number | undefined {
  // 0x00–0xFF: ASCII, Latin-1, and the C1 controls U+0080–U+009F (Latin-1 decoding,
  // and where the undefined bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D end up).
  if (code < 0x100) return code;
  return CP1252_HIGH.get(code);
}

// ignoreBOM: a garbled byte-order mark ("ï»¿") must decode to U+FEFF, not vanish.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Characters no repair may produce: controls, surrogates, private use, unassigned. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;

interface Sequence {
  /** Offset just past the sequence. */
  end: number;
  lead: number;
  decoded: string;
}

/** Reads one garbled UTF-8 multi-byte sequence starting at `start`, if there is one. */
function readSequence(text: string, start: number): Sequence | undefined {
  const lead = cp1252Byte(text.charCodeAt(start));
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  if (start + length > text.length) return undefined;
  const bytes = new Uint8Array(length);
  bytes[0] = lead;
  for (let k = 1; k < length; k++) {
    const byte = cp1252Byte(text.charCodeAt(start + k));
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return undefined;
    bytes[k] = byte;
  }
  let decoded: string;
  try {
    decoded = decoder.decode(bytes); // rejects overlong forms, surrogates, > U+10FFFF
  } catch {
    return undefined;
  }
  if (IMPLAUSIBLE.test(decoded)) return undefined;
  return { end: start + length, lead, decoded };
}

/**
 * Continuation characters that also follow a word in ordinary text: closing quotes,
 * guillemets, ellipsis, dashes, bullets, no-break space, ©, ®, ™, °.
 */
const AFTER_WORD = new Set([..."’‘”“»«›‹…–—•·©®™°", '\u00a0']);

/** Characters that also start a word in ordinary text: opening quotes, currencies, ¿ ¡. */
const BEFORE_WORD = new Set([...'‘“„«‹¿¡£¥¢€§¶']);

/**
 * Whether a lone three- or four-byte sequence reads as an accented letter followed by
 * ordinary punctuation: "café™£5", "amanhã…”", "voilà…«". Its continuation characters
 * are all ones that follow a word, the last possibly one that starts the next word.
 * Leads "â" (U+2000–U+2FFF: quotes, dashes, arrows, box drawing, ✅) and "ï" (the
 * byte-order mark, full-width forms) are always taken: no common word ends in them.
 * The cost is a lone CJK or Hangul character whose bytes happen to be all punctuation
 * ("é™£" for 陣); it is left alone, and found when its neighbours are garbled too.
 */
function readsAsPunctuation(text: string, start: number, sequence: Sequence): boolean {
  if (sequence.lead === 0xe2 || sequence.lead === 0xef) return false;
  const last = sequence.end - 1;
  for (let k = start + 1; k < last; k++) if (!AFTER_WORD.has(text.charAt(k))) return false;
  const final = text.charAt(last);
  return AFTER_WORD.has(final) || BEFORE_WORD.has(final);
}

/**
 * Whether a run made of a single sequence is mojibake rather than an accented letter
 * followed by punctuation ("ÉTÉ»", "JOSÉ’s", "Gruß“", "café™"). Three- and four-byte
 * sequences: see readsAsPunctuation. Two-byte ones:
 *
 * "Ã…" and "Â…" (U+0080–U+00FF) are always taken: real text almost never puts a symbol
 * right after "Ã" or "Â". Other leads are accented capitals; after one of them a
 * character such as ‚ „ ¼ º ± Ÿ š € is just as odd ("Å‚" ł, "Ä±" ı, "Ï€" π), but
 * punctuation that may follow a word needs context: a lower-case letter just before
 * ("siÄ™" for "się") or, at the start of a word, a letter just after ("Å›ciana"). Leads
 * × (Hebrew) and ß (NKo) are never taken alone.
 */
function singleIsMojibake(text: string, start: number, sequence: Sequence): boolean {
  if (sequence.lead === 0xc2 || sequence.lead === 0xc3) return true;
  if (sequence.lead >= 0xe0) return !readsAsPunctuation(text, start, sequence);
  if (sequence.lead === 0xd7 || sequence.lead === 0xdf) return false;
  if (!AFTER_WORD.has(text.charAt(start + 1))) return true;
  const before = start > 0 ? text.charAt(start - 1) : '';
  const after = text.charAt(sequence.end);
  if (LOWER.test(before)) return true;
  return !LETTER.test(before) && LETTER.test(after);
}

export interface Mojibake {
  /** 0-based UTF-16 offset of the garbled run. */
  start: number;
  /** Offset just past the garbled run. */
  end: number;
  /** The garbled text, `text.slice(start, end)`. */
  original: string;
  /** What it was meant to read. */
  repaired: string;
}

/** Repairs text garbled more than once ("ÃƒÂ©" → "Ã©" → "é"), up to three layers. */
function peel(repaired: string): string {
  let current = repaired;
  for (let layer = 0; layer < 3; layer++) {
    const inner = findRuns(current);
    const only = inner[0];
    if (inner.length !== 1 || only === undefined) break;
    if (only.start !== 0 || only.end !== current.length) break;
    current = only.repaired;
  }
  return current;
}

function findRuns(text: string): Mojibake[] {
  const found: Mojibake[] = [];
  let i = 0;
  while (i < text.length) {
    const first = readSequence(text, i);
    if (first === undefined) {
      i++;
      continue;
    }
    const sequences = [first];
    let end = first.end;
    for (let next = readSequence(text, end); next !== undefined; next = readSequence(text, end)) {
      sequences.push(next);
      end = next.end;
    }
    if (sequences.length > 1 || singleIsMojibake(text, i, first)) {
      found.push({
        start: i,
        end,
        original: text.slice(i, end),
        repaired: sequences.map((s) => s.decoded).join(''),
      });
    }
    i = end;
  }
  return found;
}

/**
 * Finds every maximal run of mojibake in `text`, with its repair. Ordinary accented
 * text ("café", "Müller", "São Paulo", "£5 – €10") is never flagged: a run must map back
 * to complete, valid UTF-8 sequences (lead byte 0xC2–0xF4, then 0x80–0xBF) decoding to
 * assigned, non-control characters. Text garbled twice is repaired all the way.
 */
export function findMojibake(text: string): Mojibake[] {
  return findRuns(text).map((run) => ({ ...run, repaired: peel(run.repaired) }));
}
