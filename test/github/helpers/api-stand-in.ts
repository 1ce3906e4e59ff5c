import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findOperation, loadSchemas } from './request-schemas.js';
import { checkRoutes } from './routes-checks.js';
import { gitRoutes } from './routes-git.js';
import { issueRoutes } from './routes-issues.js';
import { pullRoutes } from './routes-pulls.js';
import { repoRoutes } from './routes-repo.js';
import { StandInArrangement } from './stand-in-arrange.js';
import { userFor } from './stand-in-json.js';
import { compileRoute, errorReply, matchRoute, notFound, pageReply, type Reply, type Route, type RouteHandler } from './stand-in-router.js';
import { StandInState } from './stand-in-state.js';

/**
 * A stand-in for GitHub's REST API, on 127.0.0.1, for tests: the subset listwarden uses
 * (contents, the Git Data API, comparisons, pulls and their files, reviews and review
 * comments, issues, labels, issue comments and their reactions, check runs, collaborator
 * permissions, the repository, /user), over in-memory state with a small git model
 * (stand-in-git.ts). Tests arrange and read back that state through the methods of
 * StandInArrangement (stand-in-arrange.ts). It records every request, validates every request
 * body against GitHub's own request schemas (a body that fails is answered 422 and
 * recorded in `invalid`, as are GitHub's other 422s), and can fail requests on demand
 * (`failNext`) or refuse every write as a read-only token is refused (`readOnly`).
 *
 * Order of judgement, as on GitHub: credentials (401), injected faults, route (404),
 * read-only (403), body (400 unparsable, 422 against the schema), then the route itself.
 * Extend it with `route()`: routes added there are tried before the built-in ones.
 */

export interface StandInOptions {
  /** Who the token is; created comments, reviews carry this login (default "github-actions[bot]"). */
  login?: string;
  /** `installation` (default): GITHUB_TOKEN or an App token, refused on GET /user. `user`: a PAT. */
  tokenKind?: 'user' | 'installation';
  /** When set, every request must carry it (`token …` or `bearer …`), or gets a 401. */
  token?: string;
  /** Refuse every write with 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** A path prefix the API lives under, e.g. "/api/v3" as on GitHub Enterprise Server. */
  basePath?: string;
  /** Every repository's default branch (the ref of contents requests that name none), default "main". */
  defaultBranch?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path after the base path, without the query, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; the text when it was not JSON; undefined when empty. */
  body: unknown;
  /** The REST operation the request is, when the schema fixture knows it (e.g. "checks/create"). */
  operation?: string;
  /** The status answered. */
  status: number;
}

export interface InvalidRequest {
  method: string;
  path: string;
  operation?: string;
  /**
   * `json`: unparsable (400); `schema`: fails GitHub's request schema (422); `github`: a rule
   * GitHub enforces beyond it (422); `stand-in`: the stand-in itself or a test's route threw
   * (answered 400, which no client retries, so the test fails at once).
   */
  kind: 'json' | 'schema' | 'github' | 'stand-in';
  errors: string[];
  body: unknown;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (default `{ message }` for the status). */
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Answer this late. */
  delayMs?: number;
}

/** GitHub's secondary rate limit: 403 with retry-after. */
export function secondaryRateLimit(retryAfterSeconds = 1): Fault {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
  };
}

/** GitHub's primary rate limit: 403 with no requests remaining until `x-ratelimit-reset`. */
export function primaryRateLimit(resetInSeconds = 0): Fault {
  return {
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    },
    body: { message: 'API rate limit exceeded for installation ID 1.' },
  };
}

interface ArmedFault extends Fault {
  method: string;
  pattern: RegExp;
  left: number;
}

/** A path pattern: `{name}` stands for one segment, `*` for anything; a RegExp as it is. */
function pathPattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern
    .split(/(\{\w+\}|\*)/)
    .map((part) => (part === '*' ? '.*' : /^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

export class GitHubApiStandIn extends StandInArrangement {
  /** Whether every write is refused as for a read-only token. */
  readOnly: boolean;
  private readonly server: Server;
  private readonly basePath: string;
  private readonly options: StandInOptions;
  private readonly custom: Route[] = [];
  private readonly builtIn: Route[];
  private readonly faults: ArmedFault[] = [];
  private readonly recorded: RecordedRequest[] = [];
  private readonly refused: InvalidRequest[] = [];
  private readonly unrouted: RecordedRequest[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private origin = '';

  private constructor(options: StandInOptions) {
    super(new StandInState(options.defaultBranch ?? 'main'), options.login ?? 'github-actions[bot]');
    this.options = options;
    this.readOnly = options.readOnly ?? false;
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.builtIn = [
      ...checkRoutes(),
      ...pullRoutes(),
      ...issueRoutes(),
      ...gitRoutes(),
      ...repoRoutes({ tokenKind: options.tokenKind ?? 'installation', readOnly: () => this.readOnly }),
    ];
    this.server = createServer((req, res) => this.receive(req, res));
  }

  static async start(options: StandInOptions = {}): Promise<GitHubApiStandIn> {
    loadSchemas();
    const standIn = new GitHubApiStandIn(options);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.origin = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** The API's base URL: pass it as `baseUrl` or GITHUB_API_URL. */
  get url(): string {
    return this.origin + this.basePath;
  }

  /** Every request received, in order. */
  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  /** Requests whose body was refused (unparsable, against the schema, or against GitHub's other rules). */
  get invalid(): readonly InvalidRequest[] {
    return this.refused;
  }

  /** Requests no route knows (answered 404). */
  get unmatched(): readonly RecordedRequest[] {
    return this.unrouted;
  }

  /** Requests of a method (or `*`) whose path matches (see `failNext` for patterns). */
  requestsTo(method: string, pattern: string | RegExp): RecordedRequest[] {
    const regex = pathPattern(pattern);
    return this.recorded.filter((r) => (method === '*' || r.method === method) && regex.test(decodeURIComponent(r.path)));
  }

  /**
   * Fails the next `times` requests of a method (or `*`) whose decoded path matches:
   * `/repos/o/r/check-runs`, `/repos/{owner}/{repo}/check-runs/{id}`, `/repos/o/r/*`, or a RegExp.
   */
  failNext(method: string, pattern: string | RegExp, fault: Fault): void {
    this.faults.push({ ...fault, method: method.toUpperCase(), pattern: pathPattern(pattern), left: fault.times ?? 1 });
  }

  /** Adds a route (GitHub's template notation; `{+path}` spans segments), tried before the built-in ones. */
  route(method: string, template: string, handler: RouteHandler): void {
    this.custom.push(compileRoute(method, template, handler));
  }

  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void this.answer(req, Buffer.concat(chunks).toString('utf8')).then(
        ({ reply, delayMs }) => this.send(res, reply, delayMs),
        (error: unknown) => this.send(res, errorReply(400, `stand-in failure: ${String(error)}`)),
      );
    });
  }

  private async answer(req: IncomingMessage, text: string): Promise<{ reply: Reply; delayMs?: number }> {
    const method = (req.method ?? 'GET').toUpperCase();
    const requestUrl = new URL(req.url ?? '/', this.origin);
    const fullPath = requestUrl.pathname;
    const path = fullPath.startsWith(this.basePath) ? fullPath.slice(this.basePath.length) || '/' : fullPath;
    let body: unknown;
    let unparsable = false;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        unparsable = true;
      }
    }
    const operation = findOperation(method, path);
    const recorded: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(requestUrl.searchParams),
      headers: req.headers,
      body,
      ...(operation ? { operation: operation.id } : {}),
      status: 0,
    };
    this.recorded.push(recorded);
    let judged: { reply: Reply; delayMs?: number };
    try {
      judged = await this.judge(recorded, requestUrl, fullPath !== path || this.basePath === '', unparsable);
    } catch (error) {
      // A bug of the stand-in (or of a test's route) must fail the test, not hang it.
      this.refuse(recorded, 'stand-in', [String(error instanceof Error ? error.stack : error)]);
      judged = { reply: errorReply(400, `stand-in failure: ${String(error)}`) };
    }
    const { reply, delayMs } = judged;
    recorded.status = reply.status;
    return { reply, ...(delayMs ? { delayMs } : {}) };
  }

  private async judge(request: RecordedRequest, requestUrl: URL, underBase: boolean, unparsable: boolean): Promise<{ reply: Reply; delayMs?: number }> {
    const { method, path, body } = request;
    if (!this.authorized(request.headers.authorization)) {
      return { reply: errorReply(401, request.headers.authorization ? 'Bad credentials' : 'Requires authentication') };
    }
    const fault = this.faults.find((f) => f.left > 0 && (f.method === '*' || f.method === method) && f.pattern.test(decodeURIComponent(path)));
    if (fault) {
      fault.left -= 1;
      const reply: Reply = { status: fault.status, body: fault.body ?? { message: `Injected ${fault.status}` }, ...(fault.headers ? { headers: fault.headers } : {}) };
      return { reply, ...(fault.delayMs ? { delayMs: fault.delayMs } : {}) };
    }
    const matched = underBase ? matchRoute([...this.custom, ...this.builtIn], method, path) : undefined;
    if (!matched) {
      this.unrouted.push(request);
      return { reply: notFound() };
    }
    if (this.readOnly && isWrite(method)) return { reply: errorReply(403, 'Resource not accessible by integration') };
    if (unparsable) {
      this.refuse(request, 'json', ['Problems parsing JSON']);
      return { reply: errorReply(400, 'Problems parsing JSON') };
    }
    if (isWrite(method) && !(method === 'DELETE' && body === undefined)) {
      const operation = findOperation(method, path);
      const errors = operation ? operation.validate(body ?? {}) : [`no request schema for ${method} ${matched.route.template} in the fixture`];
      if (errors.length > 0) {
        this.refuse(request, 'schema', errors);
        return { reply: errorReply(422, 'Invalid request.', errors) };
      }
    }
    const reply = await matched.route.handler({
      method,
      path,
      params: matched.params,
      query: requestUrl.searchParams,
      headers: request.headers,
      body,
      state: this.store,
      viewer: userFor(this.login),
      page: (items, key) => pageReply(items, requestUrl, key),
    });
    if (reply.status === 422) {
      const described = (error: unknown) =>
        typeof error === 'string' ? error : typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : JSON.stringify(error);
      const errors = (reply.body as { errors?: unknown[] } | undefined)?.errors?.map(described) ?? ['Unprocessable Entity'];
      this.refuse(request, 'github', errors);
    }
    return { reply };
  }

  private authorized(header: string | undefined): boolean {
    if (!header) return false;
    const expected = this.options.token;
    if (expected === undefined) return true;
    return header === `token ${expected}` || header === `bearer ${expected}` || header === `Bearer ${expected}`;
  }

  private refuse(request: RecordedRequest, kind: InvalidRequest['kind'], errors: string[]): void {
    this.refused.push({ method: request.method, path: request.path, ...(request.operation ? { operation: request.operation } : {}), kind, errors, body: request.body });
  }

  private send(res: ServerResponse, reply: Reply, delayMs?: number): void {
    const deliver = () => {
      if (res.destroyed) return;
      const headers: Record<string, string> = {
        'content-type': reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-github-api-version-selected': '2022-11-28',
        ...reply.headers,
      };
      const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status, headers).end(reply.status === 204 ? undefined : payload);
    };
    if (!delayMs) return deliver();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      deliver();
    }, delayMs);
    this.timers.add(timer);
  }
}

/** Starts a stand-in; `close()` it when done. */
export function startGitHubApiStandIn(options: StandInOptions = {}): Promise<GitHubApiStandIn> {
  return GitHubApiStandIn.start(options);
}
