import type { RuleMeta } from '../core/findings/types.js';

/**
 * The files `listwarden init` writes: the config with every default written out as a comment,
 * and the three workflows of the README (pull-request check, weekly report, commands).
 * `list` is a repository path chosen by the user or guessed from file names: it goes into YAML
 * only through `yamlString`.
 */

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A path as a GitHub Actions filter pattern that matches only it: `*?+[]!` and `\\` escaped with `\\`. */
export function literalGlob(path: string): string {
  return path.replace(/[\\*?+[\]!]/g, '\\$&');
}

export const CONFIG_PATH = '.github/listwarden.yml';
export const PR_WORKFLOW_PATH = '.github/workflows/listwarden.yml';
export const REPORT_WORKFLOW_PATH = '.github/workflows/listwarden-report.yml';
export const COMMANDS_WORKFLOW_PATH = '.github/workflows/listwarden-commands.yml';

/**
 * Every setting is a commented line `# key: value   # what it does`, so removing the first
 * `# ` of each setting line gives a file that validates and means the defaults.
 */
export function configText(list: string, rules: readonly RuleMeta[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const ruleLines = rules.map((r) => `#   ${`${r.id}:`.padEnd(width + 1)} ${r.defaultSeverity.padEnd(7)}   # ${r.description.replace(/\s+/g, ' ')}`);
  return [
    '# listwarden: https://github.com/listwarden/listwarden#config',
    '# Written by `listwarden init`. The commented lines are the defaults: uncomment one to change it.',
    '# Unknown keys and wrong values are errors that name the key.',
    '',
    '# The lists (the GitHub App reads this; the Action takes its `files` input).',
    `files: [${yamlString(list)}]`,
    '',
    '# rules:                      # severity per rule: error, warning, info or off',
    ...ruleLines,
    '',
    '# ignore:',
    '#   urls: []                  # globs (* = anything) or /regular expressions/ of URLs to leave alone',
    '#   files: []                 # globs of files not to check',
    '',
    '# tools: []                   # extra canonical tool names: - { name: Gitleaks, homes: [gitleaks.io] }',
    '',
    '# duplicates:',
    '#   scope: section            # section: the same URL twice in one section; file: anywhere in the file',
    '',
    '# links:                      # the link checker (the CLI\'s flags win)',
    '#   concurrency: 64           # requests in flight at most',
    '#   hostConcurrency: 4        # requests in flight per host at most',
    '#   hostIntervalMs: 0         # minimum time between two requests to one host',
    '#   timeoutSeconds: 30        # give up on a link after this long',
    '#   retries: 2                # retries of a timeout or a 5xx',
    '#   aliveStatusCodes: []      # extra HTTP statuses that count as alive, e.g. [206]',
    '#   headers: []               # extra request headers by URL prefix: - { prefix: "https://…/", headers: { Authorization: … } }',
    '',
    '# report:                     # the scheduled link-rot report',
    '#   confirmRuns: 2            # a dead link is confirmed after failing in this many runs…',
    '#   confirmDays: 3            # …over at least this many days',
    '#   budgetMinutes: 20         # stop starting link checks after this long; the rest wait for the next run',
    '#   intervalDays: 7           # the GitHub App\'s schedule (the Action follows its workflow\'s cron)',
    '',
    '# maintenance:',
    '#   deadLinks: archive        # archive, archive-or-remove, or off',
    '',
  ].join('\n');
}

export function pullRequestWorkflow(list: string): string {
  return `# listwarden: checks what each pull request adds to the list (written by \`listwarden init\`).
name: listwarden
on:
  pull_request:
    paths: [${yamlString(literalGlob(list))}, '.github/listwarden.yml']
permissions:
  contents: read        # read the base and head versions of the list
  checks: write         # the listwarden check run and its annotations
  pull-requests: write  # review comments with suggestions
  issues: write         # the sticky summary comment (PR comments are issue comments)
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: listwarden/listwarden@v1
        with:
          files: ${yamlString(list)}
          fail-on: error        # error, warning, info or never
          check-links: changed  # changed, all or none
`;
}

export function reportWorkflow(list: string): string {
  return `# listwarden: the weekly link-rot report issue and the maintenance pull request (written by \`listwarden init\`).
name: listwarden report
on:
  schedule:
    - cron: '17 6 * * 1'   # Mondays 06:17 UTC
  workflow_dispatch:
permissions:
  contents: write        # the maintenance branch (and reading the list)
  issues: write          # the report issue, its label and comments
  pull-requests: write   # the maintenance pull request
concurrency:
  group: listwarden-report
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: listwarden/listwarden@v1
        with:
          files: ${yamlString(list)}
          maintenance-pr: true   # false: only the report
`;
}

export function commandsWorkflow(list: string): string {
  return `# listwarden: /listwarden recheck, fix, ignore, explain and help in comments (written by \`listwarden init\`).
name: listwarden commands
on:
  issue_comment:
    types: [created]
permissions:
  contents: write        # /listwarden fix: push to a PR branch or the maintenance branch
  issues: write          # replies, reactions, the report issue
  pull-requests: write   # suggestions, the maintenance pull request
  checks: write          # /listwarden recheck on a pull request: the check run
concurrency:
  group: listwarden-command-\${{ github.event.comment.id }}
jobs:
  command:
    if: startsWith(github.event.comment.body, '/listwarden')
    runs-on: ubuntu-latest
    steps:
      - uses: listwarden/listwarden@v1
        with:
          files: ${yamlString(list)}
`;
}
