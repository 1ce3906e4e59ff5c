import type { ProbeCause, Verdict } from '../types.js';
import { ERR_BLOCKED_ADDRESS } from './ssrf-guard.js';

/** What a failed request (no HTTP response) means for the probe. */
export interface ErrorOutcome {
  verdict: Verdict;
  cause: ProbeCause;
  reason: string;
  /** Worth another try after a backoff (resets, timeouts, a resolver hiccup). */
  retryable: boolean;
  /** The server choked on HEAD without answering (reset, garbled reply): try GET. */
  headRefused: boolean;
}

export interface ErrorTimeouts {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
}

/** "10 s", "0.3 s": a duration as a reason shows it. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

const DNS_MISSING = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA']);
const DNS_FAILED = new Set(['EAI_AGAIN', 'EAI_FAIL', 'ESERVFAIL', 'ETIMEOUT', 'EAI_SYSTEM']);
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE']);
const TLS_CODES = /CERT|SSL|TLS|VERIFY|ISSUER|SIGNATURE|CRL|^EPROTO$|^ERR_OSSL|HOSTNAME_MISMATCH/;

interface CodedError {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

/** The error's code, looking into AggregateError (happy eyeballs) and `cause`. */
function codeOf(error: unknown, depth = 0): string {
  if (!error || typeof error !== 'object' || depth > 3) return '';
  const e = error as CodedError;
  if (typeof e.code === 'string' && e.code !== '') return e.code;
  if (Array.isArray(e.errors) && e.errors.length > 0) return codeOf(e.errors[0], depth + 1);
  return codeOf(e.cause, depth + 1);
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as CodedError;
    if (typeof e.message === 'string' && e.message !== '') return e.message;
    if (Array.isArray(e.errors) && e.errors.length > 0) return messageOf(e.errors[0]);
  }
  return String(error);
}

/** Classifies an error from undici, net, tls or the resolver (see the verdict table in docs). */
export function classifyError(error: unknown, timeouts: ErrorTimeouts): ErrorOutcome {
  const code = codeOf(error);
  const message = messageOf(error);
  const base = { retryable: false, headRefused: false };
  if (code === ERR_BLOCKED_ADDRESS) return { ...base, verdict: 'unverifiable', cause: 'blocked-address', reason: message };
  if (DNS_MISSING.has(code)) return { ...base, verdict: 'dead', cause: 'dns-not-found', reason: message };
  if (DNS_FAILED.has(code)) return { ...base, verdict: 'unverifiable', cause: 'dns-failure', reason: message, retryable: true };
  if (code === 'ECONNREFUSED') return { ...base, verdict: 'dead', cause: 'connection-refused', reason: message };
  if (UNREACHABLE.has(code)) return { ...base, verdict: 'unverifiable', cause: 'network-unreachable', reason: message };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    const reason = `timed out after ${formatSeconds(timeouts.connectTimeoutMs)} connecting`;
    return { ...base, verdict: 'unverifiable', cause: 'timeout', reason, retryable: true };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    const reason = `timed out after ${formatSeconds(timeouts.headersTimeoutMs)} waiting for headers`;
    return { ...base, verdict: 'unverifiable', cause: 'timeout', reason, retryable: true };
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    const reason = `timed out after ${formatSeconds(timeouts.headersTimeoutMs)} waiting for the body`;
    return { ...base, verdict: 'unverifiable', cause: 'timeout', reason, retryable: true };
  }
  if (TLS_CODES.test(code)) {
    return { ...base, verdict: 'dead', cause: 'tls-error', reason: `TLS error: ${message} (${code})` };
  }
  if (RESET.has(code) || code.startsWith('HPE_')) {
    const reason = `connection reset: ${message}${code && !message.includes(code) ? ` (${code})` : ''}`;
    return { verdict: 'unverifiable', cause: 'connection-reset', reason, retryable: true, headRefused: true };
  }
  // Anything else failed below HTTP without a recognisable cause: not the link's fault.
  const reason = code ? `${message} (${code})` : message;
  return { verdict: 'unverifiable', cause: 'connection-reset', reason, retryable: true, headRefused: true };
}
