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
