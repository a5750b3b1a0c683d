// A short name for the verdict line of a chat reply: "LFSSQ Federation" for "Stanton St Quintin
// Primary and Langley Fitzurse C of E Primary (LFSSQ Federation)"; citations keep the full name.

/**
 * The name a colleague would say. A trailing parenthesis that is the organisation's own short form
 * (an acronym, or the group's name after a list of schools) stands for the whole; a parenthesis that
 * only describes ("Westbrook Borough model policy") is dropped; a name with none is kept as it is.
 */
export function shortNameOf(name: string): string {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(name.trim());
  if (!m) return name.trim();
  const [, before, inside] = m as unknown as [string, string, string];
  const acronym = /\b[A-Z]{3,}\b/.test(inside);
  const severalSchools = /\s(?:and|&)\s/.test(before) && /\b(?:federation|trust|partnership|collaborative|group|family)\b/i.test(inside);
  if ((acronym || severalSchools) && inside.length < before.length) return inside.trim();
  return before.trim();
}
