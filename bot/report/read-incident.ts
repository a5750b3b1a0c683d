// Reads what it can of an incident from how a member of staff describes it ("a parent has posted
// lies about me on Facebook"): who posted, who it is about, what kind. Guesses only: the report
// form still asks every question; these pick the policy's guidance before the form is filled in.

import type { Category, PosterKind, ReportFields, Subject } from '../escalations/model.js';

const people: { kind: PosterKind; re: RegExp }[] = [
  { kind: 'ex-pupil', re: /\b(ex[- ]?pupils?|former (pupils?|students?)|ex[- ]?students?|old pupils?)\b/i },
  { kind: 'parent', re: /\b(parents?|carers?|mum|mums|dad|dads|mother|father|guardian|stepdad|stepmum)\b/i },
  { kind: 'pupil', re: /\b(pupils?|students?|child|children|kids?|year \d+s?|yr ?\d+s?|reception|nursery)\b/i },
  { kind: 'staff', re: /\b(staff|colleagues?|teachers?|teaching assistant|TA|member of staff|employee|governor)\b/ },
  { kind: 'other', re: /\b(someone|somebody|anonymous|a stranger|a member of the public|an account)\b/i },
];

const categories: { category: Category; re: RegExp }[] = [
  { category: 'sexual', re: /\b(nudes?|naked|indecent|sexual\w*|explicit|sext\w*|porn\w*)\b/i },
  { category: 'child-at-risk', re: /\b(at risk|worried about (a|one of|the|this|that|our|my)\b[^.?!]*\b(child|children|pupils?|kids?|girl|boy)|self[- ]harm\w*|suicid\w*|hurt at home|being hurt|abused at home|groom\w*|unsafe|neglect\w*|runaway|run away)\b/i },
  { category: 'extremism', re: /\b(extrem\w*|radicali[sz]\w*|terror\w*|jihad\w*|far[- ]right|nazi\w*)\b/i },
  { category: 'threatening', re: /\b(threat\w*|kill|stab\w*|beat (me|her|him|them) up|violen\w*|going to (get|hurt))\b/i },
  { category: 'discriminatory', re: /\b(racis\w*|homophob\w*|transphob\w*|sexis\w*|islamophob\w*|antisemit\w*|discriminat\w*)\b/i },
  { category: 'defamatory', re: /\b(lies|lying|liar|false\w*|untrue|defam\w*|libel\w*|accus\w*|rumou?rs?|allegation\w*)\b/i },
  { category: 'abusive', re: /\b(abus\w*|insult\w*|troll\w*|bull(y|ied|ying)|cyberbull\w*|nasty|offensive|mock\w*|swear\w*|harass\w*|rude)\b/i },
];

/** What the message says about the incident, as far as the words show. */
export function readIncident(text: string): Partial<ReportFields> {
  const found: Partial<ReportFields> = {};
  // A field of its own: the category stays what the words say it is (guidance reads it).
  if (readsAsAllegation(text)) found.adultConcern = 'yes';
  const mentions = people
    .flatMap((p) => [...text.matchAll(new RegExp(p.re.source, `${p.re.flags}g`))].map((m) => ({ kind: p.kind, at: m.index ?? 0 })))
    .sort((a, b) => a.at - b.at);
  // The first person named is usually who did it ("a parent posted…"); a later one, whom it is about.
  if (mentions[0]) found.poster = mentions[0].kind;
  // "a Year 6 pupil" is one person named twice: later mentions start a little further on.
  const later = mentions.filter((m) => m.at > (mentions[0]?.at ?? 0) + 12).map((m) => m.kind);
  const about = aboutWhom(text, later);
  if (about) found.about = about;
  found.category = categories.find((c) => c.re.test(text))?.category ?? 'other';
  // Where, when it is one of the school's own pages: those have guidance of their own.
  const place = /\b(our|the school'?s?|class|official)\b[^.?!]{0,30}?\b(page|account|group|site|blog|feed|channel)\b/i.exec(text);
  if (place) {
    found.platform = place[0];
    // Abuse on the school's own page is abuse of the school, unless the words name someone else.
    found.about ??= 'school';
  }
  return found;
}

function aboutWhom(text: string, later: PosterKind[]): Subject | undefined {
  if (/\b(head ?teacher|headteacher|the head|principal)\b/i.test(text)) return 'head';
  if (/\b(about me|at me|to me|me on|messaged me|my (personal |own )?(photos?|posts?|pictures?|profile|page|account)|I'?m being|I am being|calling me|called me)\b/i.test(text)) return 'me';
  // Staff are "Mr Smith" and "Mrs Jones" to everyone in a school.
  if (/\b(Mr|Mrs|Ms|Miss|Dr)\.? [A-Z]/.test(text)) return 'colleague';
  if (later.includes('pupil')) return 'pupil';
  if (later.includes('staff')) return 'colleague';
  if (/\b(the school|our school|class page|school page)\b/i.test(text)) return 'school';
  return undefined;
}

/**
 * The words of a concern that an adult who works or volunteers at the school has harmed a child
 * or may pose a risk to one (KCSIE part four): who, what, and to whom. Whole words, any case,
 * except `titles`, which must be followed by a capitalised name ("Mr Smith").
 */
export const allegationWords = {
  adults: [
    'teacher', 'teachers', 'supply teacher', 'teaching assistant', 'teaching assistants', 'TA', 'TAs', 'member of staff', 'members of staff',
    'staff member', 'colleague', 'colleagues', 'head teacher', 'headteacher', 'the head', 'deputy head', 'principal', 'volunteer',
    'volunteers', 'coach', 'tutor', 'governor', 'caretaker', 'lunchtime supervisor', 'dinner lady', 'SENCO', 'support staff', 'cleaner',
    'minibus driver', 'one of our staff', 'someone who works at',
  ],
  titles: ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr'],
  harms: [
    'hit', 'hits', 'hitting', 'hurt', 'hurts', 'hurting', 'harm', 'harmed', 'harming', 'smack', 'smacks', 'smacked', 'slap', 'slaps',
    'slapped', 'kick', 'kicks', 'kicked', 'punch', 'punched', 'shove', 'shoved', 'push', 'pushes', 'pushed', 'grab', 'grabs', 'grabbed',
    'shook', 'shakes', 'abuse', 'abuses', 'abused', 'abusing', 'assault', 'assaulted', 'touch', 'touches', 'touched', 'touching',
    'kiss', 'kissed', 'kissing', 'restrain', 'restrained', 'locked', 'threaten', 'threatened', 'bully', 'bullies', 'bullied',
    'private messages', 'privately messaging', 'messaging', 'DMing', 'DMs', 'sexual', 'sexually', 'indecent', 'nudes', 'drunk',
    'too close to', 'alone with', 'gifts to', 'lifts home',
  ],
  /** Harms that are a risk to children whoever is named after them. */
  towardsChildren: ['groom', 'grooms', 'grooming', 'groomed', 'inappropriate relationship', 'child abuse', 'paedophile', 'pedophile'],
  children: [
    'child', 'children', 'pupil', 'pupils', 'student', 'students', 'kid', 'kids', 'girl', 'girls', 'boy', 'boys', 'son', 'daughter',
    'Year \\d+', 'Y\\d+', 'reception', 'nursery', 'class', 'us',
  ],
};

const wordsRe = (list: string[], flags = 'gi') => new RegExp(`\\b(?:${list.map((w) => (w.includes('\\') ? w : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('|')})\\b`, flags);
const allegationRes = {
  adults: wordsRe(allegationWords.adults),
  titles: new RegExp(`\\b(?:${allegationWords.titles.join('|')})\\.? [A-Z]`, 'g'),
  harms: wordsRe(allegationWords.harms),
  towardsChildren: wordsRe(allegationWords.towardsChildren),
  children: wordsRe(allegationWords.children),
};
const at = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));

/**
 * True when the words say that an adult at the school harmed a child or may be a risk to one:
 * the adult named first, then what they did, then the child ("Mr Smith hits children"), or a harm
 * that is towards children by its nature ("a TA is grooming…"). "Mrs Jones was hit by a pupil" is not.
 */
export function readsAsAllegation(text: string): boolean {
  // "Can teachers hit the like button on pupils' posts?" asks about the rules; it tells of nothing.
  if (/^\s*(can|could|may|might|am|are|is it|should|do|does|would)\b/i.test(text)) return false;
  const adults = [...at(allegationRes.adults, text), ...at(allegationRes.titles, text)];
  if (adults.length === 0) return false;
  const first = Math.min(...adults.map((a) => a.at));
  if (at(allegationRes.towardsChildren, text).some((h) => h.at > first)) return true;
  const children = at(allegationRes.children, text);
  return at(allegationRes.harms, text).some(
    (h) => h.at > first && children.some((c) => c.at >= h.end && c.at - h.end < 80 && !/\b(by|from)\b/i.test(text.slice(h.end, c.at))),
  );
}
