// Who a policy tells staff to ask when in doubt: the person it names for queries and concerns,
// else the role it names most often, else "the head teacher".

const ROLES = [
  'Executive Headteacher', 'Executive Head Teacher', 'Headteacher/Principal', 'Head of School',
  'Headteacher', 'Head Teacher', 'Head teacher', 'Principal', 'line manager',
  'designated safeguarding lead', 'Designated Safeguarding Lead', 'School Leadership Team', 'SLT',
];
const ROLE = new RegExp(`\\b(${ROLES.map((r) => r.replace(/[/]/g, '\\/')).join('|')})\\b`, 'g');
const ASKS = [/\b(?:quer(?:y|ies)|in doubt|questions?|advice|unsure)\b/gi, /\bconcerns?\b/gi];
const TO_ROLE = new RegExp(`\\b(?:with|from|to|contact|ask)\\s+(?:the|your|their)\\s+(${ROLES.map((r) => r.replace(/[/]/g, '\\/')).join('|')}(?:\\/[a-z ]+?)?)(?=\\s+(?:in|or|and|immediately|first|before)\\b|\\s*[.,;(]|$)`);

/** The contact named for queries in the clauses given, as a phrase ("your line manager"). */
export function readContact(texts: string[]): string {
  for (const ask of ASKS) {
    for (const t of texts) {
      for (const m of t.matchAll(ask)) {
        const found = TO_ROLE.exec(t.slice(m.index, m.index + 200).split('.')[0]!);
        if (found) return `your ${found[1]!.trim()}`;
      }
    }
  }
  // Otherwise the most senior role the policy names: heads first, then line managers, then the SLT.
  const all = texts.join('\n');
  const named = ROLES.find((r) => new RegExp(`\\b${r.replace(/[/]/g, '\\/')}\\b`).test(all));
  return named ? `the ${named}` : 'the head teacher';
}
