// Writes a real list's entries again in the three raw-HTML forms listwarden models, so the
// detection benchmark can measure the rules on HTML entries (the corpus has almost none).
//
// From a parsed Markdown list (a ListDocument of lib/), every entry whose name links to an
// http(s) URL is kept with its section, name, URL and description (plain text, whitespace
// collapsed, its links written as `<a href>`: they are evidence for the name rules, e.g. a
// "Source Code" link that spells the project's name); each section keeps its Markdown
// heading, and its entries are written as:
//
//   lines    <p>
//            &nbsp;&nbsp;<a href="URL"><b>Name</b></a> - description<br>
//            </p>
//   item     <ul>
//            <li><a href="URL">Name</a> - description</li>
//            </ul>
//   details  <details><summary><b><a href="URL">Name</a></b> - description</summary>
//
//            - [GitHub](URL)                      (a GitHub repository; else - [Website](URL))
//            	```
//            	git clone URL
//            	```
//            - [Docs](URL/wiki)                   (every other GitHub repository: a second sub-link)
//            </details>                           (best-of-lists style; blocks follow each other)
//
// Text goes through escapeText (`&`, `<`, `>`), attributes through escapeAttr (also `"`).
// Nested Markdown entries are flattened into their section, so a URL already written in a
// section is not written again there (the flattened list would otherwise hold duplicates its
// Markdown original keeps apart under different parent items).
//
// The result records, for each written entry, the offsets of its name, URL and whole block,
// so defects can be injected at exact places without parsing the generated text.

export const HTML_FORMS = ['lines', 'item', 'details'];

export function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text) {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Markdown heading text: `<` and `&` as entities so a title never opens a tag. */
function headingText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const plain = (text) => text.replace(/\s+/g, ' ').trim();

/** `https://github.com/owner/repo` for a repository URL, else undefined. */
export function githubRepo(url) {
  const m = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i.exec(url);
  return m ? `https://github.com/${m[1]}/${m[2]}` : undefined;
}

/**
 * The entries to write, by section in document order: [{ section, items: [{ name, url, description }] }].
 * `urlKey` folds a URL the way no-duplicate-entry does (lib's normalizeUrl).
 */
export function sourceEntries(doc, urlKey) {
  const bySection = new Map(doc.sections.map((s) => [s, []]));
  const seen = new Set();
  for (const e of doc.entries) {
    const link = e.primaryLink;
    if (!link || link.isImage || link.inDescription || link.subLink || !/^https?:\/\/\S+$/i.test(link.url)) continue;
    const name = plain(e.name);
    const key = urlKey(link.url);
    if (name === '' || key === undefined) continue;
    const seenKey = `${e.section.id}\u0000${key}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    if (!bySection.has(e.section)) bySection.set(e.section, []);
    const description = plain(e.description);
    bySection.get(e.section).push({ name, url: link.url, description, parts: descriptionParts(description, e.links) });
  }
  return [...bySection].map(([section, items]) => ({ section, items }));
}

/** The description as text and links ([{ text, url? }]): each http(s) link of the description where its text stands. */
function descriptionParts(description, links) {
  const parts = [];
  let cursor = 0;
  for (const link of links) {
    const text = plain(link.text);
    if (!link.inDescription || link.isImage || text === '' || !/^https?:\/\/\S+$/i.test(link.url)) continue;
    const at = description.indexOf(text, cursor);
    if (at < 0) continue;
    if (at > cursor) parts.push({ text: description.slice(cursor, at) });
    parts.push({ text, url: link.url });
    cursor = at + text.length;
  }
  if (cursor < description.length) parts.push({ text: description.slice(cursor) });
  return parts;
}

/** Appends text and keeps the offset and 1-based line of the end. */
class Writer {
  parts = [];
  offset = 0;
  line = 1;
  write(text) {
    this.parts.push(text);
    this.offset += text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
  }
  /** Writes text and returns its [start, end) offsets. */
  mark(text) {
    const start = this.offset;
    this.write(text);
    return { start, end: this.offset };
  }
  text() {
    return this.parts.join('');
  }
}

const described = (item) =>
  item.description === '' ? '' : ` - ${item.parts.map((p) => (p.url ? `<a href="${escapeAttr(p.url)}">${escapeText(p.text)}</a>` : escapeText(p.text))).join('')}`;

/** One entry in one form: writes it and returns where its parts are. */
const WRITE_ENTRY = {
  lines(w, item) {
    w.write('&nbsp;&nbsp;<a href="');
    const url = w.mark(escapeAttr(item.url));
    w.write('"><b>');
    const name = w.mark(escapeText(item.name));
    w.write(`</b></a>${described(item)}<br>\n`);
    return { url, name };
  },
  item(w, item) {
    w.write('<li><a href="');
    const url = w.mark(escapeAttr(item.url));
    w.write('">');
    const name = w.mark(escapeText(item.name));
    w.write(`</a>${described(item)}</li>\n`);
    return { url, name };
  },
  details(w, item, index) {
    w.write('<details><summary><b><a href="');
    const url = w.mark(escapeAttr(item.url));
    w.write('">');
    const name = w.mark(escapeText(item.name));
    w.write(`</a></b>${described(item)}</summary>\n\n`);
    const repo = githubRepo(item.url);
    const body = { start: w.offset };
    if (repo) {
      w.write(`- [GitHub](${repo})\n\t\`\`\`\n\tgit clone ${repo}\n\t\`\`\`\n`);
      if (index % 2 === 1) w.write(`- [Docs](${repo}/wiki)\n`);
    } else {
      const destination = /^[^()<>\s]+$/.test(item.url) ? item.url : `<${item.url.replace(/[<>]/g, encodeURIComponent)}>`;
      w.write(`- [Website](${destination})\n`);
    }
    body.end = w.offset;
    w.write('</details>\n');
    return { url, name, body };
  },
};

const OPEN = { lines: '<p>\n', item: '<ul>\n', details: '' };
const CLOSE = { lines: '</p>\n', item: '</ul>\n', details: '' };

/**
 * The list written in one form: { text, entries }, each entry
 * { name, url, description, sectionId, index, line, lines, block, url: string, urlSpan, nameSpan, body? }
 * with `line` its first line, `lines` how many lines its block takes, and spans as [start, end) offsets.
 */
export function writeHtmlForm(sections, form) {
  if (!HTML_FORMS.includes(form)) throw new Error(`unknown HTML form "${form}" (one of ${HTML_FORMS.join(', ')})`);
  const w = new Writer();
  const entries = [];
  for (const { section, items } of sections) {
    if (section.depth > 0) w.write(`${'#'.repeat(section.depth)} ${headingText(section.title)}\n\n`);
    if (items.length === 0) continue;
    w.write(OPEN[form]);
    for (const item of items) {
      const start = { offset: w.offset, line: w.line };
      const at = WRITE_ENTRY[form](w, item, entries.length);
      entries.push({
        ...item,
        sectionId: section.id,
        index: entries.length,
        line: start.line,
        lines: w.line - start.line,
        block: { start: start.offset, end: w.offset },
        urlSpan: at.url,
        nameSpan: at.name,
        ...(at.body ? { body: at.body } : {}),
      });
    }
    w.write(`${CLOSE[form]}\n`);
  }
  return { text: w.text(), entries };
}
