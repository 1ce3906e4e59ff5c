import type { Rule, RuleReport } from '../findings/types.js';
import { cellKinds, inferTableColumns } from '../style/infer-table-columns.js';
import { styleSettingsOf } from '../style/style-settings.js';
import { describeStrength } from '../style/thresholds.js';

/**
 * `table-column-values`: a GFM table cell unlike the rest of its column, where the column
 * keeps one kind of value: Yes/No/Unknown (`Maybe` → "write Yes, No or Unknown"; `yes`
 * among `Yes` → `Yes`), or a code span (`apiKey`) where a value is given (`OAuth` →
 * `` `OAuth` ``).
 */
export const tableColumnValues: Rule = {
  meta: {
    id: 'table-column-values',
    defaultSeverity: 'warning',
    description: 'Table cells unlike the rest of their column (Yes/No/Unknown, code spans).',
    fixable: true,
  },
  check({ doc, config }) {
    if (styleSettingsOf(config).tableColumns === 'off') return [];
    const reports: RuleReport[] = [];
    for (const col of inferTableColumns(doc)) {
      const noun = col.strength.scope === 'file' ? `cells of "${col.column}" columns` : 'cells';
      const evidence = describeStrength(col.strength, noun);
      for (const c of col.cells) {
        const kinds = cellKinds(c.raw);
        const span = c.cell.span;
        if (col.kind === 'yes-no') {
          if (c.raw === '') continue;
          if (!kinds.yesNo) {
            reports.push({ message: `"${short(c.raw)}" in column "${col.column}" is not Yes, No or Unknown (the column holds those: ${evidence}) — write one of them`, span });
            continue;
          }
          const usual = col.spellings.get(c.raw.toLowerCase());
          if (usual !== undefined && usual !== c.raw) {
            reports.push({
              message: `"${c.raw}" in column "${col.column}" is spelled "${usual}" elsewhere in the column — write "${usual}"`,
              span,
              suggestion: usual,
              fix: { edits: [{ start: c.start, end: c.end, text: usual }], certain: true },
            });
          }
        } else if (!kinds.absent && !kinds.code) {
          const plain = /^[\p{L}\p{N} ._+\-/:]+$/u.test(c.raw);
          reports.push({
            message: `"${short(c.raw)}" in column "${col.column}" is not written as code (the column uses code spans: ${evidence}) — write it in backticks`,
            span,
            ...(plain ? { suggestion: `\`${c.raw}\``, fix: { edits: [{ start: c.start, end: c.end, text: `\`${c.raw}\`` }], certain: true } } : {}),
          });
        }
      }
    }
    return reports;
  },
};

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
