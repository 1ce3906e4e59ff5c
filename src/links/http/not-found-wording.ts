/**
 * Whether a page's title or heading says "not found", in the languages most lists link
 * to (en, de, fr, es, pt, it, ru, zh, ja). The title is cut at its separators ("Page not
 * found | Example Docs") and one part must say only that: an article titled "Designing a
 * good 404 page" or a page that mentions 404 in its text does not count. Linear: a few
 * anchored regular expressions over a bounded string.
 */

/** Words around the message that change nothing: "Oops!", "Error 404:", "Sorry," */
const LEAD = /^(?:(?:oops|whoops|sorry|uh[- ]oh|ouch|hmm+|ops|huch|désolé|lo sentimos|ups|упс)[\s!,.…:-]*)+/u;
const CODE = /^(?:(?:error|erreur|fehler|ошибка|错误|エラー|err)\s*)?404(?:\s*(?:error|erreur|fehler|ошибка|错误|エラー))?(?:\s*[-:!.,–—]\s*|\s+|$)/u;
/** Punctuation after the message that changes nothing: "Page not found!", "404 (Not Found)" (with white space). */
const TAIL = '!.。！…?？)）(（-';

/** `text` without trailing white space and TAIL characters: a loop from the end, linear (a `[…]+$` regex is not). */
function trimTail(text: string): string {
  let end = text.length;
  while (end > 0 && (TAIL.includes(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/** One part of a title, normalised, that says the page is not there. */
const NOT_FOUND: readonly RegExp[] = [
  // en
  /^(?:the )?(?:page|file|document|resource|content|post|article|site|url)? ?(?:was |is )?not found$/,
  /^(?:this |the |that )?(?:page|url|link) (?:does ?n['o]t|does not|no longer|doesn't) exists?$/,
  /^(?:the )?(?:page|file|document|url) (?:you(?:'re| are| were)? (?:looking|searching) for|you requested|requested)(?: (?:could not|cannot|can't|couldn't) be| (?:was|is) not|(?: wasn't| isn't)) found$/,
  /^(?:the )?(?:page|file|document|url) (?:you(?:'re| are| were)? (?:looking|searching) for|you requested|requested) (?:does ?n['o]t|does not|doesn't|no longer) exists?$/,
  /^(?:we )?(?:couldn't|could not|can't|cannot) find (?:that|this|the|your) page$/,
  /^(?:page|file) (?:is )?(?:missing|gone|unavailable)$/,
  /^nothing (?:was )?found(?: here)?$/,
  // de
  /^(?:die )?(?:seite|datei) (?:wurde )?nicht gefunden$/,
  /^(?:diese |die )?(?:seite|datei) (?:existiert nicht|gibt es nicht)$/,
  /^(?:die )?(?:angeforderte |gesuchte )(?:seite|datei) (?:wurde nicht gefunden|existiert nicht)$/,
  /^nicht gefunden$/,
  // fr
  /^(?:la )?page (?:demandée |recherchée )?(?:est )?(?:introuvable|non trouvée|non trouvee|inexistante)$/,
  /^(?:cette|la) page (?:que vous (?:recherchez|cherchez) )?n['’]existe pas(?: ou plus)?$/,
  /^(?:fichier |document )?introuvable$/,
  // es
  /^(?:la )?página (?:no encontrada|no existe|no se encuentra)$/,
  /^(?:la )?pagina (?:no encontrada|no existe)$/,
  /^(?:esta|la) página (?:que buscas |que busca )?no existe$/,
  /^no se (?:encontró|encontro|ha encontrado|pudo encontrar) la página$/,
  /^no encontrad[oa]$/,
  // pt
  /^(?:a )?página (?:não encontrada|nao encontrada|não existe|inexistente)$/,
  /^(?:a )?pagina (?:nao encontrada|nao existe)$/,
  /^(?:esta|a) página (?:que você procura |que procura )?não existe$/,
  /^não encontrad[oa]$/,
  // it
  /^(?:la )?pagina (?:non trovata|non esiste|inesistente|non disponibile)$/,
  /^(?:questa|la) pagina (?:che cerchi )?non esiste(?: più)?$/,
  /^non trovat[oa]$/,
  // ru
  /^страница не (?:найдена|существует)$/,
  /^(?:такой )?страницы не существует$/,
  /^(?:запрашиваемая |запрошенная )?страница не найдена$/,
  /^не найдено$/,
  // zh (simplified and traditional)
  /^(?:抱歉[，,]?\s*)?(?:您(?:所)?访问的|您要找的|你访问的)?(?:页面|网页|頁面|網頁)(?:未找到|不存在|找不到了?|已(?:删除|刪除)|不見了|不见了)$/u,
  /^找不到(?:该|該|此)?(?:页面|网页|頁面|網頁)$/u,
  /^(?:页面|網頁|网页|頁面)无法找到$/u,
  // ja
  /^(?:お探しの|指定された|ご指定の)?ページ(?:が|は)?見つかりません(?:でした)?$/u,
  /^(?:お探しの|指定された|ご指定の)?ページ(?:が|は)?存在しません(?:でした)?$/u,
  /^(?:404\s*)?not found$/,
];

/** Title separators: `|`, ` - `, ` – `, ` — `, `·`, `»`, `:`, and their full-width forms. */
// One white-space character each side of a dash: the rest is trimmed from each part, and a `\s+` on both sides would backtrack over a long run of spaces.
const SEPARATORS = /\s[-–—]\s|[|｜·•»«:：]/u;

function normalise(part: string): string {
  let text = part.normalize('NFC').toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  text = text.replace(LEAD, '').trim();
  text = trimTail(text).trim();
  return text;
}

/** Whether one piece of text (a title part) is a not-found message. */
function saysNotFound(part: string): boolean {
  let text = normalise(part);
  if (text === '') return false;
  const code = CODE.exec(text);
  if (code) {
    text = trimTail(text.slice(code[0].length)).trim();
    // "404", "Error 404", "404 - Page not found"
    if (text === '') return true;
  }
  return NOT_FOUND.some((re) => re.test(text));
}

/** The title or heading that says the page is not there, or undefined. */
export function notFoundWording(title: string | undefined, heading: string | undefined): { where: 'title' | 'heading'; text: string } | undefined {
  for (const [where, text] of [['title', title], ['heading', heading]] as const) {
    if (text === undefined || text.length > 200) continue;
    if (saysNotFound(text) || text.split(SEPARATORS).some((part) => saysNotFound(part))) return { where, text };
  }
  return undefined;
}
