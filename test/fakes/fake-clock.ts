// A clock tests move by hand (overdue reminders, retry backoff).

import type { Clock } from '../../bot/ports/clock.js';

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
}

export function createFakeClock(start = '2026-03-02T09:00:00.000Z'): FakeClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
  };
}
