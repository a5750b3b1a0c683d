// Ages in a question ("an ex-pupil who is 20 now") against the age limits a rule states ("under
// the age of 18", "aged 18 or over", "adults"): the sentence whose limit the age meets decides.

/** Ages a question gives for the person it is about. */
export function readAges(question: string): number[] {
  const out: number[] = [];
  const re = /\b(?:is|are|was|s|hes|shes|theyre|aged?|turned|turning|now|just)\s+(?:now\s+|just\s+|only\s+)?(\d{1,2})\b(?!\s*(?:%|am|pm|minutes?|hours?|days?|weeks?|months?))|\b(\d{1,2})\s*(?:yrs?|years?)\s*old\b|\b(\d{1,2})[- ]year[- ]old\b/gi;
  for (const m of question.replace(/['’]/g, ' ').matchAll(re)) {
    const n = Number(m[1] ?? m[2] ?? m[3]);
    if (n >= 4 && n <= 99) out.push(n);
  }
  // "ex-pupils over 18", "under 16s": an age just past the limit stands for the group.
  for (const m of question.matchAll(/\b(over|above|older than|under|below|younger than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})s?\b(?!\s*(?:%|minutes?|hours?|days?|weeks?|months?))/gi)) {
    const n = Number(m[2]) + (/^(?:over|above|older)/i.test(m[1]!) ? 1 : -1);
    if (n >= 4 && n <= 99 && !out.includes(n)) out.push(n);
  }
  return out;
}

/** +1 when a sentence's age limit includes every age asked about, -1 when it excludes one, 0 when it states none. */
export function ageFit(ages: number[], sentence: string): number {
  if (!ages.length) return 0;
  const s = sentence.toLowerCase();
  const under = /\b(?:under|below|younger than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b/.exec(s);
  const over = /\b(?:over|above|older than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b|\b(?:aged\s+)?(\d{1,2})\s+(?:or|and)\s+(?:over|above|older)\b/.exec(s);
  const adults = /\b(?:adults?|grown up)\b/.test(s);
  let fits: boolean | undefined;
  if (under) fits = ages.every((a) => a < Number(under[1]));
  else if (over) fits = ages.every((a) => a >= Number(over[1] ?? over[2]));
  else if (adults) fits = ages.every((a) => a >= 18);
  // "unless over the age of 18" turns the limit round: the rule binds those it does not exempt.
  if (fits !== undefined && /\bunless\s+(?:they\s+are\s+)?(?:over|aged|above)\b/.test(s)) fits = !fits;
  return fits === undefined ? 0 : fits ? 1 : -1;
}
