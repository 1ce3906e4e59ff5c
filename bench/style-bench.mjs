#!/usr/bin/env node
/**
 * Cost of the house-style rules, and whether it grows linearly: times them alone on
 * generated lists of 10k, 40k and 160k entries and prints ms and ms per 1000 entries
 * (a flat ratio means linear). `npm run build && node bench/style-bench.mjs`
 */
import { buildDocument } from '../lib/core/parse/build-document.js';
import { runRules } from '../lib/core/findings/run-rules.js';
import { entryOrder } from '../lib/core/rules/entry-order.js';
import { entryFormat } from '../lib/core/rules/entry-format.js';
import { tocInSync } from '../lib/core/rules/toc-in-sync.js';
import { tableColumnValues } from '../lib/core/rules/table-column-values.js';
import { generateList } from './generate-list.mjs';

const rules = [entryOrder, entryFormat, tocInSync, tableColumnValues];
let base;
for (const count of [10_000, 40_000, 160_000]) {
  const doc = buildDocument('list.md', generateList(count));
  runRules(doc, { rules }); // warm-up
  const runs = 3;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) runRules(doc, { rules });
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  const per1000 = ms / (doc.entries.length / 1000);
  base ??= per1000;
  console.log(`${String(doc.entries.length).padStart(7)} entries: ${ms.toFixed(1).padStart(8)} ms  ${per1000.toFixed(2)} ms/1000 entries  (×${(per1000 / base).toFixed(2)} of the smallest)`);
}
