import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MermaidVerdict {
  ok: boolean;
  type?: string;
  error?: string;
}

const SCRIPT = fileURLToPath(new URL('./parse-mermaid.mjs', import.meta.url));

/**
 * Parses diagrams with the real mermaid package (its own parser, as GitHub's renderer
 * uses), in a plain node process: jest's ESM mode cannot load jsdom's dependencies.
 */
export function parseMermaid(texts: string[]): MermaidVerdict[] {
  const run = spawnSync(process.execPath, [SCRIPT], { input: JSON.stringify(texts), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`parse-mermaid.mjs failed: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as MermaidVerdict[];
}

/** The contents of the ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}
