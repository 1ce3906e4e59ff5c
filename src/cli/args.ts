import { parseArgs } from 'node:util';

export type Format = 'text' | 'json' | 'sarif' | 'markdown';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface CliOptions {
  command: 'check' | 'fix' | 'init' | 'help' | 'version';
  files: string[];
  format: Format;
  config?: string;
  offline: boolean;
  failOn: FailOn;
  dryRun: boolean;
  output?: string;
  /** Link state file (read and written; none kept without it). */
  state?: string;
  allowPrivate: boolean;
  /** Time budget for link checks, in milliseconds. */
  budgetMs?: number;
  githubToken?: string;
  concurrency?: number;
  hostConcurrency?: number;
  /** Look up archived copies of dead links in the Wayback Machine. */
  wayback: boolean;
  /** init: ask nothing; overwrite existing files; the list file. */
  init?: { yes: boolean; force: boolean; list?: string };
}

export class UsageError extends Error {}

export const USAGE = `Usage: listwarden <command> [options] <files…>

Commands:
  check <files…>   report problems (exit 0 clean, 1 findings at or above --fail-on, 2 usage or input error)
  fix <files…>     apply every certain fix in place (--dry-run prints a unified diff instead)
  init             write .github/listwarden.yml and the GitHub workflows (--yes: ask nothing,
                   --force: overwrite files that exist, --list <file>: the list file)

Options:
  --format <f>     text (default), json, sarif or markdown
  --output <file>  write the report to a file instead of standard output
  --config <path>  config file (default: .github/listwarden.yml when it exists)
  --fail-on <s>    error (default), warning, info or never
  --offline        no network: static rules only, no link checks
  --dry-run        with fix: print the diff, change nothing

Link checks (unless --offline):
  --state <file>            read and write the link state (verdicts, failure streaks) there
  --budget <duration>       stop after this long (e.g. 90s, 5m, 1h); the stalest links go first
  --github-token <token>    check GitHub repositories through the API (default: $GITHUB_TOKEN)
  --concurrency <n>         requests in flight at most (default 64)
  --host-concurrency <n>    requests in flight per host at most (default 4)
  --allow-private           allow loopback and private addresses (refused by default)
  --wayback                 suggest Wayback Machine copies for dead links
  -h, --help       this help
  -v, --version    the version
`;

const FORMATS: Format[] = ['text', 'json', 'sarif', 'markdown'];
const FAIL_ON: FailOn[] = ['error', 'warning', 'info', 'never'];

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string', default: 'error' },
        offline: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        state: { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        budget: { type: 'string' },
        'github-token': { type: 'string' },
        concurrency: { type: 'string' },
        'host-concurrency': { type: 'string' },
        wayback: { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        force: { type: 'boolean', default: false },
        list: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} — run listwarden --help for the options`);
  }
  const { values, positionals } = parsed;
  const bare = { files: [], format: 'text' as const, offline: true, failOn: 'error' as const, dryRun: false, allowPrivate: false, wayback: false };
  if (values.help) return { command: 'help', ...bare };
  if (values.version) return { command: 'version', ...bare };
  const [command, ...files] = positionals;
  if (command === 'init') {
    if (files.length > 0) throw new UsageError(`init takes no files — name the list with --list ${files[0]}`);
    return { command, ...bare, init: { yes: values.yes ?? false, force: values.force ?? false, ...(values.list !== undefined ? { list: values.list } : {}) } };
  }
  if (command !== 'check' && command !== 'fix') {
    throw new UsageError(command ? `unknown command "${command}" — use check, fix or init` : 'no command given — use listwarden check <files…>, listwarden fix <files…> or listwarden init');
  }
  for (const flag of ['yes', 'force', 'list'] as const) if (values[flag]) throw new UsageError(`--${flag} goes with init`);
  if (files.length === 0) throw new UsageError(`no files given — e.g. listwarden ${command} README.md`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${values.format} is not supported — use one of ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on ${values['fail-on']} is not supported — use one of ${FAIL_ON.join(', ')}`);
  if (values['dry-run'] && command !== 'fix') throw new UsageError('--dry-run goes with fix');
  const budgetMs = values.budget !== undefined ? parseDuration(values.budget) : undefined;
  const concurrency = values.concurrency !== undefined ? positiveInt('--concurrency', values.concurrency) : undefined;
  const hostConcurrency = values['host-concurrency'] !== undefined ? positiveInt('--host-concurrency', values['host-concurrency']) : undefined;
  return {
    command,
    files,
    format,
    ...(values.state ? { state: values.state } : {}),
    allowPrivate: values['allow-private'] ?? false,
    ...(budgetMs !== undefined ? { budgetMs } : {}),
    ...(values['github-token'] ? { githubToken: values['github-token'] } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(hostConcurrency !== undefined ? { hostConcurrency } : {}),
    wayback: values.wayback ?? false,
    ...(values.config ? { config: values.config } : {}),
    ...(values.output ? { output: values.output } : {}),
    offline: values.offline ?? false,
    failOn,
    dryRun: values['dry-run'] ?? false,
  };
}

/** "90s", "5m", "1h30m", "2h", or plain seconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/gy)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new UsageError(`--budget ${text} is not a duration — write e.g. 90s, 5m or 1h`);
  }
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((ms, p) => ms + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UsageError(`${flag} ${text} is not a whole number from 1 to 10000`);
  return n;
}
