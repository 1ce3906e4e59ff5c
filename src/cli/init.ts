import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { allRules } from '../core/rules/index.js';
import { findRepoRoot, guessListFile } from './init-guess.js';
import {
  COMMANDS_WORKFLOW_PATH,
  commandsWorkflow,
  CONFIG_PATH,
  configText,
  PR_WORKFLOW_PATH,
  pullRequestWorkflow,
  REPORT_WORKFLOW_PATH,
  reportWorkflow,
} from './init-templates.js';

export interface InitOptions {
  /** Ask nothing: take the guessed list file (README.md when nothing can be guessed). */
  yes: boolean;
  /** Overwrite files that exist. */
  force: boolean;
  /** The list file, instead of a guess. */
  list?: string;
}

export interface InitIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Asks a question on a terminal; absent when there is none to ask on. */
  ask?: (question: string) => Promise<string>;
}

/** File names come from the repository: control characters are shown escaped, never sent to the terminal. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * `listwarden init`: writes `.github/listwarden.yml` and the pull-request, report and commands
 * workflows into the repository around `cwd`. Existing files are kept unless `force`.
 * Exit code: 0 when every file was written, 1 when some were kept, 2 on a usage problem.
 */
export async function runInit(options: InitOptions, io: InitIo): Promise<number> {
  const repoRoot = findRepoRoot(io.cwd);
  const root = repoRoot ?? resolve(io.cwd);
  if (!repoRoot) io.stderr(`listwarden: ${shown(root)} is not inside a git repository — writing the files here\n`);

  let chosen = options.list;
  let list = 'README.md';
  if (chosen === undefined) {
    const guess = guessListFile(root);
    if (guess.list) {
      list = guess.list;
      io.stdout(`List file: ${shown(list)} (the Markdown file with the most links)\n`);
    } else if (!options.yes && io.ask) {
      chosen = (await io.ask(`Which file is the list? [${list}] `)).trim() || undefined;
    } else {
      io.stdout(`List file: ${list} (no Markdown file with links found — pass --list <file> to name another)\n`);
    }
  }
  if (chosen !== undefined) {
    const rel = relative(root, resolve(io.cwd, chosen));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      io.stderr(`listwarden: ${shown(chosen)} is outside the repository ${shown(root)} — name a file inside it\n`);
      return 2;
    }
    list = rel.split(sep).join('/');
  }
  if (!existsSync(join(root, list))) io.stderr(`listwarden: ${shown(list)} does not exist yet — the workflows check it once it does\n`);

  const files: [string, string][] = [
    [CONFIG_PATH, configText(list, allRules.map((r) => r.meta))],
    [PR_WORKFLOW_PATH, pullRequestWorkflow(list)],
    [REPORT_WORKFLOW_PATH, reportWorkflow(list)],
    [COMMANDS_WORKFLOW_PATH, commandsWorkflow(list)],
  ];
  const kept: string[] = [];
  for (const [path, text] of files) {
    const full = join(root, path);
    const existed = existsSync(full);
    if (existed && !options.force) {
      kept.push(path);
      io.stdout(`kept     ${path} (it exists; --force overwrites it)\n`);
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text, 'utf8');
    io.stdout(`${existed ? 'replaced' : 'wrote   '} ${path}\n`);
  }

  io.stdout(
    [
      '',
      'Next:',
      `  1. Look through ${CONFIG_PATH}: the commented lines are the defaults.`,
      `  2. Try it here: npx listwarden check ${shown(list)}`,
      '  3. Commit and push: git add .github && git commit -m "Add listwarden" && git push',
      '     Pull requests that change the list are then checked; the report runs on Mondays',
      '     (or now: Actions → "listwarden report" → Run workflow); comment /listwarden help to see the commands.',
      '',
    ].join('\n'),
  );
  if (kept.length > 0) {
    io.stderr(`listwarden: ${kept.length} file${kept.length === 1 ? '' : 's'} already existed and ${kept.length === 1 ? 'was' : 'were'} kept — run listwarden init --force to overwrite ${kept.length === 1 ? 'it' : 'them'}\n`);
    return 1;
  }
  return 0;
}
