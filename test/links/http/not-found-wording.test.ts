import { describe, it, expect } from '@jest/globals';
import { notFoundWording } from '../../../src/links/http/not-found-wording.js';

describe('notFoundWording', () => {
  it.each([
    // en
    ['404'],
    ['404 Not Found'],
    ['Error 404 - Page not found'],
    ['Page Not Found | ToolDocs'],
    ['Oops! Page not found'],
    ['This page does not exist – Acme'],
    ["The page you're looking for can't be found"],
    ['Not Found · GitHub'],
    ["We couldn't find that page"],
    // de, fr, es, pt, it, ru, zh, ja
    ['Seite nicht gefunden – Werkzeugkiste'],
    ['Fehler 404: Seite nicht gefunden'],
    ['Page introuvable - Exemple'],
    ["Cette page n'existe pas"],
    ['Página no encontrada | Ejemplo'],
    ['Página não encontrada'],
    ['Pagina non trovata'],
    ['Страница не найдена'],
    ['页面不存在 - 示例'],
    ['找不到页面'],
    ['ページが見つかりません | サンプル'],
    ['お探しのページは見つかりませんでした'],
  ])('%s says not found', (title) => {
    expect(notFoundWording(title, undefined)).toEqual({ where: 'title', text: title });
  });

  it.each([
    ['Designing a friendly 404 page | UX Notes'],
    ['How to fix "404 Not Found" in nginx'],
    ['404 Media'],
    ['HTTP 404 - Wikipedia'],
    ['Understanding HTTP status codes'],
    ['Page Object pattern'],
    ['Lost & Found | City of Springfield'],
    ['Nicht gefunden? So suchen Sie richtig'],
    [''],
  ])('%s does not', (title) => {
    expect(notFoundWording(title, undefined)).toBeUndefined();
  });

  it('cuts at a dash with any white space around it and trims trailing punctuation and spaces', () => {
    for (const title of ['ToolDocs   —   Page not found', 'ToolDocs\t-\tPage not found', 'Page not found !!! ) ', '404 - Not Found  ']) {
      expect(notFoundWording(title, undefined)).toEqual({ where: 'title', text: title });
    }
    // A dash without white space on both sides is part of a word, not a separator.
    expect(notFoundWording('ToolDocs -Page not found', undefined)).toBeUndefined();
  });

  it('reads the heading when the title says nothing', () => {
    expect(notFoundWording('ToolDocs', 'Oops! Page not found')).toEqual({ where: 'heading', text: 'Oops! Page not found' });
    expect(notFoundWording('ToolDocs', 'Install')).toBeUndefined();
  });
});
