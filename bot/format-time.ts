// How times read to staff: UK schools, UK time ("21 Nov 2026, 10:43"), never raw ISO strings.

// NOTE: every school this serves is in England or Wales; stored times stay ISO (UTC).
const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });

/** "21 Nov 2026, 10:43" in UK time; the input as given when it is not a time. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(t);
}

/** "21 Nov 2026" in UK time. */
export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateOnly.format(t);
}
