// The organisation a policy belongs to, read from its title ("Ashford Primary School Social Media
// Policy", "Social Media Policy | Elmwood CE Primary School"), for a school added without --name.

const ORGANISATION = /\b(?:(?:pre-?)?schools?|academy|academies|federation|trust|college|nursery|centre|center|partnership|collaborative|infants?|juniors?|primary|council)\b/i;
const POLICY_WORDS = /\s+(?:[-–—:|]\s*)?(?:staff\s+|parents'?\s+)?(?:social (?:media|networking)|online (?:safety|conduct)|e-?safety|acceptable use|internet|policy|code of conduct|code)\b.*$/i;

/** The organisation's name from the first title-like texts (lines) of a document, or undefined. */
export function organisationName(candidates: (string | undefined)[]): string | undefined {
  for (const c of candidates) {
    if (!c) continue;
    for (const part of c.split(/\n|\s+[|–—·:*]\s+|\s+-\s+/)) {
      const name = part.replace(/^\s*#+\s*|\*+|_{2,}/g, '').trim().replace(POLICY_WORDS, '').replace(/^(?:the\s+)?(?:policy\s+of\s+)/i, '').trim();
      // A name: capitalised, its organisation word too ("… Primary School"), not a numbered heading.
      const org = ORGANISATION.exec(name);
      if (name && org && /^[A-Z]/.test(org[0]) && /^[A-Z]/.test(name) && name.split(/\s+/).length <= 12) return titleCase(name);
    }
  }
  return undefined;
}

/** "THE WEAR VALLEY CHURCH SCHOOLS FEDERATION" → "The Wear Valley Church Schools Federation". */
function titleCase(name: string): string {
  if (/[a-z]/.test(name)) return name;
  return name.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase()).replace(/\b(Of|And|The|In|On|For)\b(?!$)/g, (w, _x, i: number) => (i === 0 ? w : w.toLowerCase()));
}
