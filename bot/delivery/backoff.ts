// When to try a failed direct message again: exponential backoff with jitter, honouring the
// platform's Retry-After, capped so a long outage is still retried at least hourly, forever.

export const baseDelayMs = 5_000;
export const maxDelayMs = 60 * 60 * 1000;

/** Delay before attempt `attempts + 1`; `random` is injectable for tests (0..1). */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempts, 20));
  const jittered = exp * (0.8 + 0.4 * random());
  return Math.round(Math.min(maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}
