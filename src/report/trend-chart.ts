import { KEEP_RUNS, type ReportMemory, type ReportRun } from './report-memory.js';

/**
 * The trend of the report: the totals of past runs, drawn as a Mermaid line chart that
 * GitHub renders in the issue, so a maintainer sees at a glance whether the list is getting
 * healthier.
 */

/** Runs drawn in the chart (the memory keeps more). */
export const CHART_RUNS = 12;

/** Line colours, in the order the lines are drawn: dead, failing, unverifiable. */
const PALETTE = ['#cf222e', '#bf8700', '#8c959f'];

const dayOf = (run: ReportRun) => run.at.slice(0, 10);

/**
 * The memory with this run's totals recorded. A second run on the same UTC day replaces
 * that day's record, so repeated deliveries of one event leave the same memory (and body).
 */
export function recordRun(memory: ReportMemory, run: ReportRun): ReportMemory {
  const day = dayOf(run);
  const runs = [...memory.runs.filter((r) => dayOf(r) !== day), run].sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : 0));
  return { ...memory, runs: runs.slice(-KEEP_RUNS) };
}

/** A label Mermaid accepts inside double quotes. */
function label(text: string): string {
  return `"${text.replace(/["\\]/g, '').replace(/[\r\n]+/g, ' ')}"`;
}

/** The Mermaid `xychart-beta` text of the last runs (without the code fence). */
export function trendChart(runs: readonly ReportRun[]): string {
  const shown = runs.slice(-CHART_RUNS);
  const series = (pick: (run: ReportRun) => number) => `[${shown.map((run) => Math.max(0, Math.round(pick(run)))).join(', ')}]`;
  const top = Math.max(1, ...shown.flatMap((run) => [run.dead, run.failing, run.unverifiable]));
  return [
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${PALETTE.join(', ')}"`,
    '---',
    'xychart-beta',
    `  title ${label(`Links over the last ${shown.length === 1 ? 'run' : `${shown.length} runs`}`)}`,
    `  x-axis [${shown.map((run) => label(dayOf(run))).join(', ')}]`,
    `  y-axis ${label('Links')} 0 --> ${top}`,
    `  line ${series((run) => run.dead)}`,
    `  line ${series((run) => run.failing)}`,
    `  line ${series((run) => run.unverifiable)}`,
  ].join('\n');
}

export type TrendDirection = 'healthier' | 'worse' | 'steady' | 'first';

/** Where the last two runs point: fewer dead or failing links is healthier. */
export function trendDirection(runs: readonly ReportRun[]): TrendDirection {
  const last = runs.at(-1);
  const before = runs.at(-2);
  if (!last || !before) return 'first';
  const rot = (run: ReportRun) => run.dead + run.failing;
  const delta = rot(last) - rot(before);
  if (delta < 0) return 'healthier';
  if (delta > 0) return 'worse';
  // Same rot: a confirmed link that was only failing before is worse; unverifiable counts only then.
  if (last.dead !== before.dead) return last.dead < before.dead ? 'healthier' : 'worse';
  if (last.unverifiable !== before.unverifiable) return last.unverifiable < before.unverifiable ? 'healthier' : 'worse';
  return 'steady';
}

/** One sentence on the last two runs. */
export function trendSentence(runs: readonly ReportRun[]): string {
  const last = runs.at(-1);
  const before = runs.at(-2);
  if (!last || !before) return 'This is the first run: the trend starts here.';
  const rot = (run: ReportRun) => run.dead + run.failing;
  const delta = rot(last) - rot(before);
  const since = `since the run of ${dayOf(before)}`;
  switch (trendDirection(runs)) {
    case 'healthier':
      return delta < 0
        ? `📉 Getting healthier: ${-delta} fewer dead or failing ${-delta === 1 ? 'link' : 'links'} ${since}.`
        : `📉 Getting healthier: ${last.dead === before.dead ? 'fewer unverifiable links' : 'fewer confirmed dead links'} ${since}.`;
    case 'worse':
      return delta > 0
        ? `📈 Getting worse: ${delta} more dead or failing ${delta === 1 ? 'link' : 'links'} ${since}.`
        : `📈 Getting worse: ${last.dead === before.dead ? 'more unverifiable links' : 'failing links now confirmed dead'} ${since}.`;
    default:
      return `➡️ Steady: the same counts as in the run of ${dayOf(before)}.`;
  }
}

/** The trend section: the chart in a mermaid block, a one-line legend and the sentence. */
export function trendLines(runs: readonly ReportRun[]): string[] {
  if (runs.length === 0) return [];
  return [
    '```mermaid',
    trendChart(runs),
    '```',
    '',
    'Lines: 🔴 dead (confirmed) · 🟡 failing, not yet confirmed · ⚪ unverifiable.',
    '',
    trendSentence(runs),
  ];
}
