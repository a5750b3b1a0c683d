// The project's one error hierarchy starts here, in the lowest layer, so knowledge/, bot/ and the
// adapters all throw the same classes (bot/errors.ts re-exports these and adds the rest).
// Expected outcomes (no clause fits, a refused action) are values, not errors.

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

export type PolicyErrorCode = Extract<ErrorCode, 'school_unknown' | 'policy_unreadable' | 'policy_empty'>;

/** A policy file that cannot be read or parses into nothing, or a school id with no policy. */
export class PolicyError extends AssistantError {
  override name = 'PolicyError';
  constructor(
    override readonly code: PolicyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
