import { describe, expect, test } from '@jest/globals';
import { emptyMemory, KEEP_RUNS, type ReportRun } from '../../src/report/report-memory.js';
import { CHART_RUNS, recordRun, trendChart, trendDirection, trendLines, trendSentence } from '../../src/report/trend-chart.js';
import { mermaidBlocks, parseMermaid } from './helpers/mermaid.js';

const run = (at: string, dead: number, failing: number, unverifiable: number): ReportRun => ({ at, dead, failing, unverifiable });

describe('recording runs', () => {
  test('a run is appended; a second run on the same UTC day replaces that day', () => {
    let memory = recordRun(emptyMemory(), run('2024-03-04', 1, 2, 3));
    memory = recordRun(memory, run('2024-03-11', 2, 2, 3));
    const again = recordRun(memory, run('2024-03-11', 5, 0, 1));
    expect(again.runs).toEqual([run('2024-03-04', 1, 2, 3), run('2024-03-11', 5, 0, 1)]);
    // The same run twice leaves the same memory.
    expect(recordRun(again, run('2024-03-11', 5, 0, 1))).toEqual(again);
    // An older record with a full ISO time is the same day too.
    expect(recordRun({ ...emptyMemory(), runs: [run('2024-03-11T23:59:00.000Z', 9, 9, 9)] }, run('2024-03-11', 0, 0, 0)).runs).toEqual([run('2024-03-11', 0, 0, 0)]);
  });

  test('the memory keeps the last KEEP_RUNS runs, oldest first', () => {
    let memory = emptyMemory();
    for (let i = 0; i < KEEP_RUNS + 5; i++) memory = recordRun(memory, run(new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), i, 0, 0));
    expect(memory.runs).toHaveLength(KEEP_RUNS);
    expect(memory.runs[0]!.dead).toBe(5);
    expect(memory.runs.at(-1)!.dead).toBe(KEEP_RUNS + 4);
  });
});

describe('direction', () => {
  test('fewer dead or failing links is healthier, more is worse, the same is steady', () => {
    expect(trendDirection([run('2024-03-04', 3, 2, 0), run('2024-03-11', 2, 2, 0)])).toBe('healthier');
    expect(trendDirection([run('2024-03-04', 3, 2, 0), run('2024-03-11', 3, 4, 0)])).toBe('worse');
    expect(trendDirection([run('2024-03-04', 3, 2, 7), run('2024-03-11', 3, 2, 7)])).toBe('steady');
    expect(trendDirection([run('2024-03-04', 1, 2, 0), run('2024-03-11', 2, 1, 0)])).toBe('worse');
    expect(trendDirection([run('2024-03-04', 0, 0, 5), run('2024-03-11', 0, 0, 2)])).toBe('healthier');
    expect(trendDirection([run('2024-03-11', 0, 0, 0)])).toBe('first');
  });

  test('the sentence says it in words, with the date it compares to', () => {
    expect(trendSentence([run('2024-03-04', 3, 2, 0), run('2024-03-11', 1, 2, 0)])).toBe('📉 Getting healthier: 2 fewer dead or failing links since the run of 2024-03-04.');
    expect(trendSentence([run('2024-03-04', 0, 0, 0), run('2024-03-11', 0, 1, 0)])).toBe('📈 Getting worse: 1 more dead or failing link since the run of 2024-03-04.');
    expect(trendSentence([run('2024-03-04', 1, 1, 1), run('2024-03-11', 1, 1, 1)])).toBe('➡️ Steady: the same counts as in the run of 2024-03-04.');
    expect(trendSentence([run('2024-03-11', 1, 1, 1)])).toMatch(/first run/);
  });
});

describe('the chart', () => {
  test('draws the last runs: one x label a run, one line each for dead, failing, unverifiable', () => {
    const runs = Array.from({ length: CHART_RUNS + 3 }, (_, i) => run(new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), i, 2 * i, 1));
    const chart = trendChart(runs);
    const shown = runs.slice(-CHART_RUNS);
    expect(chart).toContain(`x-axis [${shown.map((r) => `"${r.at}"`).join(', ')}]`);
    const lines = chart.split('\n').filter((l) => l.trim().startsWith('line '));
    expect(lines).toEqual([
      `  line [${shown.map((r) => r.dead).join(', ')}]`,
      `  line [${shown.map((r) => r.failing).join(', ')}]`,
      `  line [${shown.map((r) => r.unverifiable).join(', ')}]`,
    ]);
    expect(chart).toContain(`y-axis "Links" 0 --> ${Math.max(...shown.map((r) => r.failing))}`);
  });

  test('the section has the block, a legend naming the three lines, and the sentence', () => {
    const lines = trendLines([run('2024-03-04', 1, 0, 0), run('2024-03-11', 0, 0, 0)]).join('\n');
    expect(mermaidBlocks(lines)).toHaveLength(1);
    expect(lines).toMatch(/Lines: 🔴 dead.*🟡 failing.*⚪ unverifiable/);
    expect(lines).toContain('Getting healthier');
    expect(trendLines([])).toEqual([]);
  });

  test('VALID MERMAID: the mermaid parser accepts every chart we draw, and rejects a broken one', () => {
    const charts = [
      trendChart([run('2024-03-11', 0, 0, 0)]),
      trendChart([run('2024-03-04', 3, 1, 2), run('2024-03-11', 2, 0, 9)]),
      trendChart(Array.from({ length: 60 }, (_, i) => run(new Date(Date.UTC(2023, 0, 2 + 7 * i)).toISOString().slice(0, 10), i % 7, (i * 3) % 11, 400 + i))),
      // Labels from a damaged memory (a person edited it) must not break the chart.
      trendChart([run('2024-"03\n-04', 1, 1, 1), run('2024-03-11T10:00:00Z', 0, 0, 0)]),
    ];
    const broken = charts[1]!.replace('line [3, 2]', 'line [3, two]');
    expect(broken).not.toBe(charts[1]);
    const verdicts = parseMermaid([...charts, broken]);
    expect(verdicts.slice(0, charts.length)).toEqual(charts.map(() => ({ ok: true, type: 'xychart' })));
    expect(verdicts.at(-1)!.ok).toBe(false);
  }, 60_000);
});
