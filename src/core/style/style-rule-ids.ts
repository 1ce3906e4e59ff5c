/** The house-style rules: their deviations go into the maintenance pull request only with `maintenance.style: true`. */
export const STYLE_RULE_IDS: readonly string[] = ['entry-order', 'entry-format', 'toc-in-sync', 'table-column-values'];
