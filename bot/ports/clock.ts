// Time as a port, so tests can move it (overdue reminders, retry backoff).

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
