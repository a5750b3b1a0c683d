// Hours and days a rule allows ("only between 8am and 6pm, Monday to Friday") and the time a question
// gives ("at 9pm", "sunday night"): so "can I reply at 11pm?" is weighed against the hours, not only
// against the words. Clock times and day names only; nothing here is one school's wording.

/** The hours (0–24, start inclusive, end exclusive) and days a sentence allows. */
export interface Window {
  from?: number;
  to?: number;
  /** Only on weekdays (Monday to Friday, working days, school days). */
  weekdays?: boolean;
}

/** When the question says something happens. */
export interface AskedTime {
  hour?: number;
  weekend?: boolean;
}

const CLOCK = String.raw`(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
const RANGE = new RegExp(String.raw`\b(?:between\s+${CLOCK}\s+and|from\s+${CLOCK}\s+(?:to|until|till)|${CLOCK}\s*(?:-|–|—|to|until|till))\s*${CLOCK}`, 'i');
const WEEKDAYS = /\b(?:mon(?:day)?\s*(?:-|–|—|to)\s*fri(?:day)?|weekdays?|working\s+days?|school\s+days?|week\s*days?)\b/i;
const ASKED_CLOCK = /\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)\b/i;
/** Parts of the day as a clock hour, for questions that give no clock time. */
const DAYPART: [RegExp, number][] = [
  [/\b(?:midnight)\b/i, 0],
  [/\b(?:tonight|at night|late at night|in the night|overnight|once (?:my|the) (?:own )?(?:kids|children) (?:are|r) in bed)\b|\b(?:sunday|saturday|friday|monday|tuesday|wednesday|thursday) night\b/i, 22],
  // "parents' evening", "open evening" are school events, not a time of day.
  [/\b(?:in the evening|this evening|(?<!\b(?:parents?['’]?|open|leavers?['’]?|prize|awards?|options|information|presentation|quiz|curriculum|welcome|transition|celebration|music|drama|sports?)\s)evenings?)\b/i, 19.5],
];
/** Whole day names only: "sat with a pupil", "the sun", "SATs" are no days. */
const WEEKEND = /\b(?:saturdays?|sundays?|weekends?)\b/i;

/** The window a sentence allows, if it states one with clock times or weekdays. */
export function windowIn(text: string): Window | undefined {
  const m = RANGE.exec(text);
  const out: Window = {};
  if (m) {
    const g = m.slice(1);
    // Three alternatives for the start (3 groups each), then the end.
    const start = [0, 3, 6].map((i) => g.slice(i, i + 3)).find((x) => x[0] !== undefined)!;
    const end = g.slice(9, 12);
    const endHour = hourOf(end[0]!, end[1], end[2]);
    // A clock needs am/pm or minutes somewhere ("ages 11 to 16" is no window); "8.00 to 5.00": the end
    // is in the afternoon when it would come before the start.
    const clock = !!(start[2] || end[2] || start[1] || end[1]);
    const startHour = hourOf(start[0]!, start[1], start[2] ?? (end[2] && /^a/i.test(end[2]) ? end[2] : undefined));
    const to = !end[2] && endHour <= startHour ? endHour + 12 : endHour;
    if (clock && to > startHour && to <= 24) Object.assign(out, { from: startHour, to });
  }
  if (WEEKDAYS.test(text)) out.weekdays = true;
  return out.from !== undefined || out.weekdays ? out : undefined;
}

/** The time a question gives, if any. */
export function askedTime(text: string): AskedTime | undefined {
  const out: AskedTime = {};
  const m = ASKED_CLOCK.exec(text);
  if (m) out.hour = hourOf(m[1]!, m[2], m[3]);
  else for (const [re, hour] of DAYPART) if (re.test(text)) { out.hour = hour; break; }
  if (WEEKEND.test(text)) out.weekend = true;
  return out.hour !== undefined || out.weekend ? out : undefined;
}

/** True inside the window, false outside it, undefined when the question gives nothing the window speaks of. */
export function inWindow(w: Window, t: AskedTime): boolean | undefined {
  if (w.weekdays && t.weekend) return false;
  if (w.from !== undefined && w.to !== undefined && t.hour !== undefined) return t.hour >= w.from && t.hour < w.to;
  return undefined;
}

function hourOf(h: string, min: string | undefined, half: string | undefined): number {
  let hour = Number(h) % 12 + (min ? Number(min) / 60 : 0);
  if (half && /^p/i.test(half)) hour += 12;
  else if (!half && Number(h) === 12) hour = 12 + (min ? Number(min) / 60 : 0);
  return hour;
}
