/**
 * Reads Prometheus' text exposition format (what prom-client writes): each sample line
 * `name{label="value",…} number` becomes an entry keyed by the name and its labels sorted,
 * e.g. `listwarden_links_checked_total{verdict="dead"}`. `# HELP` and `# TYPE` lines are kept
 * apart, so a test can also check that every metric is declared.
 */
export interface ParsedMetrics {
  samples: Map<string, number>;
  types: Map<string, string>;
  /** A sample's value, 0 when absent (a counter that never moved is not written). */
  value(name: string, labels?: Record<string, string>): number;
}

export function sampleKey(name: string, labels: Record<string, string> = {}): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return parts.length > 0 ? `${name}{${parts.join(',')}}` : name;
}

export function parsePrometheusText(text: string): ParsedMetrics {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!sample) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    const labelText = sample[2] ?? '';
    const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/y;
    let at = 0;
    while (at < labelText.length) {
      pair.lastIndex = at;
      const m = pair.exec(labelText);
      if (!m) throw new Error(`bad labels in: ${line}`);
      labels[m[1]!] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      at = pair.lastIndex;
    }
    const raw = sample[3]!;
    // prom-client writes NaN as "Nan".
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : /^nan$/i.test(raw) ? NaN : Number(raw);
    if (Number.isNaN(value) && !/^nan$/i.test(raw)) throw new Error(`bad value in: ${line}`);
    samples.set(sampleKey(sample[1]!, labels), value);
  }
  return { samples, types, value: (name, labels) => samples.get(sampleKey(name, labels)) ?? 0 };
}
