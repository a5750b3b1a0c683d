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
