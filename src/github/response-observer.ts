/**
 * Tells `onResponse` of every answer of the GitHub API an Octokit gets, and of every request
 * that failed, once per request after the retry and throttling plugins are done with it: the
 * status (undefined when no answer came) and the rate limit left. For the app's metrics.
 */
export interface ObservedResponse {
  status: number | undefined;
  rateLimitRemaining: number | undefined;
}

export type ResponseObserver = (response: ObservedResponse) => void;

interface HookedOctokit {
  hook: {
    after(name: 'request', hook: (response: { status: number; headers: Record<string, unknown> }) => void): void;
    error(name: 'request', hook: (error: unknown) => unknown): void;
  };
}

function remaining(headers: Record<string, unknown> | undefined): number | undefined {
  const value = headers?.['x-ratelimit-remaining'];
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function observeResponses(octokit: HookedOctokit, onResponse: ResponseObserver): void {
  octokit.hook.after('request', (response) => onResponse({ status: response.status, rateLimitRemaining: remaining(response.headers) }));
  octokit.hook.error('request', (error) => {
    const e = error as { status?: unknown; response?: { headers?: Record<string, unknown> } };
    // Octokit gives a network failure status 500 with no response: it reached no server.
    const status = e.response && typeof e.status === 'number' ? e.status : undefined;
    onResponse({ status, rateLimitRemaining: remaining(e.response?.headers) });
    throw error;
  });
}
