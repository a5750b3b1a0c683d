// Slack Web API failures mapped to the project's PlatformError at the adapter boundary: whether a
// retry may help and how long Slack asked us to wait. Raw SDK errors never leave adapters/slack.

import { webApi } from '@slack/bolt';
import { PlatformError } from '../../bot/errors.js';

/** Slack `error` codes that say the person cannot be reached by DM (retrying will not help). */
const UNREACHABLE = new Set(['user_not_found', 'user_disabled', 'cannot_dm_bot', 'users_not_found', 'user_is_bot', 'account_inactive']);
/** Slack `error` codes for a failure on Slack's side: worth retrying. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'team_added_to_org']);

/**
 * Slack `error` codes that say the workspace's token no longer works: with OAuth the workspace removed
 * the app (or its token was revoked), and a re-install brings a new one, so a DM waits for it.
 */
const TOKEN_GONE = new Set(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed', 'token_expired', 'team_access_not_granted']);

export interface SlackErrorContext {
  /** Tokens come from each workspace's install (OAuth): a token that stopped working waits for a re-install. */
  perWorkspace?: boolean;
}

/** Turns whatever a Web API call threw into a PlatformError (what, whether to retry, when). */
export function toPlatformError(error: unknown, method: string, context: SlackErrorContext = {}): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new PlatformError('platform_rate_limited', `Slack ${method}: rate limited, retry after ${error.retryAfter}s`, {
      status: 429,
      retryable: true,
      retryAfterMs: error.retryAfter * 1000,
      cause: error,
    });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new PlatformError('platform_error', `Slack ${method}: HTTP ${error.statusCode}`, {
      status: error.statusCode,
      retryable: error.statusCode >= 500 || error.statusCode === 408,
      cause: error,
    });
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (context.perWorkspace && TOKEN_GONE.has(code)) {
      return new PlatformError('platform_error', `Slack ${method}: ${code} (the workspace's token no longer works; waiting for the assistant to be installed again)`, { status: 200, retryable: true, cause: error });
    }
    if (UNREACHABLE.has(code)) {
      return new PlatformError('platform_unreachable_user', `Slack ${method}: ${code}`, { status: 200, retryable: false, cause: error });
    }
    return new PlatformError('platform_error', `Slack ${method}: ${code}`, { status: 200, retryable: TRANSIENT.has(code), cause: error });
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new PlatformError('platform_error', `Slack ${method}: request failed (${error.original.message})`, { retryable: true, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError('platform_error', `Slack ${method}: ${message}`, { retryable: true, cause: error });
}

/** Runs one Web API call, rethrowing any failure as a PlatformError. */
export async function callSlack<T>(method: string, call: () => Promise<T>, context: SlackErrorContext = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toPlatformError(error, method, context);
  }
}
