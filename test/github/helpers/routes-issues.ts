import { issueJson, labelJson, pullAsIssueJson, reactionJson } from './stand-in-json.js';
import { compileRoute, errorReply, notFound, type Reply, type Route, type RouteContext } from './stand-in-router.js';
import { StandInState, type StandInIssue, type StandInLabel, type StandInPull, type StandInReaction, type StandInReactionContent } from './stand-in-state.js';

/**
 * Issues (the list, pulls included as GitHub includes them, filtered by labels and state;
 * one issue; create; update — a pull's number reads and writes the pull, as on GitHub), labels (get, list, create) and reactions on issue comments.
 * Beyond the schema, GitHub refuses a label that exists already (names compare without
 * case), a color that is not six hex digits and a description past 100 characters; issue
 * writes naming unknown labels create them; a second identical reaction by the same user
 * is answered 200 with the first.
 */

type LabelItem = string | { name?: string };

interface IssueBody {
  title?: string | number | null;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: StandInIssue['state_reason'];
  labels?: LabelItem[];
}

const validation = (...errors: object[]): Reply => errorReply(422, 'Validation Failed', errors);

function labelNames(items: LabelItem[] | undefined): string[] | undefined {
  return items?.map((item) => (typeof item === 'string' ? item : item.name ?? '')).filter((name) => name !== '');
}

function labelsOf(context: RouteContext, names: string[]): StandInLabel[] {
  const { owner = '', repo = '' } = context.params;
  return names.map((name) => context.state.label(owner, repo, name) ?? { id: 0, name, color: 'ededed', description: null });
}

function listIssues(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const { state, query } = context;
  const wanted = (query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter((l) => l !== '');
  const which = query.get('state') ?? 'open';
  const items = [
    ...[...state.issues.values()].filter((i) => i.owner === owner && i.repo === repo).map((i) => ({ item: i, json: () => issueJson(i, labelsOf(context, i.labels)) })),
    ...state.pullsOf(owner, repo).map((p) => ({ item: p, json: () => pullAsIssueJson(p, labelsOf(context, p.labels)) })),
  ].filter(({ item }) => (which === 'all' || item.state === which) && wanted.every((l) => item.labels.some((name) => name.toLowerCase() === l)));
  const sort = query.get('sort') ?? 'created';
  const key = (item: (typeof items)[number]['item']) =>
    sort === 'updated' && 'updated_at' in item ? item.updated_at : `${item.created_at}#${String(item.number).padStart(9, '0')}`;
  items.sort((a, b) => (key(a.item) < key(b.item) ? -1 : key(a.item) > key(b.item) ? 1 : 0));
  if ((query.get('direction') ?? 'desc') === 'desc') items.reverse();
  return context.page(items.map(({ json }) => json()));
}

function findIssue({ state, params }: RouteContext): StandInIssue | undefined {
  return state.issues.get(StandInState.numberKey(params.owner ?? '', params.repo ?? '', Number(params.issue_number)));
}

function createIssue(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const body = context.body as IssueBody;
  const title = String(body.title ?? '');
  if (title.trim() === '') return validation({ resource: 'Issue', field: 'title', code: 'missing_field' });
  const names = labelNames(body.labels) ?? [];
  for (const name of names) context.state.ensureLabel(owner, repo, name);
  const created = context.state.now();
  const issue: StandInIssue = {
    owner,
    repo,
    number: context.state.nextNumber(owner, repo),
    title,
    body: body.body ?? '',
    state: 'open',
    state_reason: null,
    labels: names.map((name) => context.state.label(owner, repo, name)?.name ?? name),
    user: context.viewer,
    created_at: created,
    updated_at: created,
    closed_at: null,
  };
  context.state.issues.set(StandInState.numberKey(owner, repo, issue.number), issue);
  return { status: 201, body: issueJson(issue, labelsOf(context, issue.labels)) };
}

function findPull({ state, params }: RouteContext): StandInPull | undefined {
  return state.pulls.get(StandInState.numberKey(params.owner ?? '', params.repo ?? '', Number(params.issue_number)));
}

/** A pull written through the issues API (pulls are issues): title, body, labels, state. */
function updatePullAsIssue(context: RouteContext, pull: StandInPull): Reply {
  const body = context.body as IssueBody;
  if (body.title !== undefined && body.title !== null) pull.title = String(body.title);
  if (body.body !== undefined) pull.body = body.body ?? '';
  const names = labelNames(body.labels);
  if (names !== undefined) {
    for (const name of names) context.state.ensureLabel(pull.owner, pull.repo, name);
    pull.labels = names;
  }
  if (body.state !== undefined && body.state !== pull.state) {
    if (pull.merged_at !== null) return validation({ resource: 'Issue', field: 'state', code: 'invalid' });
    pull.state = body.state;
    pull.closed_at = body.state === 'closed' ? context.state.now() : null;
  }
  return { status: 200, body: pullAsIssueJson(pull, labelsOf(context, pull.labels)) };
}

function updateIssue(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const issue = findIssue(context);
  if (!issue) {
    const pull = findPull(context);
    return pull ? updatePullAsIssue(context, pull) : notFound();
  }
  const body = context.body as IssueBody;
  if (body.title !== undefined && body.title !== null) {
    if (String(body.title).trim() === '') return validation({ resource: 'Issue', field: 'title', code: 'missing_field' });
    issue.title = String(body.title);
  }
  if (body.body !== undefined) issue.body = body.body ?? '';
  const names = labelNames(body.labels);
  if (names !== undefined) {
    for (const name of names) context.state.ensureLabel(owner, repo, name);
    issue.labels = names.map((name) => context.state.label(owner, repo, name)?.name ?? name);
  }
  const at = context.state.now();
  // state_reason counts only with a change of state (GitHub ignores it otherwise).
  if (body.state !== undefined && body.state !== issue.state) {
    issue.state = body.state;
    issue.closed_at = body.state === 'closed' ? at : null;
    issue.state_reason = body.state === 'closed' ? (body.state_reason && body.state_reason !== 'reopened' ? body.state_reason : 'completed') : 'reopened';
  }
  issue.updated_at = at;
  return { status: 200, body: issueJson(issue, labelsOf(context, issue.labels)) };
}

function createLabel(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const { name, color = 'ededed', description } = context.body as { name: string; color?: string; description?: string };
  if (context.state.label(owner, repo, name)) return validation({ resource: 'Label', code: 'already_exists', field: 'name' });
  const normalized = color.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(normalized)) return validation({ resource: 'Label', code: 'invalid', field: 'color' });
  if (description !== undefined && description.length > 100) return validation({ resource: 'Label', code: 'invalid', field: 'description' });
  const label = context.state.ensureLabel(owner, repo, name, normalized.toLowerCase(), description ?? null);
  return { status: 201, body: labelJson(label) };
}

function createReaction(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const commentId = Number(context.params.comment_id);
  if (!context.state.issueComments.some((c) => c.owner === owner && c.repo === repo && c.id === commentId)) return notFound();
  const { content } = context.body as { content: StandInReactionContent };
  const same = context.state.reactions.find(
    (r) => r.owner === owner && r.repo === repo && r.commentId === commentId && r.content === content && r.user.login === context.viewer.login,
  );
  if (same) return { status: 200, body: reactionJson(same) };
  const reaction: StandInReaction = { owner, repo, commentId, id: context.state.nextId(), content, user: context.viewer, created_at: context.state.now() };
  context.state.reactions.push(reaction);
  return { status: 201, body: reactionJson(reaction) };
}

export function issueRoutes(): Route[] {
  return [
    compileRoute('GET', '/repos/{owner}/{repo}/issues', listIssues),
    compileRoute('POST', '/repos/{owner}/{repo}/issues', createIssue),
    compileRoute('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', (context) => {
      const { owner, repo } = context.params;
      const id = Number(context.params.comment_id);
      return context.page(context.state.reactions.filter((r) => r.owner === owner && r.repo === repo && r.commentId === id).map(reactionJson));
    }),
    compileRoute('POST', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', createReaction),
    compileRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}', (context) => {
      const issue = findIssue(context);
      if (issue) return { status: 200, body: issueJson(issue, labelsOf(context, issue.labels)) };
      const pull = findPull(context);
      return pull ? { status: 200, body: pullAsIssueJson(pull, labelsOf(context, pull.labels)) } : notFound();
    }),
    compileRoute('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', updateIssue),
    compileRoute('GET', '/repos/{owner}/{repo}/labels', (context) => context.page(context.state.repo(context.params.owner ?? '', context.params.repo ?? '').labels.map(labelJson))),
    compileRoute('GET', '/repos/{owner}/{repo}/labels/{name}', (context) => {
      const label = context.state.label(context.params.owner ?? '', context.params.repo ?? '', context.params.name ?? '');
      return label ? { status: 200, body: labelJson(label) } : notFound();
    }),
    compileRoute('POST', '/repos/{owner}/{repo}/labels', createLabel),
  ];
}
