#!/usr/bin/env node
/**
 * Prints, per list, the house-style conventions listwarden learns and the style findings
 * it gives: `npm run build && node bench/style-report.mjs [files…]` (default: the corpus
 * lists in ../shared/corpus and ../shared/corpus/more, or $LISTWARDEN_CORPUS).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { buildDocument } from '../lib/core/parse/build-document.js';
import { runRules } from '../lib/core/findings/run-rules.js';
import { allRules } from '../lib/core/rules/index.js';
import { inferEntryFormat } from '../lib/core/style/infer-entry-format.js';
import { inferOrder } from '../lib/core/style/infer-order.js';
import { inferToc } from '../lib/core/style/infer-toc.js';
import { inferTableColumns } from '../lib/core/style/infer-table-columns.js';

const STYLE_RULES = new Set(['entry-order', 'entry-format', 'toc-in-sync', 'table-column-values']);
const corpus = resolve(process.env.LISTWARDEN_CORPUS ?? '../shared/corpus');
const files = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : [corpus, join(corpus, 'more')].filter(existsSync).flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => join(dir, f)));

const verbose = process.env.VERBOSE === '1';
let totalEntries = 0;
let totalFindings = 0;
for (const file of files) {
  const doc = buildDocument(basename(file), readFileSync(file, 'utf8'));
  const format = inferEntryFormat(doc);
  const parts = [];
  for (const aspect of ['separator', 'firstLetter', 'ending', 'bullet']) {
    const covered = new Map();
    for (const shape of format.shapes) {
      const c = format.conventionFor(shape, aspect);
      if (!c) continue;
      const key = `${JSON.stringify(c.value)}`;
      covered.set(key, (covered.get(key) ?? 0) + 1);
    }
    parts.push(`${aspect}=${[...covered].map(([v, n]) => `${v}×${n}`).join(',') || '-'}`);
  }
  const runs = inferOrder(doc);
  const sorted = runs.filter((r) => r.alphabetical);
  parts.push(`alphabetical=${sorted.reduce((n, r) => n + r.entries.length, 0)}/${runs.reduce((n, r) => n + r.entries.length, 0)} entries in runs`);
  const toc = inferToc(doc);
  parts.push(`toc=${toc ? `${toc.linked.length} lines, complete depths [${[...toc.completeDepths.keys()].join(',')}], ${toc.inOrder ? 'in order' : 'order not kept'}` : '-'}`);
  const cols = inferTableColumns(doc);
  parts.push(`columns=${cols.map((c) => `${c.column}:${c.kind}`).filter((v, i, a) => a.indexOf(v) === i).join(',') || '-'}`);
  const findings = runRules(doc, { rules: allRules }).filter((f) => STYLE_RULES.has(f.ruleId));
  totalEntries += doc.entries.length;
  totalFindings += findings.length;
  const byRule = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  console.log(`\n${basename(file)}: ${doc.entries.length} entries, ${findings.length} style findings ${JSON.stringify(byRule)}`);
  console.log(`  ${parts.join('\n  ')}`);
  if (verbose) for (const f of findings) console.log(`    ${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.message}`);
}
console.log(`\ntotal: ${totalEntries} entries, ${totalFindings} style findings (${((totalFindings / totalEntries) * 500).toFixed(2)} per 500 entries)`);
