import type { GraphQLBody, RepoQuery } from './repo-query.js';
import type { RepoRef } from './repo-status.js';

/** Repositories per README query: a README comes whole, so batches are small. */
export const README_BATCH = 10;
/** Characters of a README kept: its first paragraph is near the top. */
const MAX_README = 4_000;

/** The names GitHub shows as a README, most common first (one alias each). */
const NAMES: [string, string][] = [
  ['md', 'README.md'],
  ['lower', 'readme.md'],
  ['rst', 'README.rst'],
  ['plain', 'README'],
];

/** One query for the READMEs of a batch: aliases `r0…rN`, one `object(expression:)` per README name. */
export function buildReadmeQuery(batch: RepoRef[]): RepoQuery {
  const params: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, string> = {};
  const objects = NAMES.map(([alias, name]) => `${alias}: object(expression: "HEAD:${name}") { ... on Blob { text } }`).join(' ');
  batch.forEach((ref, i) => {
    params.push(`$o${i}: String!`, `$n${i}: String!`);
    fields.push(`  r${i}: repository(owner: $o${i}, name: $n${i}) { ${objects} }`);
    variables[`o${i}`] = ref.owner;
    variables[`n${i}`] = ref.repo;
  });
  return { query: `query(${params.join(', ')}) {\n${fields.join('\n')}\n}`, variables };
}

/** The README text (bounded) of each repository that has one (`keys[i]` was asked as `r${i}`). */
export function interpretReadmes(keys: string[], body: GraphQLBody): Map<string, string> {
  const readmes = new Map<string, string>();
  const data = body.data ?? {};
  keys.forEach((key, i) => {
    const node = data[`r${i}`];
    if (typeof node !== 'object' || node === null) return;
    for (const [alias] of NAMES) {
      const blob = (node as Record<string, unknown>)[alias];
      const text = typeof blob === 'object' && blob !== null ? (blob as Record<string, unknown>).text : undefined;
      if (typeof text === 'string' && text.trim() !== '') {
        readmes.set(key, text.slice(0, MAX_README));
        return;
      }
    }
  });
  return readmes;
}
