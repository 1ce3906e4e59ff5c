import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
const p = unified().use(remarkParse).use(remarkGfm);
const [kind, nStr] = process.argv.slice(2); const n = +nStr;
const gen = {
  quotes: (n) => '>'.repeat(n) + ' x\n',
  lists: (n) => Array.from({length: n}, (_, i) => ' '.repeat(i*2) + '- item').join('\n') + '\n',
  listsInline: (n) => '- '.repeat(n) + 'x\n',
};
const t = Date.now();
try { const tree = p.parse(gen[kind](n)); let d=0, x=tree; while (x.children && x.children.length) { x = x.children[0]; d++; } console.log(kind, n, 'ok', Date.now()-t, 'ms depth', d); }
catch (e) { console.log(kind, n, 'ERR', e.constructor.name, e.message.slice(0,200), Date.now()-t, 'ms'); }
