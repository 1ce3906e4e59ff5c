import type { Finding } from '../core/findings/types.js';
import { repoPath } from './repo-path.js';
import { spanLines } from './span-lines.js';

export interface PartitionedFindings {
  /** Findings on lines this pull request adds or changes: they decide the check. */
  gating: Finding[];
  /** Everything else: problems the list already had, and every info finding. */
  existing: Finding[];
}

/**
 * Splits findings by whether the pull request caused them. A finding gates when its file
 * is in `changed` (keyed by repository path) and any line of its span is a changed line;
 * info findings never gate. Order within each group is kept.
 */
export function partitionFindings(findings: Finding[], changed: Map<string, Set<number>>): PartitionedFindings {
  const byPath = new Map<string, Set<number>>();
  for (const [file, lines] of changed) byPath.set(repoPath(file), lines);
  const gating: Finding[] = [];
  const existing: Finding[] = [];
  for (const f of findings) {
    const lines = f.severity === 'info' ? undefined : byPath.get(repoPath(f.file));
    let gates = false;
    if (lines && lines.size > 0) {
      const { first, last } = spanLines(f.span);
      for (let line = first; line <= last && !gates; line++) gates = lines.has(line);
    }
    (gates ? gating : existing).push(f);
  }
  return { gating, existing };
}
