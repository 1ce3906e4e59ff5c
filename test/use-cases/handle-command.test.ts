import { describe, it, expect } from '@jest/globals';
import { CommandError } from '../../src/commands/command-error.js';
import { GitHubPermissionError } from '../../src/github/port.js';
import { handleCommand, type CommandRunners } from '../../src/use-cases/handle-command.js';
import { leaseRef } from '../../src/use-cases/lease.js';
import { BASE_LIST, commentEvent, NOW, recordingRunners } from './helpers/command-fixtures.js';
import { FakeGitHub, REPO, withoutLeases } from './helpers/fake-github.js';

function world() {
  const gh = new FakeGitHub({ 'README.md': BASE_LIST });
  gh.permissions.set('wendy-writer', 'write');
  gh.permissions.set('mo-maintainer', 'maintain');
  gh.permissions.set('ada-admin', 'admin');
  gh.permissions.set('tri-triager', 'triage');
  gh.permissions.set('rita-reader', 'read');
  const issue = gh.addIssue({ title: 'Broken links?', body: 'Some links look dead.', login: 'rita-reader' });
  const pull = gh.openPull('add-tools', { 'README.md': BASE_LIST + '- [Trivy](https://trivy.dev/) - Scans images.\n' });
  return { gh, issue, pull, runners: recordingRunners() };
}

const MARKER = /\n\n<!-- listwarden:reply-to=(\d+) -->$/;

describe('handleCommand: what is no command for listwarden', () => {
  it('ignores comments whose first line is no command, without a request', async () => {
    const { gh, issue, runners } = world();
    for (const body of ['Thanks!\n/listwarden fix', '> /listwarden fix', 'I ran /listwarden fix yesterday']) {
      const outcome = await handleCommand(gh, commentEvent(gh, issue, 'wendy-writer', body), runners, { now: NOW });
      expect(outcome.handled).toBe(false);
    }
    expect(gh.calls).toEqual([]);
    expect(runners.ran).toEqual([]);
  });

  it('ignores edited and deleted comments, without a request', async () => {
    const { gh, issue, runners } = world();
    for (const action of ['edited', 'deleted']) {
      const outcome = await handleCommand(gh, commentEvent(gh, issue, 'wendy-writer', '/listwarden fix', { action }), runners, { now: NOW });
      expect(outcome).toMatchObject({ handled: false });
    }
    expect(gh.calls).toEqual([]);
    expect(runners.ran).toEqual([]);
  });

  it('ignores bots, listwarden included, without a request', async () => {
    const { gh, issue, runners } = world();
    const bots = [
      { login: 'dependabot[bot]', userType: 'Bot' },
      { login: 'renovate[bot]', userType: 'User' },
      { login: 'some-app', userType: 'Bot' },
      { login: 'listwarden-app', userType: 'User' },
    ];
    for (const bot of bots) {
      const event = commentEvent(gh, issue, bot.login, '/listwarden fix', { userType: bot.userType });
      expect(await handleCommand(gh, event, runners, { now: NOW, botLogin: 'listwarden-app' })).toMatchObject({ handled: false });
    }
    expect(gh.calls).toEqual([]);
    expect(runners.ran).toEqual([]);
  });

  it('ignores a command from the login the token acts as, when GitHub tells it', async () => {
    const gh = new FakeGitHub({}, { login: 'lw-maintainer-pat', knowsLogin: true });
    const issue = gh.addIssue({ title: 'x', body: '', login: 'someone' });
    const runners = recordingRunners();
    const outcome = await handleCommand(gh, commentEvent(gh, issue, 'lw-maintainer-pat', '/listwarden fix'), runners, { now: NOW });
    expect(outcome.handled).toBe(false);
    expect(gh.writes).toEqual([]);
    expect(runners.ran).toEqual([]);
  });
});

describe('handleCommand: commands from a person with write access', () => {
  const cases: { body: string; where: 'issue' | 'pull'; ran: (n: number) => string; line: string }[] = [
    { body: '/listwarden recheck', where: 'pull', ran: (n) => `recheckPull #${n}`, line: 'reviewed #N again' },
    { body: '/listwarden recheck', where: 'issue', ran: () => 'recheckReport', line: 'the report is up to date' },
    { body: '/listwarden fix', where: 'pull', ran: (n) => `fixPull #${n}`, line: 'pushed 2 fixes to the branch of #N' },
    { body: '/listwarden FIX', where: 'issue', ran: () => 'fixMaintenance', line: 'updated #7 with 3 fixes' },
  ];
  for (const c of cases) {
    it(`runs "${c.body}" on ${c.where === 'pull' ? 'a pull request' : 'an issue'}: one reply with the result, 👀 then 🚀`, async () => {
      const { gh, issue, pull, runners } = world();
      const number = c.where === 'pull' ? pull : issue;
      const event = commentEvent(gh, number, 'wendy-writer', `${c.body}\nthanks`);
      const outcome = await handleCommand(gh, event, runners, { now: NOW });
      expect(outcome).toMatchObject({ handled: true, command: c.body.split(' ')[1]!.toLowerCase() });
      expect(outcome.failed).toBeUndefined();
      expect(runners.ran).toEqual([c.ran(number)]);
      const replies = gh.repliesOn(number);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toContain(`@wendy-writer, \`/listwarden ${c.body.split(' ')[1]!.toLowerCase()}\`: ${c.line.replace('#N', `#${number}`)}`);
      expect(MARKER.exec(replies[0]!.body)?.[1]).toBe(String(event.comment.id));
      expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
      // The lease is released.
      expect([...gh.refs.keys()].filter((r) => r.startsWith('refs/listwarden/'))).toEqual([]);
    });
  }

  it('lets maintain and admin run commands too, and reads the permission from the API', async () => {
    const { gh, issue, runners } = world();
    for (const login of ['mo-maintainer', 'ada-admin']) {
      await handleCommand(gh, commentEvent(gh, issue, login, '/listwarden recheck'), runners, { now: NOW });
    }
    expect(runners.ran).toEqual(['recheckReport', 'recheckReport']);
    expect(gh.calls.filter((c) => c.method === 'getPermission')).toHaveLength(2);
  });
});

describe('handleCommand: commands from a person without write access', () => {
  for (const body of ['/listwarden recheck', '/listwarden fix', '/listwarden ignore https://example.com/gone', '/listwarden ignore no-dead-link']) {
    for (const login of ['rita-reader', 'tri-triager', 'stranger']) {
      it(`refuses "${body}" from ${login} politely, 😕, after the permission check and with no lease, 👀 or anything else`, async () => {
        const { gh, pull, runners } = world();
        const report = gh.addIssue({ title: 'report', body: '<!-- listwarden:report -->\nall fine', labels: ['listwarden'], login: gh.login });
        const event = commentEvent(gh, pull, login, body);
        const outcome = await handleCommand(gh, event, runners, { now: NOW });
        const command = body.replace(/^\/listwarden /, '');
        expect(outcome).toMatchObject({ handled: true, refused: 'permission', failed: true });
        expect(runners.ran).toEqual([]);
        const replies = gh.repliesOn(pull);
        expect(replies).toHaveLength(1);
        expect(replies[0]!.body).toMatch(new RegExp(`^@${login}, only people with write access can run \`/listwarden ${command.replace(/[.?]/g, '\\$&')}\` — ask a maintainer\\.`));
        expect(gh.reactionsOn(event.comment.id)).toEqual(['confused']);
        expect(gh.writes).toEqual([`createIssueComment #${pull}`, 'addReaction confused']);
        const methods = gh.calls.map((c) => c.method);
        expect(methods.indexOf('getPermission')).toBeGreaterThanOrEqual(0);
        expect(methods.indexOf('getPermission')).toBeLessThan(gh.calls.findIndex((c) => c.write !== undefined));
        expect(gh.issues.get(report)!.body).toBe('<!-- listwarden:report -->\nall fine');
      });
    }
  }

  it('answers help and explain for everyone, without asking for the permission', async () => {
    const { gh, issue, runners } = world();
    const help = commentEvent(gh, issue, 'stranger', '/listwarden help');
    expect(await handleCommand(gh, help, runners, { now: NOW })).toMatchObject({ handled: true });
    const explain = commentEvent(gh, issue, 'rita-reader', '/listwarden explain table-rowspan');
    const outcome = await handleCommand(gh, explain, runners, { now: NOW });
    expect(outcome.reply).toContain('https://github.com/listwarden/listwarden/blob/main/docs/rules/table-rowspan.md');
    expect(gh.calls.map((c) => c.method)).not.toContain('getPermission');
    expect(gh.reactionsOn(help.comment.id)).toEqual(['eyes', 'rocket']);
    expect(gh.reactionsOn(explain.comment.id)).toEqual(['eyes', 'rocket']);
    const [helpReply, explainReply] = gh.repliesOn(issue);
    expect(helpReply!.body).toMatch(/^\*\*listwarden commands\*\* — /);
    expect(explainReply!.body).toMatch(/^\*\*`table-rowspan`\*\* — /);
    expect(runners.ran).toEqual([]);
  });
});

describe('handleCommand: help, explain and unknown verbs', () => {
  it('lists the real rule ids when explain names no known rule, with 😕', async () => {
    const { gh, issue, runners } = world();
    const event = commentEvent(gh, issue, 'wendy-writer', '/listwarden explain no-such-rule');
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome.reply).toMatch(/^There is no rule `no-such-rule` — name one of: .*`table-rowspan`.*`no-dead-link`/);
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'confused']);
  });

  it('answers an unknown verb with "unknown command" and the help, 😕', async () => {
    const { gh, issue, runners } = world();
    const event = commentEvent(gh, issue, 'wendy-writer', '/listwarden deploy now');
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome).toMatchObject({ handled: true, command: 'deploy', failed: true });
    expect(outcome.reply).toMatch(/^Unknown command `\/listwarden deploy` — use one of these:/);
    expect(outcome.reply).toContain('- `/listwarden recheck`');
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'confused']);
    expect(runners.ran).toEqual([]);
  });
});

describe('handleCommand: failures', () => {
  function failing(error: Error): CommandRunners {
    const fail = async (): Promise<string> => {
      throw error;
    };
    return { recheckPull: fail, recheckReport: fail, fixMaintenance: fail, fixPull: fail };
  }

  it('says which permission to give when GitHub refuses the token', async () => {
    const { gh, pull } = world();
    const event = commentEvent(gh, pull, 'wendy-writer', '/listwarden fix');
    const outcome = await handleCommand(gh, event, failing(new GitHubPermissionError('GitHub refused creating a commit (403): Resource not accessible by integration', 403)), { now: NOW });
    expect(outcome).toMatchObject({ handled: true, failed: true });
    expect(outcome.reply).toContain('@wendy-writer, `/listwarden fix` could not finish: GitHub refused creating a commit (403)');
    expect(outcome.reply).toContain('The token may not write here — give the workflow `contents: write` / `pull-requests: write`');
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'confused']);
    expect(gh.repliesOn(pull)).toHaveLength(1);
  });

  it('passes on what the commenter can do about a CommandError, and reports other errors with the log hint', async () => {
    const { gh, issue } = world();
    const a = commentEvent(gh, issue, 'wendy-writer', '/listwarden fix');
    const one = await handleCommand(gh, a, failing(new CommandError('the maintenance branch has commits by a person — merge or close #9 first.')), { now: NOW });
    expect(one.reply).toMatch(/^@wendy-writer, `\/listwarden fix` could not be done: the maintenance branch has commits by a person — merge or close #9 first\.$/);
    const b = commentEvent(gh, issue, 'wendy-writer', '/listwarden recheck');
    const two = await handleCommand(gh, b, failing(new Error('socket hang up')), { now: NOW });
    expect(two.reply).toMatch(/^@wendy-writer, `\/listwarden recheck` failed: socket hang up — the log of the listwarden run that handled this comment has the details; try the command again once it is fixed\./);
    expect(gh.reactionsOn(a.comment.id)).toEqual(['eyes', 'confused']);
    expect(gh.reactionsOn(b.comment.id)).toEqual(['eyes', 'confused']);
  });

  it('still answers when the token may not react', async () => {
    const { gh, issue, runners } = world();
    gh.denied.add('addReaction');
    const lines: string[] = [];
    const outcome = await handleCommand(gh, commentEvent(gh, issue, 'wendy-writer', '/listwarden recheck'), runners, { now: NOW, log: (l) => lines.push(l) });
    expect(outcome.failed).toBeUndefined();
    expect(gh.repliesOn(issue)).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('could not react eyes'))).toBe(true);
  });
});

describe('handleCommand: repeated and concurrent deliveries', () => {
  it('a reply marker posted by someone else does not stop a maintainer\'s command', async () => {
    const { gh, pull, runners } = world();
    const event = commentEvent(gh, pull, 'mo-maintainer', '/listwarden fix');
    gh.addComment(pull, 'rita-reader', `nope\n\n<!-- listwarden:reply-to=${event.comment.id} -->`);
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome).toMatchObject({ handled: true, command: 'fix' });
    expect(outcome.reason).not.toBe('already answered');
    expect(runners.ran).toEqual([`fixPull #${pull}`]);
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
  });

  it('a reply marker posted by someone else does not stop the refusal of a reader\'s command either', async () => {
    const { gh, pull, runners } = world();
    const event = commentEvent(gh, pull, 'rita-reader', '/listwarden fix');
    gh.addComment(pull, 'rita-reader', `<!-- listwarden:reply-to=${event.comment.id} -->`);
    expect(await handleCommand(gh, event, runners, { now: NOW })).toMatchObject({ refused: 'permission' });
  });

  it('answers a comment delivered twice once', async () => {
    const { gh, pull, runners } = world();
    const event = commentEvent(gh, pull, 'wendy-writer', '/listwarden fix');
    await handleCommand(gh, event, runners, { now: NOW });
    const again = await handleCommand(gh, event, runners, { now: NOW });
    expect(again).toMatchObject({ handled: true, reason: 'already answered' });
    expect(runners.ran).toEqual([`fixPull #${pull}`]);
    expect(gh.repliesOn(pull)).toHaveLength(1);
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
  });

  it('does the work once for 20 concurrent deliveries of the same comment', async () => {
    const { gh, pull, runners } = world();
    const event = commentEvent(gh, pull, 'wendy-writer', '/listwarden fix');
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => handleCommand(gh, event, runners, { now: NOW })));
    expect(outcomes.every((o) => o.handled)).toBe(true);
    expect(runners.ran).toEqual([`fixPull #${pull}`]);
    expect(gh.repliesOn(pull)).toHaveLength(1);
    expect(withoutLeases(gh.writes)).toEqual(['addReaction eyes', `createIssueComment #${pull}`, 'addReaction rocket']);
    expect(gh.reactionsOn(event.comment.id)).toEqual(['eyes', 'rocket']);
    expect([...gh.refs.keys()].filter((r) => r.startsWith('refs/listwarden/'))).toEqual([]);
  });

  it('does nothing while another delivery holds the lease', async () => {
    const { gh, pull, runners } = world();
    const event = commentEvent(gh, pull, 'wendy-writer', '/listwarden fix');
    const holder = await gh.createCommit(REPO, { message: 'listwarden lease until 2024-06-01T12:20:00.000Z', parentSha: gh.head(), files: [] });
    await gh.createRef(REPO, leaseRef(`command-${event.comment.id}`), holder);
    const outcome = await handleCommand(gh, event, runners, { now: NOW });
    expect(outcome).toMatchObject({ handled: true, reason: 'another delivery of this comment is answering it' });
    expect(runners.ran).toEqual([]);
    expect(gh.reactionsOn(event.comment.id)).toEqual([]);
    expect(gh.repliesOn(pull)).toEqual([]);
  });

  it('answers without the lease when the token may not create it', async () => {
    const { gh, issue, runners } = world();
    gh.denied.add('createCommit');
    await handleCommand(gh, commentEvent(gh, issue, 'wendy-writer', '/listwarden recheck'), runners, { now: NOW });
    expect(runners.ran).toEqual(['recheckReport']);
    expect(gh.repliesOn(issue)).toHaveLength(1);
  });
});

describe('handleCommand: dry run', () => {
  it('writes nothing and runs nothing, and logs what it would do', async () => {
    const { gh, pull, runners } = world();
    const lines: string[] = [];
    const outcome = await handleCommand(gh, commentEvent(gh, pull, 'wendy-writer', '/listwarden fix'), runners, { now: NOW, dryRun: true, log: (l) => lines.push(l) });
    expect(outcome).toMatchObject({ handled: true, command: 'fix' });
    expect(gh.writes).toEqual([]);
    expect(runners.ran).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(/^dry run: would react eyes on comment \d+$/),
      `dry run: would fix #${pull}`,
      expect.stringMatching(new RegExp(`^dry run: would reply on #${pull}: @wendy-writer, \`/listwarden fix\`: \\(dry run\\) would fix #${pull}\\.$`)),
      expect.stringMatching(/^dry run: would react rocket on comment \d+$/),
    ]);
  });
});
