// Whom a clause binds: read from the subject of its rule ("Staff must…", "Parents should…"),
// else from the section it sits in ("…by stakeholders"), else from the document's audience.

import type { Party } from '../types.js';

const PARTY_WORDS: [Party, RegExp][] = [
  ['parents', /\b(?:parents?|carers?|stakeholders?|families|family members|relatives|guardians?|mums?|dads?)\b/i],
  ['pupils', /\b(?:pupils?|students?|children|child|young people|learners?)\b/i],
  ['governors', /\b(?:governors?|governing body|trustees?)\b/i],
  ['staff', /\b(?:staff|adults?|employees?|teachers?|colleagues?|volunteers?|everyone|head ?teachers?|managers?|contractors?|teaching assistants?|members? of (?:school )?staff|I|you|your)\b/i],
];

const MODAL = /\b(?:must|should|shall|will|may|can|are|is|have|has|need|needs|do|does|never|always)\b/i;

/** Parties named in the subject of a rule: the words before its first modal verb. */
export function subjectParties(sentence: string): Party[] {
  const m = MODAL.exec(sentence);
  if (!m || m.index > 120) return [];
  let subject = sentence.slice(0, m.index);
  // "Safeguarding children is…", "Accessing sites…": an activity is the subject, not the children.
  if (/^\s*(?:\w+ing)\b/i.test(subject) && !/^\s*(?:everything|anything|nothing|something)\b/i.test(subject)) return [];
  // "Where pupils post …, they will" / "If a parent …": the condition names the actor.
  subject = subject.replace(/^(?:all|any|the|our|each|every)\s+/i, '');
  // "communication received from children", "parents of pupils": only the head noun acts.
  subject = subject.replace(/\b(?:from|of|with|to|about|by|involving|for|on)\s+(?:the\s+|any\s+|a\s+|their\s+)?[\w/-]+(?:\s+(?:and|or)\s+[\w/-]+)?/gi, ' ');
  return partiesIn(subject);
}

/** Every party a piece of text names. */
export function partiesIn(text: string): Party[] {
  return PARTY_WORDS.filter(([, re]) => re.test(text)).map(([p]) => p);
}

/** The party a heading or lead-in sets for what follows it, when it names exactly one group. */
export function audienceOf(heading: string): Party[] {
  // "Communicating with parents", "Contact with pupils": the party is whom the rules are about, not whom they bind.
  const actors = heading.replace(/\b(?:with|to|towards|about|from|involving|of|and)\s+(?:the\s+|our\s+|your\s+)?(?:parents?|carers?|pupils?|students?|children|families|governors?)(?:\s+(?:and|or|\/)\s*\w+)?/gi, ' ');
  const found = partiesIn(actors).filter((p) => p !== 'staff' || /\b(?:staff|employees?|volunteers?|adults?)\b/i.test(heading));
  return found;
}

/** The binds of one clause from its own subject, its list lead-in, its section audience and the default. */
export function readBinds(text: string, leadIn: string | undefined, sectionAudience: Party[], fallback: Party[]): Party[] {
  const audience = sectionAudience.length ? sectionAudience : fallback;
  // "We ask parents to:" then "talk to the class teacher…": an item that carries on the lead's sentence has its subject.
  const addressed = leadIn ? addresseesOf(leadIn) : [];
  if (/^[a-z]/.test(text.trim()) && (addressed.length || sectionAudience.length)) return addressed.length ? addressed : sectionAudience;
  const own = subjectOf(text);
  if (own.parties.length) return normalise(own, audience);
  const lead = leadIn ? subjectOf(leadIn) : { parties: [], subject: '' };
  if (lead.parties.length) return normalise(lead, audience);
  if (addressed.length) return addressed;
  return audience;
}

/** "We ask parents to:", "We expect all staff to:": the people asked are the ones bound. */
function addresseesOf(lead: string): Party[] {
  const m = /\b(?:ask|asks|expect|expects|remind|reminds|encourage|encourages|request|requests|require|requires|urge|urges)\s+(?:all\s+|our\s+|that\s+)?([\w/ ]{3,40}?)\s+(?:to|should|must|will)\b/i.exec(lead);
  if (m) return partiesIn(m[1]!);
  const s = subjectOf(lead);
  return s.parties;
}

function subjectOf(sentence: string): { parties: Party[]; subject: string } {
  const m = MODAL.exec(sentence);
  const subject = m && m.index <= 120 ? sentence.slice(0, m.index) : '';
  return { parties: subjectParties(sentence), subject };
}

function normalise(found: { parties: Party[]; subject: string }, section: Party[]): Party[] {
  // "you"/"everyone"/"I" in a parents' section means the parents the section speaks to.
  const generic = !/\b(?:staff|adults?|employees?|teachers?|volunteers?|head ?teachers?|managers?|members? of)\b/i.test(found.subject);
  if (generic && found.parties.length === 1 && found.parties[0] === 'staff' && section.length && !section.includes('staff')) return section;
  return found.parties;
}
