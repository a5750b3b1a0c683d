// When a school's weekly digest is due: a day of the week and an hour, in UK time, from the
// configuration ("monday 8"); off unless set. Read here so BOT_CONFIG and the environment agree.

/** Sunday 0 … Saturday 6, and the hour (0–23) from which it is sent that day, UK time. */
export interface DigestSchedule {
  day: number;
  hour: number;
}

const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "monday 8", "Mon 08:00", "friday 16" → the schedule; a sentence saying what is wrong otherwise. */
export function readDigestSchedule(text: string): DigestSchedule | string {
  const m = /^\s*([a-z]+)\s+(\d{1,2})(?::00)?\s*$/i.exec(text);
  const day = m ? days.findIndex((d) => d.startsWith(m[1]!.toLowerCase()) && m[1]!.length >= 3) : -1;
  const hour = m ? Number(m[2]) : NaN;
  if (day < 0 || !(hour >= 0 && hour <= 23)) return `must be a day and an hour, such as "monday 8" (UK time), not ${JSON.stringify(text.slice(0, 40))}`;
  return { day, hour };
}

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', hour: 'numeric', hourCycle: 'h23' });

/** True on the schedule's day in UK time, from its hour on. */
export function isDigestTime(s: DigestSchedule, now: Date): boolean {
  const parts = london.formatToParts(now);
  const day = days.indexOf(parts.find((p) => p.type === 'weekday')!.value.toLowerCase());
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  return day === s.day && hour >= s.hour;
}
