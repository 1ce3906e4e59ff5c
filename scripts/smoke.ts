import { readFileSync } from 'node:fs';
import { buildDocument } from '../src/core/parse/build-document.js';
const f = process.argv[2]!;
const doc = buildDocument(f, readFileSync(f, 'utf8'));
console.log('sections', doc.sections.length, 'links', doc.links.length, 'entries', doc.entries.length, 'tables', doc.tables.length, 'regions', doc.htmlRegions.length, 'texts', doc.textRuns.length);
for (const t of doc.tables) console.log(t.syntax, t.span.start.line, t.columns, t.bodyRows.map(r => r.grid.length + (r.isEmpty ? 'E' : '') + '@' + r.span.start.line).join(' '));
for (const e of doc.entries.slice(0, 400)) console.log(e.span.start.line, JSON.stringify(e.name), e.primaryLink?.url, e.scope, e.nameSpan ? 'N' : '-');
