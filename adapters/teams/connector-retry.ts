// Calls to the Bot Connector with retries (429, 412, 5xx: backoff with full jitter, honouring
// Retry-After), and the mapping of the SDK's errors to the project's PlatformError at this boundary.
// NOTE: the connector client already retries 5xx three times itself (and 429 when Retry-After is
// given); this wrapper adds 412 and bare 429s and bounds the whole call by a time budget.

import { PlatformError } from '../../bot/errors.js';

export interface RetryOptions {
  /** Attempts in all, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts after this long (Teams waits 15 s for a turn). */
  budgetMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const defaultRetry: RetryOptions = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000, budgetMs: 9000 };

const retryableStatuses = new Set([408, 412, 429, 500, 502, 503, 504]);
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/** Runs `call`, retrying what the connector says may succeed later; throws PlatformError. */
export async function withConnectorRetry<T>(what: string, call: () => Promise<T>, options: RetryOptions = defaultRetry): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const attemptStarted = Date.now();
    try {
      return await call();
    } catch (raw) {
      const attemptMs = Date.now() - attemptStarted;
      const error = toPlatformError(what, raw);
      const status = error.details.status;
      const transient = status === undefined ? error.details.retryable : retryableStatuses.has(status);
      if (!transient || attempt >= options.attempts) throw error;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.max(error.details.retryAfterMs ?? 0, Math.round(random() * backoff));
      // Another attempt as slow as this one must still end within the budget.
      if (Date.now() - started + delay + attemptMs > options.budgetMs) throw error;
      await sleep(delay);
    }
  }
}

/** Maps whatever the SDK threw to a PlatformError; `retryable` guides the delivery queue. */
export function toPlatformError(what: string, raw: unknown): PlatformError {
  if (raw instanceof PlatformError) return raw;
  const err = (raw ?? {}) as Record<string, unknown>;
  const status = numberOr(err.statusCode) ?? numberOr(err.status);
  const code = serviceCode(err);
  const retryAfterMs = retryAfter(err);
  const base = { status, cause: raw, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 403 || code === 'BotNotInConversationRoster' || code === 'ConversationBlockedByUser') {
    // NOTE: the app is not installed for this person (or they blocked it). Retried by the queue with
    // backoff, and shown to the head as a failed delivery, because an admin can install it for them.
    return new PlatformError('platform_unreachable_user', `Teams could not reach the person (${code ?? '403'}) during ${what}: the app is probably not installed for them.`, { ...base, retryable: true });
  }
  if (status === 429) return new PlatformError('platform_rate_limited', `Teams rate-limited ${what} (429).`, { ...base, retryable: true });
  if (status !== undefined) {
    const retryable = retryableStatuses.has(status);
    return new PlatformError('platform_error', `Teams answered ${status}${code ? ` (${code})` : ''} to ${what}.`, { ...base, retryable });
  }
  const netCode = typeof err.code === 'string' ? err.code : undefined;
  const network = netCode !== undefined && networkCodes.has(netCode);
  return new PlatformError('platform_error', `${what} failed${network ? ` (${netCode})` : ''}: ${String(err.message ?? raw)}`, { cause: raw, retryable: network || netCode === 'REQUEST_SEND_ERROR' });
}

/** The connector's own error code, from the RestError's code or its JSON body ({error:{code}}). */
function serviceCode(err: Record<string, unknown>): string | undefined {
  const fromBody = (body: unknown): string | undefined => {
    let parsed = body;
    if (typeof body === 'string') {
      try {
        parsed = JSON.parse(body);
      } catch {
        return /BotNotInConversationRoster|ConversationBlockedByUser/.exec(body)?.[0];
      }
    }
    const e = (parsed as { error?: { code?: unknown } } | undefined)?.error;
    return typeof e?.code === 'string' ? e.code : undefined;
  };
  const response = err.response as { bodyAsText?: unknown; parsedBody?: unknown } | undefined;
  const code = typeof err.code === 'string' && /^[A-Z]/.test(err.code) && err.code !== 'REQUEST_SEND_ERROR' ? err.code : undefined;
  return fromBody(err.body) ?? fromBody(response?.parsedBody) ?? fromBody(response?.bodyAsText) ?? fromBody(err.details) ?? code;
}

function retryAfter(err: Record<string, unknown>): number | undefined {
  const headers = (err.response as { headers?: { get?(name: string): string | undefined } } | undefined)?.headers;
  const value = headers?.get?.('retry-after');
  if (value === undefined || value === null || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
