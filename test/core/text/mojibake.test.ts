import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { findMojibake } from '../../../src/core/text/mojibake.js';

/** Windows-1252 bytes 0x80–0x9F; the five undefined ones become Latin-1 C1 controls. */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/** What a UTF-8 string looks like after being decoded as Windows-1252. */
function garble(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80]! : b);
  return out;
}

function repairAll(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findMojibake(text)) {
    out += text.slice(at, m.start) + m.repaired;
    at = m.end;
  }
  return out + text.slice(at);
}

describe('garble helper', () => {
  it('produces the well-known forms', () => {
    expect(garble('💥')).toBe('ðŸ’¥');
    expect(garble('’')).toBe('â€™');
    expect(garble('é')).toBe('Ã©');
  });
});

describe('findMojibake', () => {
  it.each<[string, string]>([
    ['ðŸ’¥', '💥'],
    ['â„¢', '™'],
    ['Ã©', 'é'],
    ['ðŸ‘‰', '👉'],
    ['â€™', '’'],
    ['â€”', '—'],
    ['â€œ', '“'],
    ['â€¦', '…'],
    ['â€¢', '•'],
    ['Â©', '©'],
    ['Â\u00a0', '\u00a0'],
    ['Ã¼', 'ü'],
    ['ÃŸ', 'ß'],
    ['Ã±', 'ñ'],
    ['Ã\u00ad', 'í'],
    ['ï»¿', '\ufeff'],
    ['ä¸­æ–‡', '中文'],
    ['Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'привет'],
    ['âœ¨', '✨'],
    ['ðŸš€', '🚀'],
    ['ðŸ‘\u008d', '👍'], // 0x8D is undefined in Windows-1252 and survives as U+008D
    ['â€\u009d', '”'],
    ['â”€', '─'], // box drawing: lead â is taken even when the rest reads as punctuation
    ['ä¸­', '中'],
    ['é™£ä¸­', '陣中'], // a lone CJK character made of punctuation is found beside another
    ['ÃƒÂ©', 'é'], // garbled twice
    ['Ã°Å¸â€™Â¥', '💥'], // garbled twice
  ])('repairs %j as %j on its own', (garbled, repaired) => {
    expect(findMojibake(garbled)).toEqual([{ start: 0, end: garbled.length, original: garbled, repaired }]);
  });

  it('gives UTF-16 offsets of each maximal run in context', () => {
    const text = '- [Boom](https://x.dev) ðŸ’¥ Itâ€™s a cafÃ© â€” naïve.';
    const found = findMojibake(text);
    expect(found.map((m) => [m.original, m.repaired])).toEqual([
      ['ðŸ’¥', '💥'],
      ['â€™', '’'],
      ['Ã©', 'é'],
      ['â€”', '—'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.original);
    expect(repairAll(text)).toBe('- [Boom](https://x.dev) 💥 It’s a café — naïve.');
  });

  it('joins adjacent sequences into one run', () => {
    expect(findMojibake('MÃ¼Ã±chen')).toEqual([{ start: 1, end: 5, original: 'Ã¼Ã±', repaired: 'üñ' }]);
  });

  it.each<[string, string]>([
    ['wiÄ™cej', 'więcej'],
    ['siÄ™ ', 'się '],
    ['ÅŸehir', 'şehir'],
    ['Å‚Ã³dÅº', 'łódź'],
    ['ZAÅ»Ã“Å\u0081Ä†', 'ZAŻÓŁĆ'],
    ['10 Î¼s', '10 μs'],
    ['Ï€ = 3.14', 'π = 3.14'],
    ['Ä±', 'ı'],
    ['Å¡', 'š'],
    ['Å›ciana', 'ściana'],
    ['Ð°', 'Ð°'], // "а" alone: © ° etc. after a capital need context
    ['Ð°Ð±', 'аб'],
  ])('repairs Latin Extended mojibake in context: %s', (garbled, repaired) => {
    expect(repairAll(garbled)).toBe(repaired);
  });

  it.each([
    'café',
    'Müller',
    'São Paulo',
    'naïve',
    'Ñandú',
    'Zürich ©2024 ®',
    '£5 – €10',
    'Crème brûlée',
    'Łódź, Gdańsk, Kraków',
    'Ελληνικά',
    'Русский язык',
    '中文 日本語 한국어',
    '💥 🚀 👍 ✨',
    'It’s “quoted” — and … done',
    '„Grüß“ und »Gruß« sowie Gruß“.',
    '«ÉTÉ» à Paris',
    'JOSÉ’s café',
    'PARÍS”',
    'CAFÉ — PARÍS… «ÉTÉ» Ø° Ð©',
    'SÃO PAULO',
    'NÃO',
    'À bientôt',
    'Ça va? Ça marche.',
    'Ärger, Öl, Übel, Straße',
    'Å land; Ø; Æble',
    '3×4 = 12, 5° C, ±2, ½',
    'Â',
    'Ã',
    'Ã ',
    'Ã and Â then text',
    'Ã©'.slice(0, 1) + ' ©',
    'Â€', // would decode to the C1 control U+0080
    'í€', // invalid UTF-8 (0xED 0x80 lacks a third byte)
    'ð',
    'ðŸ', // truncated 4-byte sequence
    'à¿', // truncated
    'café™£5 – €10', // é ™ £ would read as 陣: an accented word, a symbol, a price
    'résumé…‘single’',
    'Até amanhã…”',
    'voilà—«Ça»',
    '',
  ])('never flags %j', (text) => {
    expect(findMojibake(text)).toEqual([]);
  });

  const accentedWords = [
    'café',
    'Müller',
    'São Paulo',
    'naïve',
    'Ñandú',
    'Zürich ©2024 ®',
    '£5 – €10',
    'Crème brûlée',
    'Ærøskøbing',
    'Åsa',
    'Ålborg',
    'Þór',
    'Ðakovo',
    'façade',
    'jalapeño',
    'résumé',
    'Über',
    'Öffnungszeiten',
    'Straße',
    'ÉCOLE',
    '¿Qué?',
    '¡Olé!',
    '«Ça»',
    '„Grüße“',
    '“smart quotes”',
    '‘single’',
    'it’s',
    '— em dash –',
    '…',
    '™',
    '•',
  ];

  it('never flags ASCII mixed with ordinary accented words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...accentedWords), fc.string({ maxLength: 6 })), { maxLength: 12 }),
        (pieces) => {
          expect(findMojibake(pieces.join(''))).toEqual([]);
        },
      ),
    );
  });

  const safeChars = [
    ...'éèêëüöäßñçãõáíóúâîôûÿÉÜÖÄÑÇ©®°±·»«¿¡£€™’“”—–…•',
    '\u00a0',
    '💥',
    '👉',
    '👍',
    '🚀',
    '✨',
    '✅',
    '❤️',
    '中',
    '文',
    '日本',
    '한국',
    '→',
    '✓',
  ];
  const wordsInContext = ['więcej', 'się', 'łódź', 'şehir', 'привет', 'Ελληνικά', 'שלום', 'مرحبا', 'žluťoučký'];
  const pieceArb = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9 .,:;!?()[\]-]{0,5}$/),
    fc.constantFrom(...safeChars),
    fc.constantFrom(...wordsInContext).map((w) => ` ${w} `),
  );

  it('repairs garbled UTF-8 back to the original', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 12 }), (pieces) => {
        const original = pieces.join('');
        // An original that itself reads as mojibake is ambiguous by nature.
        fc.pre(findMojibake(original).length === 0);
        const garbled = garble(original);
        expect(repairAll(garbled)).toBe(original);
        for (const m of findMojibake(garbled)) {
          expect(garbled.slice(m.start, m.end)).toBe(m.original);
          expect([...m.original].every((c) => c.charCodeAt(0) >= 0x80)).toBe(true);
        }
      }),
    );
  });
});
