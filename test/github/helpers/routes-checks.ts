import { checkRunJson } from './stand-in-json.js';
import { compileRoute, notFound, unprocessable, type Route, type RouteContext } from './stand-in-router.js';
import type { StandInAnnotation, StandInCheckRun } from './stand-in-state.js';

/**
 * Check runs: create, update (GitHub appends each update's annotations to the run's
 * earlier ones and replaces the rest of the output), read, list those of a commit
 * (newest first; `filter=latest`, the default, keeps the newest of each name), list
 * annotations. Beyond the
 * schema, GitHub refuses a completed run without a conclusion and columns on an
 * annotation that spans lines.
 */

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: StandInAnnotation[] };
}

function problems(body: CheckRunBody): string[] {
  const found: string[] = [];
  if (body.status === 'completed' && body.conclusion === undefined) found.push('conclusion is required when status is completed');
  for (const [i, a] of (body.output?.annotations ?? []).entries()) {
    if (a.end_line < a.start_line) found.push(`annotations[${i}]: end_line is before start_line`);
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
      found.push(`annotations[${i}]: start_column and end_column are only allowed when start_line equals end_line`);
    }
  }
  return found;
}

function apply(run: StandInCheckRun, body: CheckRunBody): void {
  if (body.name !== undefined) run.name = body.name;
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (body.output) {
    if (body.output.title !== undefined) run.output.title = body.output.title;
    if (body.output.summary !== undefined) run.output.summary = body.output.summary;
    if (body.output.text !== undefined) run.output.text = body.output.text;
    run.annotations.push(...(body.output.annotations ?? []));
  }
  run.writes += 1;
}

function findRun({ state, params }: RouteContext): StandInCheckRun | undefined {
  return state.checkRuns.find(
    (run) => run.owner === params.owner && run.repo === params.repo && run.id === Number(params.check_run_id),
  );
}

export function checkRoutes(): Route[] {
  return [
    compileRoute('POST', '/repos/{owner}/{repo}/check-runs', (context) => {
      const body = context.body as CheckRunBody;
      const found = problems(body);
      if (found.length > 0) return unprocessable(...found);
      const run: StandInCheckRun = {
        owner: context.params.owner ?? '',
        repo: context.params.repo ?? '',
        id: context.state.nextId(),
        name: body.name ?? '',
        head_sha: body.head_sha ?? '',
        status: 'queued',
        conclusion: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        writes: 0,
      };
      apply(run, body);
      context.state.checkRuns.push(run);
      return { status: 201, body: checkRunJson(run) };
    }),
    compileRoute('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (context) => {
      const run = findRun(context);
      if (!run) return notFound();
      const found = problems(context.body as CheckRunBody);
      if (found.length > 0) return unprocessable(...found);
      apply(run, context.body as CheckRunBody);
      return { status: 200, body: checkRunJson(run) };
    }),
    compileRoute('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (context) => {
      const run = findRun(context);
      return run ? { status: 200, body: checkRunJson(run) } : notFound();
    }),
    compileRoute('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', (context) => {
      const { owner, repo, ref } = context.params;
      const name = context.query.get('check_name');
      const status = context.query.get('status');
      let runs = context.state.checkRuns.filter(
        (run) => run.owner === owner && run.repo === repo && run.head_sha === ref && (name === null || run.name === name) && (status === null || run.status === status),
      );
      if ((context.query.get('filter') ?? 'latest') === 'latest') {
        runs = runs.filter((run) => !runs.some((later) => later.name === run.name && later.id > run.id));
      }
      return context.page([...runs].reverse().map(checkRunJson), 'check_runs');
    }),
    compileRoute('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', (context) => {
      const run = findRun(context);
      return run ? context.page(run.annotations) : notFound();
    }),
  ];
}
