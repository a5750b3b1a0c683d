// The project's one error hierarchy. Expected outcomes (no clause fits, a refused action) are
// values, not errors; these are for what went wrong.

import { AssistantError, type ErrorCode } from '../knowledge/errors.js';

// The base class and PolicyError live in knowledge/, the lowest layer, so that every layer
// throws the same classes; they are re-exported here for the core and the adapters.
export { AssistantError, PolicyError, type ErrorCode } from '../knowledge/errors.js';

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
