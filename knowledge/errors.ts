// The knowledge layer's one error: a policy that cannot be used or a school it does not know.
// knowledge/ may not import bot/, so this mirrors bot/errors.ts's PolicyError (same name, codes).

export type PolicyErrorCode = 'school_unknown' | 'policy_unreadable' | 'policy_empty';

/** A policy file that cannot be read or parses into nothing, or a school id with no policy. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
