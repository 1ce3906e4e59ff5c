import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { micromark } from 'micromark';
const s = readFileSync(process.argv[2], 'utf8');
const a = unified().use(remarkParse), b = unified().use(remarkParse).use(remarkGfm);
for (const [k, p] of [['plain', a], ['gfm', b], ['plain', a], ['gfm', b]]) { const t = performance.now(); p.parse(s); console.log(k, (performance.now() - t).toFixed(0), 'ms'); }
let t = performance.now(); micromark(s); console.log('micromark html', (performance.now() - t).toFixed(0));
