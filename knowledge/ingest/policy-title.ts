// The organisation a policy belongs to, read from its title ("Ashford Primary School Social Media
// Policy", "Social Media Policy | Elmwood CE Primary School"), for a school added without --name.

const ORGANISATION = /\b(?:schools?|academy|academies|federation|trust|college|nursery|centre|center|partnership|collaborative|infants?|juniors?|primary|council)\b/i;
const POLICY_WORDS = /\s+(?:[-–—:|]\s*)?(?:staff\s+|parents'?\s+)?(?:social (?:media|networking)|online (?:safety|conduct)|e-?safety|acceptable use|internet|policy|code of conduct|code)\b.*$/i;

/** The organisation's name from the first title-like texts of a document, or undefined. */
export function organisationName(candidates: (string | undefined)[]): string | undefined {
  for (const c of candidates) {
    if (!c) continue;
    for (const part of c.split(/\s+[|–—·:]\s+|\s+-\s+/)) {
      const name = part.replace(POLICY_WORDS, '').replace(/^(?:the\s+)?(?:policy\s+of\s+)/i, '').trim();
      if (name && ORGANISATION.test(name) && name.split(/\s+/).length <= 14 && /^[A-Z0-9]/.test(name)) return name;
    }
  }
  return undefined;
}
