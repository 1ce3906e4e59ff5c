import type { MaintenanceChange } from '../../../src/maintenance/change-list.js';

/** A list with one of each kind of certain link fix, and dead links in and out of tables. */
export const LIST = [
  '# Awesome Things', // 1
  '', // 2
  '## Tools', // 3
  '', // 4
  '- [Alpha](https://old.example/alpha) - Moved permanently.', // 5
  '- [Beta](https://github.com/old-owner/beta) - Renamed repository.', // 6
  '- [Gone](https://gone.example/page) - Dead, with an archived copy.', // 7
  '- [Gitleak](https://gitleaks.io/) - Finds secrets.', // 8
  '- [Semgrep](https://semgrep.dev/?utm_source=newsletter) - Static analysis.', // 9
  '- [Lost](https://lost.example/) - Dead, no copy anywhere.', // 10
  '- [Kept](https://kept.example/) - Cites [a dead page](https://cited.example/) in its description.', // 11
  '', // 12
  '## Table', // 13
  '', // 14
  '| Name | Notes |', // 15
  '| --- | --- |', // 16
  '| [Vanished](https://vanished.example/) | Dead, no copy. |', // 17
  '',
].join('\n');

export const ARCHIVE = 'https://web.archive.org/web/2023/https://gone.example/page';

/**
 * Applies a change list to the original text: each distinct (line, before, after) replaces
 * its lines (or removes them when `after` is ''). A change list that accounts for every
 * edit turns the original into exactly the fixed text.
 */
export function applyChanges(source: string, changes: MaintenanceChange[]): string {
  const lines = source.split('\n');
  const units = new Map<number, MaintenanceChange>();
  for (const change of changes) units.set(change.line, change);
  for (const change of [...units.values()].sort((a, b) => b.line - a.line)) {
    const count = change.before.split('\n').length;
    const found = lines.slice(change.line - 1, change.line - 1 + count).join('\n');
    if (found !== change.before) throw new Error(`line ${change.line}: expected ${JSON.stringify(change.before)}, found ${JSON.stringify(found)}`);
    lines.splice(change.line - 1, count, ...(change.after === '' ? [] : change.after.split('\n')));
  }
  return lines.join('\n');
}
