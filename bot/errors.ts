// The project's one error hierarchy. Expected outcomes (no clause fits, a refused action) are
// values, not errors; these are for what went wrong.

export type ErrorCode =
  | 'config_invalid'
  | 'school_unknown'
  | 'policy_unreadable'
  | 'policy_empty'
  | 'input_invalid'
  | 'store_corrupt'
  | 'store_unavailable'
  | 'store_conflict'
  | 'platform_error'
  | 'platform_rate_limited'
  | 'platform_unreachable_user'
  | 'not_found'
  | 'forbidden';

/** Base error: a stable code, a message fit to show an operator, and the cause. */
export class AssistantError extends Error {
  override name = 'AssistantError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A policy file that cannot be read or parses into nothing. */
export class PolicyError extends AssistantError {
  override name = 'PolicyError';
}

/** The store could not be opened, read or written. */
export class StoreError extends AssistantError {
  override name = 'StoreError';
}

/** A platform (Slack, Teams) call failed; `retryable` and `retryAfterMs` guide the delivery queue. */
export class PlatformError extends AssistantError {
  override name = 'PlatformError';
  constructor(
    code: ErrorCode,
    message: string,
    readonly details: { status?: number; retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
  }
}

/** Configuration that cannot be used (missing or malformed variables, unknown school). */
export class ConfigError extends AssistantError {
  override name = 'ConfigError';
}
