import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { matchesAnyGlob } from '../core/config/glob.js';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './args.js';
import { resolveConfig, type ResolvedConfig } from '../core/config/resolved-config.js';
import { fixText } from '../use-cases/fix-text.js';
import { fixesLeftOut } from '../use-cases/fixes-left-out.js';
import { decodeInput } from '../core/parse/decode-input.js';
import { encodeOutput } from '../core/fixes/encode-output.js';
import { LineIndex } from '../core/parse/line-index.js';
import type { Finding, Severity } from '../core/findings/types.js';
import { formatText } from '../core/format/format-text.js';
import { formatJson } from '../core/format/format-json.js';
import { formatSarif } from '../core/format/format-sarif.js';
import { formatMarkdown } from '../core/format/format-markdown.js';
import { terminalText } from '../core/format/terminal-text.js';
import { allRules } from '../core/rules/index.js';
import { VERSION } from '../core/version.js';
import { runInit } from './init.js';
import { checkLists, recheckLists } from '../use-cases/check-lists.js';
import { LINK_RULES } from '../links/link-findings.js';
import type { CliLinkSession } from './link-ports.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Environment (GITHUB_TOKEN, GITHUB_API_URL); default none. */
  env?: NodeJS.ProcessEnv;
  /** Standard error is a terminal: show a live progress count. */
  isTty?: boolean;
  /** Asks a question on the terminal (init); absent when standard input is no terminal. */
  ask?: (question: string) => Promise<string>;
}


const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const DEFAULT_CONFIG = join('.github', 'listwarden.yml');

interface LoadedFile {
  path: string;
  source?: string;
  /** The file starts with a UTF-8 byte order mark (kept when fixing). */
  bom?: boolean;
  problem?: Finding;
}

/** Runs the CLI; returns the exit code (0 clean, 1 findings at or above --fail-on, 2 usage or input error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  /** One line to stderr: file names, notes and messages may quote the list or the repository, so control characters are shown escaped. */
  const say = (line: string): void => io.stderr(`${terminalText(line)}\n`);
  /** An error message that may span lines (usage, config): each line escaped, the line breaks kept. */
  const sayLines = (text: string): void => io.stderr(`${text.split('\n').map(terminalText).join('\n')}\n`);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      sayLines(`listwarden: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (options.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (options.command === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (options.command === 'init') return runInit(options.init!, io);
  // Modules only some runs need (YAML and zod for a config file, undici for links, diff for
  // --dry-run) are loaded when needed: loading them all costs more than checking a list.
  let config: ResolvedConfig = resolveConfig();
  const configPath = options.config ?? (existsSync(resolve(io.cwd, DEFAULT_CONFIG)) ? DEFAULT_CONFIG : undefined);
  if (configPath) {
    const { ConfigError, loadConfigFile } = await import('../use-cases/config-file.js');
    try {
      config = await loadConfigFile(resolve(io.cwd, configPath));
    } catch (error) {
      if (error instanceof ConfigError) {
        sayLines(`listwarden: config error: ${error.message}`);
        return 2;
      }
      throw error;
    }
  }

  const files: LoadedFile[] = [];
  for (const file of options.files) {
    if (matchesAnyGlob(relative(io.cwd, resolve(io.cwd, file)), config.ignoreFiles)) continue;
    files.push(await loadFile(io.cwd, file));
  }
  const missing = files.filter((f) => f.source === undefined && !f.problem);
  if (missing.length > 0) return 2;
  const readable = files.filter((f): f is LoadedFile & { source: string } => f.source !== undefined);

  const findings: Finding[] = files.flatMap((f) => (f.problem ? [f.problem] : []));
  let inputError = findings.length > 0;
  const links = options.offline ? undefined : await import('./link-ports.js');
  const progress = links?.progressReporter(io.stderr, io.isTty ?? false);
  let session: CliLinkSession | undefined;
  try {
    session = await links?.openLinkSession(io.cwd, config, options, io.env ?? {}, progress?.report);
  } catch (error) {
    if (links && error instanceof links.LinkStateError) {
      sayLines(`listwarden: link state error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let result;
  try {
    result = await checkLists(readable, config, session?.ports);
  } finally {
    progress?.done();
    await session?.finish();
  }
  for (const note of result.notes) say(`listwarden: ${note}`);

  const indexes = new Map<string, LineIndex>();
  for (const file of readable) {
    const own = result.findings.filter((f) => f.file === file.path);
    let source = file.source;
    if (options.command === 'fix') {
      // Certain fixes the link checks found (redirects, verified https) first, then the
      // static rules' fixes until nothing certain is left.
      const outcome = fixText(file.path, source, own, config, result.facts);
      const applied = outcome.applied.length;
      for (const line of fixesLeftOut(file.path, outcome.rejected, outcome.refused)) say(line);
      if (outcome.output !== source) {
        if (options.dryRun) io.stdout((await import('diff')).createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, source, outcome.output, '', ''));
        else await writeFile(resolve(io.cwd, file.path), encodeOutput(outcome.output, file.bom ?? false));
        say(`${file.path}: ${options.dryRun ? 'would apply' : 'applied'} ${applied} fix${applied === 1 ? '' : 'es'}`);
        source = outcome.output;
      }
      if (options.dryRun) continue;
      // Report what is left: the fixed text checked again, with the link verdicts already known.
      findings.push(...(await recheckLists([{ path: file.path, source }], config, result.evidence, session?.ports)));
    } else findings.push(...own);
    if (own.some((f) => f.ruleId === 'unreadable-input')) inputError = true;
    indexes.set(file.path, new LineIndex(source));
  }

  if (!(options.command === 'fix' && options.dryRun)) {
    const report = render(options, findings, files.map((f) => f.path), indexes);
    if (options.output) await writeFile(resolve(io.cwd, options.output), report, 'utf8');
    else io.stdout(report);
  }
  if (inputError) return 2;
  if (options.failOn === 'never') return 0;
  const threshold = RANK[options.failOn];
  return findings.some((f) => RANK[f.severity] >= threshold) ? 1 : 0;

  async function loadFile(cwd: string, file: string): Promise<LoadedFile> {
    const full = resolve(cwd, file);
    const path = relative(cwd, full) || file;
    try {
      const info = await stat(full);
      if (info.isDirectory()) {
        say(`listwarden: ${file} is a directory — pass the list file, e.g. ${join(file, 'README.md')}`);
        return { path };
      }
      const decoded = decodeInput(path, await readFile(full));
      return 'source' in decoded ? { path, source: decoded.source, bom: decoded.bom } : { path, problem: decoded.problem };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      say(`listwarden: cannot read ${file}${code === 'ENOENT' ? ': no such file' : ` (${code ?? String(error)})`} — check the path`);
      return { path };
    }
  }
}

function render(options: CliOptions, findings: Finding[], files: string[], indexes: Map<string, LineIndex>): string {
  switch (options.format) {
    case 'json':
      return formatJson(findings, files, (f) => indexes.get(f));
    case 'sarif':
      return formatSarif(findings, [...allRules.map((r) => r.meta), ...LINK_RULES], VERSION);
    case 'markdown':
      return formatMarkdown(findings, files);
    default:
      return formatText(findings, files);
  }
}
