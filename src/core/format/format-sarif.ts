import type { Finding, RuleMeta, Severity } from '../findings/types.js';
import { ruleDocUrl } from './rule-docs.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A stable fingerprint so code scanning tracks one alert across runs even when lines move. */
function fingerprint(f: Finding): string {
  let hash = 5381;
  const text = `${f.ruleId}\u0000${f.file}\u0000${f.message}`;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** SARIF 2.1.0, as GitHub code scanning accepts it (rule metadata, help, locations). */
export function formatSarif(findings: Finding[], rules: RuleMeta[], version: string): string {
  const metas = [...rules];
  for (const f of findings) {
    if (!metas.some((m) => m.id === f.ruleId)) metas.push({ id: f.ruleId, defaultSeverity: f.severity, description: f.ruleId, fixable: false });
  }
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'listwarden',
            version,
            informationUri: 'https://github.com/listwarden/listwarden',
            rules: metas.map((m) => ({
              id: m.id,
              name: m.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: m.description },
              fullDescription: { text: m.description },
              helpUri: ruleDocUrl(m.id),
              help: { text: `${m.description} See ${ruleDocUrl(m.id)}`, markdown: `${m.description} [Documentation](${ruleDocUrl(m.id)})` },
              defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
              properties: { tags: ['awesome-list'], fixable: m.fixable },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.replace(/\\/g, '/').replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.span.start.line,
                  startColumn: f.span.start.column,
                  endLine: f.span.end.line,
                  endColumn: Math.max(f.span.end.column, f.span.end.line === f.span.start.line ? f.span.start.column + 1 : 1),
                },
              },
            },
          ],
          partialFingerprints: { 'listwarden/v1': fingerprint(f) },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
