import { parseArgs } from 'node:util';

export type Format = 'text' | 'json' | 'sarif' | 'markdown';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface CliOptions {
  command: 'check' | 'fix' | 'help' | 'version';
  files: string[];
  format: Format;
  config?: string;
  offline: boolean;
  failOn: FailOn;
  dryRun: boolean;
  output?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage: listwarden <command> [options] <files…>

Commands:
  check <files…>   report problems (exit 0 clean, 1 findings at or above --fail-on, 2 usage or input error)
  fix <files…>     apply every certain fix in place (--dry-run prints a unified diff instead)

Options:
  --format <f>     text (default), json, sarif or markdown
  --output <file>  write the report to a file instead of standard output
  --config <path>  config file (default: .github/listwarden.yml when it exists)
  --fail-on <s>    error (default), warning, info or never
  --offline        no network (static rules only)
  --dry-run        with fix: print the diff, change nothing
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
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} — run listwarden --help for the options`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', files: [], format: 'text', offline: true, failOn: 'error', dryRun: false };
  if (values.version) return { command: 'version', files: [], format: 'text', offline: true, failOn: 'error', dryRun: false };
  const [command, ...files] = positionals;
  if (command !== 'check' && command !== 'fix') {
    throw new UsageError(command ? `unknown command "${command}" — use check or fix` : 'no command given — use listwarden check <files…> or listwarden fix <files…>');
  }
  if (files.length === 0) throw new UsageError(`no files given — e.g. listwarden ${command} README.md`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${values.format} is not supported — use one of ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on ${values['fail-on']} is not supported — use one of ${FAIL_ON.join(', ')}`);
  if (values['dry-run'] && command !== 'fix') throw new UsageError('--dry-run goes with fix');
  return {
    command,
    files,
    format,
    ...(values.config ? { config: values.config } : {}),
    ...(values.output ? { output: values.output } : {}),
    offline: values.offline ?? false,
    failOn,
    dryRun: values['dry-run'] ?? false,
  };
}
