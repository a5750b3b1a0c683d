// Reads when something was seen from how people type it ("yesterday evening", "Tuesday about 8pm",
// "last week", "2/11"), with chrono-node's British-English parser (day before month), in UK time.
// What was read is said back as a date, so the reporter can confirm it or go back.

// Only the English parser: the package's main entry loads every language (most of a second at start).
import * as en from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';

/** How exactly the words pinned the moment down. */
export type WhenPrecision = 'time' | 'day' | 'part-of-day' | 'approximate';

export type WhenReading =
  | { ok: true; iso: string; precision: WhenPrecision; shown: string }
  | { ok: false; error: string };

const london = 'Europe/London';
const dayMs = 24 * 3600 * 1000;
/** A minute's grace: "just now" typed at 10:00:30 is not in the future. */
const graceMs = 60 * 1000;

const weekdayDate = new Intl.DateTimeFormat('en-GB', { timeZone: london, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: london, hour: 'numeric', minute: '2-digit', hour12: true });

/** Reads a date (and time, where given) at or before `now`; a clear error otherwise. */
export function readWhen(raw: string, now: Date): WhenReading {
  const text = tidy(raw);
  const result = parse(text, now);
  if (!result) {
    return { ok: false, error: `I couldn't read a date from "${clip(raw)}". Try for example "today 8am", "yesterday evening", "Tuesday about 8pm" or "2/11 7pm".` };
  }
  const precision = precisionOf(result);
  const part = partOfDay(result.text);
  let at = withPartOfDay(result, part);
  if (at.getTime() > now.getTime() + graceMs) at = lastBefore(at, result.start);
  if (at.getTime() > now.getTime() + graceMs) {
    return { ok: false, error: `"${clip(raw)}" reads as ${describe(at, precision, part)}, which has not happened yet. When did you see it?` };
  }
  return { ok: true, iso: at.toISOString(), precision, shown: describe(at, precision, part) };
}

/** The first date in the text; a day and a time the parser found apart ("8pm on Tuesday") are read together. */
function parse(text: string, now: Date): en.ParsedResult | undefined {
  const reference = { instant: now, timezone: londonOffsetMinutes(now) };
  const results = en.GB.parse(text, reference);
  const time = results.find((r) => r.start.isCertain('hour') && !r.start.isCertain('day') && !r.start.isCertain('weekday'));
  const day = results.find((r) => r !== time && (r.start.isCertain('day') || r.start.isCertain('weekday')));
  if (time && day && !day.start.isCertain('hour')) return en.GB.parse(`${day.text} ${time.text}`, reference)[0] ?? results[0];
  return results[0];
}

/**
 * Things are reported after they are seen: a time alone ("5pm") later today means yesterday, a day
 * named without a date ("Tuesday") the last one, a date without a year ("2/11") the last one.
 */
function lastBefore(at: Date, start: ParsedComponents): Date {
  if (start.isCertain('year')) return at;
  if (start.isCertain('day')) return addYears(at, -1);
  if (start.isCertain('weekday') || start.isCertain('day')) return new Date(at.getTime() - 7 * dayMs);
  return new Date(at.getTime() - dayMs);
}

/** "Last night" at 10pm, "yesterday evening" at 7pm, "half 8 last night" in the evening: the part of the day decides. */
function withPartOfDay(result: en.ParsedResult, part: string | undefined): Date {
  const at = result.start.date();
  if (!part || part === 'morning') return part && !result.start.isCertain('hour') ? atUkHour(at, 9) : at;
  const hour = ukHour(at);
  if (result.start.isCertain('hour')) return hour >= 1 && hour < 12 ? new Date(at.getTime() + 12 * 3600 * 1000) : at;
  return atUkHour(at, { afternoon: 15, evening: 19, night: 22 }[part] ?? hour);
}

/** "Tuesday 3 March 2026, 8pm", "Wednesday 4 March 2026, in the evening", "around Thursday 26 February 2026". */
export function describe(at: Date, precision: WhenPrecision, part?: string): string {
  const day = weekdayDate.format(at).replace(',', '');
  if (precision === 'time') return `${day}, ${clock.format(at).replace(':00', '').replace(/\s/g, '')}`;
  if (precision === 'part-of-day' && part) return `${day}, ${part === 'night' ? 'at night' : `in the ${part}`}`;
  if (precision === 'approximate') return `around ${day}`;
  return day;
}

function precisionOf(r: en.ParsedResult): WhenPrecision {
  if (/\b(weeks?|months?|fortnight)\b/i.test(r.text)) return 'approximate';
  if (r.start.isCertain('hour')) return 'time';
  if (partOfDay(r.text)) return 'part-of-day';
  return 'day';
}

function partOfDay(text: string): string | undefined {
  return /\b(morning|afternoon|evening|night)\b/i.exec(text)?.[1].toLowerCase();
}

/**
 * Words people put around a time that the parser does not expect: "about 8pm", "8pm-ish",
 * "half 8" (British for 8:30).
 */
function tidy(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\b(at\s+)?(about|around|roughly|approx(imately)?|circa|c\.)\s+(?=\d)/gi, 'at ')
    .replace(/(\d)\s*-?ish\b/gi, '$1')
    .replace(/\bhalf\s+(\d{1,2})\b(?!\s*(hours?|days?|weeks?|past))/gi, '$1:30')
    .trim();
}

function ukHour(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: london, hour: 'numeric', hourCycle: 'h23' }).format(at));
}

/** The same UK calendar day as `at`, at `hour`:00 UK time. */
function atUkHour(at: Date, hour: number): Date {
  const [d, m, y] = new Intl.DateTimeFormat('en-GB', { timeZone: london, day: 'numeric', month: 'numeric', year: 'numeric' }).format(at).split('/').map(Number);
  const guess = new Date(Date.UTC(y, m - 1, d, hour));
  return new Date(guess.getTime() - londonOffsetMinutes(guess) * 60 * 1000);
}

function addYears(d: Date, n: number): Date {
  const copy = new Date(d);
  copy.setUTCFullYear(copy.getUTCFullYear() + n);
  return copy;
}

/** Minutes east of UTC in UK time at `at` (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: london, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function clip(s: string, max = 60): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
