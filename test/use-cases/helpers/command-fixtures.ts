import type { CommandRunners, CommentEvent } from '../../../src/use-cases/handle-command.js';
import { REPO, type FakeGitHub } from './fake-github.js';

/** A list on the default branch, with one old tracking parameter (not the PR's doing). */
export const BASE_LIST = [
  '# Awesome Security',
  '',
  '## Tools',
  '',
  '- [Gitleaks](https://github.com/gitleaks/gitleaks) - Finds secrets in git history.',
  '- [Semgrep](https://semgrep.dev/?utm_source=old) - Static analysis.',
  '',
].join('\n');

/** The list as a pull request changes it: a misspelled tool name and a tracking parameter, both on added lines. */
export const HEAD_LIST = BASE_LIST.replace(
  '- [Semgrep]',
  '- [Gitleak](https://github.com/gitleaks/gitleaks-action) - Runs the scan in CI.\n- [Trivy](https://trivy.dev/?utm_source=newsletter) - Scans images.\n- [Semgrep]',
);

export const NOW = () => Date.parse('2024-06-01T12:00:00Z');

/** Runners that record what they were asked to do and answer one line. */
export function recordingRunners(): CommandRunners & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    recheckPull: async (pull) => (ran.push(`recheckPull #${pull}`), `reviewed #${pull} again: no problems in the changed lines.`),
    recheckReport: async () => (ran.push('recheckReport'), 'the report is up to date: 2 dead links.'),
    fixMaintenance: async () => (ran.push('fixMaintenance'), 'updated #7 with 3 fixes.'),
    fixPull: async (pull) => (ran.push(`fixPull #${pull}`), `pushed 2 fixes to the branch of #${pull}.`),
  };
}

/** A new comment posted on an issue or PR, as the issue_comment event tells it. */
export function commentEvent(gh: FakeGitHub, issue: number, login: string, body: string, extra: { userType?: string; action?: string } = {}): CommentEvent {
  const id = gh.addComment(issue, login, body);
  const isPull = gh.issues.get(issue)?.pull !== undefined;
  return { repo: REPO, action: extra.action ?? 'created', comment: { id, body, login, userType: extra.userType ?? 'User' }, issue: { number: issue, isPull } };
}
