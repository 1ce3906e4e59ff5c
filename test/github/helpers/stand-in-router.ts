import type { IncomingHttpHeaders } from 'node:http';
import type { StandInState, StandInUser } from './stand-in-state.js';

/**
 * Routes of the REST stand-in: a method, a path template in GitHub's notation
 * (`/repos/{owner}/{repo}/check-runs/{check_run_id}`; `{+path}` spans segments) and a
 * handler that reads the request and the state and returns a reply.
 */

export interface Reply {
  status: number;
  /** JSON, unless `text` is given. */
  body?: unknown;
  /** Sent as is, with the content type from `headers` (default text/plain). */
  text?: string;
  headers?: Record<string, string>;
}

export interface RouteContext {
  method: string;
  /** Path after the base path, decoded segment by segment into `params`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  state: StandInState;
  /** Who the token is. */
  viewer: StandInUser;
  /**
   * Replies with one page of items and GitHub's Link header (`per_page` ≤ 100, default 30);
   * with `key`, wrapped as GitHub wraps some lists: `{ total_count, [key]: items }`.
   */
  page(items: readonly unknown[], key?: string): Reply;
}

export type RouteHandler = (context: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

export function compileRoute(method: string, template: string, handler: RouteHandler): Route {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      const param = /^\{(\+?)(\w+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[2] ?? '');
      return param[1] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { method: method.toUpperCase(), template, pattern: new RegExp(`^${source}$`), names, handler };
}

/** The route and its decoded parameters for a raw (still percent-encoded) path. */
export function matchRoute(routes: readonly Route[], method: string, rawPath: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(rawPath);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '');
    });
    return { route, params };
  }
  return undefined;
}

/** GitHub's error reply. */
export function errorReply(status: number, message: string, errors?: unknown[]): Reply {
  return {
    status,
    body: {
      message,
      ...(errors ? { errors } : {}),
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    },
  };
}

export const notFound = (): Reply => errorReply(404, 'Not Found');

/** GitHub's 422 for a request it understood but will not carry out. */
export const unprocessable = (...errors: string[]): Reply => errorReply(422, 'Unprocessable Entity', errors);

/** One page of items and the Link header pointing at the others, as GitHub paginates. */
export function pageReply(items: readonly unknown[], requestUrl: URL, key?: string): Reply {
  const perPage = Math.min(100, Math.max(1, Number(requestUrl.searchParams.get('per_page')) || 30));
  const pageNumber = Math.max(1, Number(requestUrl.searchParams.get('page')) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const at = (page: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(page));
    return url.href;
  };
  const links: string[] = [];
  if (pageNumber < lastPage) links.push(`<${at(pageNumber + 1)}>; rel="next"`, `<${at(lastPage)}>; rel="last"`);
  if (pageNumber > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(pageNumber - 1)}>; rel="prev"`);
  const slice = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    status: 200,
    body: key === undefined ? slice : { total_count: items.length, [key]: slice },
    ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
  };
}
