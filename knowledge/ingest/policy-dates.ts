// The dates a policy's own text gives (approved, reviewed, review due, effective, issued), as
// written. Read from the text, never typed.

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Winter)`;
const DATE = new RegExp(
  String.raw`(?:\d{1,2}\s*(?:st|nd|rd|th)?\s+)?${MONTH}\.?,?\s+\d{4}|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b`,
  'gi',
);
const LABEL = /\b(?:approv\w*|review\w*|effective|issue[ds]?|updated|adopted|ratified|agreed|dated?|published|next review|valid)\b/i;

/** Every labelled date in the text, in order, without repeats. */
export function readDates(text: string): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\n/)) {
    // Dates inside running prose ("guidance issued in June 2015") are citations, not the policy's own.
    if (line.split(/\s+/).length > 25) continue;
    let from = 0;
    for (const m of line.matchAll(DATE)) {
      const before = line.slice(from, m.index).replace(/[\t:–—()-]+/g, ' ').replace(/\s+/g, ' ').trim();
      from = m.index + m[0].length;
      const label = labelFrom(before);
      if (!label) continue;
      const value = m[0].replace(/\s+/g, ' ').replace(/(\d)\s+(st|nd|rd|th)\b/, '$1$2');
      const key = `${label.toLowerCase()}|${value.toLowerCase()}`;
      if (!seen.has(key)) out.push({ label, value });
      seen.add(key);
    }
  }
  return out;
}

function labelFrom(before: string): string | undefined {
  // The label is the last few words before the date ("Approved by Full Governing Body").
  const words = before.split(' ').slice(-7);
  for (let k = 0; k < words.length; k++) {
    const cand = words.slice(k).join(' ');
    if (LABEL.test(words[k] ?? '')) return cand.replace(/\s+on$/i, '');
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SEASONS: Record<string, number> = { spring: 1, summer: 4, autumn: 9, winter: 12 };

/**
 * When the policy says it is due for review, as an ISO date ("2026-09-01"): the latest date labelled
 * as a review to come ("Review due", "Next review", "Review date"), not one already done ("Last reviewed").
 * A month or a term without a day means its first day.
 */
export function reviewDueOf(dates: { label: string; value: string }[]): string | undefined {
  const due = dates
    .filter((d) => /\breview/i.test(d.label) && !/\b(?:last|previous(?:ly)?)\b|\breviewed\b(?! by\b)/i.test(d.label))
    .map((d) => isoDate(d.value))
    .filter((d): d is string => !!d)
    .sort();
  return due[due.length - 1];
}

/** A date as a policy writes it → ISO, or undefined when it cannot be read. */
export function isoDate(value: string): string | undefined {
  const v = value.toLowerCase().replace(/(\d)(?:st|nd|rd|th)\b/, '$1').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(value.trim());
  if (dmy) return valid(year(+dmy[3]!), +dmy[2]!, +dmy[1]!);
  const words = /^(?:(\d{1,2}) )?([a-z]+) (\d{4})$/.exec(v);
  if (!words) return undefined;
  const month = MONTHS.indexOf(words[2]!.slice(0, 3)) + 1 || SEASONS[words[2]!];
  return month ? valid(+words[3]!, month, words[1] ? +words[1] : 1) : undefined;
}

function year(y: number): number {
  return y < 100 ? 2000 + y : y;
}

function valid(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
