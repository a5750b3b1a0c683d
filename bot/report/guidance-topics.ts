// The situations a report can be in: for each, a short query to the school's index and the
// concepts (of the matcher's one vocabulary) a clause must name to speak to it, and the reports it
// applies to. No school's text, no clause id and no word list of its own belongs here.

import type { Party } from '../../knowledge/types.js';
import type { PosterKind, ReportFields } from '../escalations/model.js';

type Fields = Partial<ReportFields>;
type Concepts = ReadonlySet<string>;

export interface GuidanceTopic {
  id: string;
  /** Said when the policy is silent: "<School>'s policy says nothing about <label>". */
  label: string;
  /** Who advises instead when the policy is silent. */
  adviser: 'head' | 'dsl';
  /** A short search that ranks the fitting clauses (the index ranks short queries best). */
  query: string;
  /**
   * A clause counts only if it names a concept of each group (vocabulary concept ids); `also` gives
   * other such sets, tried after this one (a policy may say it in other terms).
   */
  needs: string[][] | ((f: Fields) => string[][]);
  also?: string[][][];
  /** A clause naming any of these is about something else (a Prevent clause naming the police). */
  avoid?: string[] | ((f: Fields) => string[]);
  /** Clauses naming these (in this order of preference) are quoted first: the one that says what to do. */
  prefer?: string[] | ((f: Fields) => string[]);
  /** The clause must bind this party (a rule for staff, not one telling parents how to complain). */
  binds?: Party | ((f: Fields) => Party | undefined);
  /** The clause must not name posters other than this report's (a rule about pupils' posts does not fit a parent's). */
  samePoster?: boolean;
  /** Whoever posted, the clause that says what to do comes first (a threat is dealt with the same way from anyone). */
  anyPoster?: boolean;
  /** How many clauses to quote at most (default 1). */
  max?: number;
  applies(f: Fields): boolean;
  /** True when this topic is central to the report, so silence is said plainly. */
  key?(f: Fields): boolean;
}

const aboutStaff = (f: Fields) => f.about === 'me' || f.about === 'colleague' || f.about === 'head';
const outsider = (f: Fields) => f.poster === 'parent' || f.poster === 'other' || f.poster === 'unknown' || f.poster === 'ex-pupil';
const safeguarding = (f: Fields) => f.category === 'child-at-risk' || f.category === 'sexual';
/** Categories where the school deals with the poster (not the child-protection ones). */
const conduct = (f: Fields) => !safeguarding(f) && f.category !== 'extremism';

/** The vocabulary concept a policy names each kind of poster by. */
const posterConcepts: { party: 'pupil' | 'ex-pupil' | 'parent' | 'other'; concept: string }[] = [
  { party: 'ex-pupil', concept: 'expupil' },
  { party: 'pupil', concept: 'pupil' },
  { party: 'parent', concept: 'parent' },
  { party: 'parent', concept: 'relative' },
  { party: 'other', concept: 'public' },
];

/** Which named posters a report's poster counts as ("others" covers former pupils and strangers). */
const countsAs: Record<PosterKind, string[]> = {
  pupil: ['pupil'],
  'ex-pupil': ['ex-pupil', 'other'],
  parent: ['parent', 'other'],
  other: ['other'],
  unknown: ['other'],
  staff: [],
};

/**
 * False when the clause names who posts and this report's poster is not among them, or when it is a
 * rule for parents alone (naming no pupils) and a pupil posted (pupils are dealt with through school discipline).
 */
export function fitsPoster(concepts: Concepts, binds: Party[], poster: PosterKind | undefined): boolean {
  if (!poster) return true;
  const named = posterConcepts.filter((p) => concepts.has(p.concept)).map((p) => p.party);
  if (poster === 'pupil' && binds.includes('parents') && !binds.includes('pupils') && !named.includes('pupil')) return false;
  return named.length === 0 || named.some((p) => countsAs[poster].includes(p));
}

/** True when the clause names this report's poster (such clauses are quoted first). */
export function namesPoster(concepts: Concepts, poster: PosterKind | undefined): boolean {
  if (!poster) return false;
  return posterConcepts.some((p) => countsAs[poster].includes(p.party) && p.party !== 'other' && concepts.has(p.concept));
}

const REPORTING = ['report', 'leader', 'dsl'];

/** The vocabulary's harm for each kind of post a school deals with the poster for. */
const HARM_OF: Partial<Record<NonNullable<ReportFields['category']>, string>> = {
  abusive: 'abuse',
  defamatory: 'defame',
  discriminatory: 'hate',
  threatening: 'threat',
};
/** The party a policy's rules for this poster bind. */
const PARTY_OF: Partial<Record<PosterKind, Party>> = { parent: 'parents', pupil: 'pupils' };

/** Most important first: the order they are quoted in. */
export const guidanceTopics: GuidanceTopic[] = [
  {
    id: 'prevent', label: 'reporting extremism or radicalisation (Prevent)', adviser: 'dsl',
    query: 'report concerns about radicalisation extremism Prevent',
    needs: [['extremism'], REPORTING],
    prefer: ['dsl', 'leader'],
    applies: (f) => f.category === 'extremism',
    key: () => true,
  },
  {
    id: 'staff-allegation', label: 'a member of staff who may have put a child at risk (allegations, the LADO)', adviser: 'dsl',
    query: 'allegation against a member of staff referral to the LADO',
    needs: [['lado']],
    prefer: (f) => (f.category === 'sexual' ? ['sexual'] : []),
    // A clause on indecent images fits sexual content, not every child-at-risk concern.
    avoid: (f) => (f.category === 'sexual' ? [] : ['sexual']),
    // Only a member of staff who posted something harming or sexualising a child, or a concern about
    // an adult at the school told as one: never a parent's abuse.
    applies: (f) => f.poster === 'staff' && (safeguarding(f) || f.about === 'pupil' || f.adultConcern === 'yes'),
    key: () => true,
  },
  {
    // A nude or sexual image of a child: what the policy says never to do with it (view, copy,
    // screenshot, forward) comes first, before whom to tell.
    id: 'sexual-image', label: 'what not to do with a sexual image of a child', adviser: 'dsl',
    query: 'never view copy save screenshot or forward a nude or sexual image',
    needs: [['sexual'], ['evidence', 'post', 'photo']],
    avoid: ['extremism', 'lado'],
    prefer: ['evidence'],
    anyPoster: true,
    applies: (f) => f.category === 'sexual' && f.poster !== 'staff',
  },
  {
    id: 'safeguarding', label: 'telling the designated safeguarding lead when a child may be at risk', adviser: 'dsl', max: 2,
    query: 'report safeguarding concerns to the designated safeguarding lead',
    needs: [['dsl'], ['report']],
    also: [[['risk'], ['report']], [['message'], ['pupil'], ['report']]],
    // Prevent clauses are quoted under their own topic; the LADO clause is about staff;
    // nor is the rule on staff's own family among the pupils.
    avoid: (f) => [...(f.category === 'sexual' ? ['extremism'] : ['extremism', 'sexual']), 'relative'],
    prefer: ['dsl'],
    applies: (f) => safeguarding(f) || f.category === 'extremism',
    key: safeguarding,
  },
  {
    id: 'illegal', label: 'reporting illegal content to the police or CEOP', adviser: 'dsl',
    query: 'illegal content report to the police CEOP',
    // Indecent images are illegal content for sexual posts; racism is a crime.
    needs: (f) => [['police'], f.category === 'sexual' ? ['sexual', 'police'] : ['hate', 'police']],
    avoid: ['lado', 'extremism'],
    prefer: (f) => (f.category === 'sexual' ? ['sexual'] : ['hate']),
    applies: (f) => f.category === 'sexual' || f.category === 'discriminatory',
    key: (f) => f.category === 'sexual',
  },
  {
    // A threat to someone's safety is told at once, and to the police where someone is in danger:
    // the policy's rule for threats comes before the general one for abusive posts.
    id: 'threat', label: 'a threat to someone\'s safety', adviser: 'head',
    query: 'threat of violence report immediately police',
    needs: [['threat'], ['report', 'leader', 'dsl', 'police']],
    avoid: ['extremism', 'lado'],
    prefer: ['police'],
    anyPoster: true,
    applies: (f) => f.category === 'threatening',
    key: () => true,
  },
  {
    id: 'evidence', label: 'keeping evidence', adviser: 'head',
    query: 'keep a record screenshot evidence of abuse',
    needs: [['evidence'], ['abuse', 'defame', 'hate']],
    // Keeping a copy of sexual content is an offence; the school's own records are another matter.
    avoid: ['sexual', 'confidential'],
    prefer: ['abuse'],
    // Not for sexual content (nobody may screenshot or keep it); for the other child-protection
    // categories the DSL's advice comes first.
    applies: conduct,
  },
  {
    id: 'report-to-head', label: 'reporting abuse of staff to the head teacher or a line manager', adviser: 'head', max: 2,
    query: 'report abusive comments to the head teacher or line manager',
    needs: [['report'], ['leader']],
    // A complaint of the member of staff's own (a grievance) is another procedure; a rule on
    // trolling does not fit a child at risk.
    avoid: (f) => (conduct(f) ? ['criticise'] : ['criticise', 'abuse']),
    prefer: (f) => (conduct(f) ? ['abuse'] : ['risk']),
    binds: 'staff',
    samePoster: true,
    // Abuse of the school itself (on its own pages) is reported the same way as abuse of staff; a
    // child simply getting in touch is not abuse (messages from children have a topic of their own).
    applies: (f) => (aboutStaff(f) || f.about === 'school' || !conduct(f)) && !(f.poster === 'pupil' && f.category === 'other'),
  },
  {
    // The policy's own rule for the one who posted ("parents must not post defamatory comments"):
    // what the head can point them to.
    id: 'poster-rule', label: 'what the policy asks of the person who posted', adviser: 'head',
    query: 'must not post offensive or defamatory comments on social media',
    needs: (f) => [[HARM_OF[f.category!] ?? 'abuse']],
    binds: (f) => PARTY_OF[f.poster!],
    // A rule about posts aimed at staff does not fit a post about a pupil.
    avoid: (f) => (f.about === 'pupil' ? ['staff', 'colleague'] : []),
    samePoster: true,
    applies: (f) => conduct(f) && !!f.category && !!HARM_OF[f.category] && !!f.poster && !!PARTY_OF[f.poster],
  },
  {
    id: 'pupil-discipline', label: 'what happens when pupils post about staff', adviser: 'head',
    query: 'pupils who post inappropriate material about staff school discipline',
    needs: [['pupil'], ['discipline'], ['post', 'abuse', 'defame']],
    binds: 'pupils',
    applies: (f) => f.poster === 'pupil' && f.about !== 'pupil' && conduct(f),
    key: (f) => aboutStaff(f),
  },
  {
    // Pupil-on-pupil abuse (child-on-child, in the statutory guidance's words) is dealt with under
    // the school's anti-bullying and behaviour policies, and is a safeguarding matter: the DSL advises.
    id: 'pupil-on-pupil', label: 'bullying or abuse between pupils (the anti-bullying and behaviour policies)', adviser: 'dsl',
    query: 'pupils bullying other pupils anti-bullying behaviour policy',
    needs: [['behaviourpolicy']],
    // Rules forbidding staff to bully colleagues are about staff conduct, not this report.
    avoid: ['colleague'],
    applies: (f) => f.poster === 'pupil' && f.about === 'pupil' && conduct(f),
    key: () => true,
  },
  {
    id: 'child-contact', label: 'messages from children', adviser: 'dsl', max: 2,
    query: 'communication received from pupils report',
    needs: [['message'], ['pupil'], ['report', 'dsl', 'risk']],
    // Offensive or illegal content has topics of its own; this is a child getting in touch (a rule
    // that names the safeguarding team as whom to tell still fits).
    // Between pupils, a rule on children contacting staff's personal accounts is not the one.
    avoid: (f) => ['hate', 'sexual', 'police', 'abuse', 'extremism', ...(f.about === 'pupil' ? ['personal'] : [])],
    applies: (f) => f.poster === 'pupil',
  },
  {
    id: 'removal', label: 'asking for the post to be removed', adviser: 'head',
    query: 'request that the post is removed',
    // Asking someone else (the poster, the site) to take it down, not staff deleting their own posts.
    needs: [['remove'], ['public', 'parent', 'pupil', 'expupil']],
    avoid: ['evidence'],
    // Asking the site itself works whoever posted; a clause naming this poster comes first anyway.
    prefer: ['public', 'parent'],
    samePoster: true,
    applies: (f) => (outsider(f) || f.poster === 'pupil') && conduct(f),
    key: outsider,
  },
  {
    id: 'meeting', label: 'meeting the parent', adviser: 'head',
    query: 'meeting with the parent to discuss',
    needs: [['meeting'], ['parent']],
    applies: (f) => f.poster === 'parent' && conduct(f),
  },
  {
    id: 'legal', label: 'legal advice', adviser: 'head',
    query: 'the school will seek legal advice',
    needs: [['legal']],
    // Rules warning staff that they could be sued, or listing the laws they must keep (privacy, data
    // protection), are not the school's procedure.
    avoid: ['discipline', 'privacy', 'confidential', 'staff'],
    samePoster: true,
    applies: (f) => outsider(f) && conduct(f),
  },
  {
    id: 'police', label: 'involving the police', adviser: 'head',
    query: 'contact the police',
    needs: [['police'], ['report', 'message', 'abuse']],
    avoid: ['extremism', 'discipline'],
    samePoster: true,
    applies: (f) => f.category === 'threatening' || f.category === 'discriminatory' || (outsider(f) && conduct(f)),
    key: (f) => f.category === 'threatening',
  },
  {
    id: 'blocking', label: 'blocking the poster', adviser: 'head',
    query: 'block the individual from the page',
    needs: [['remove'], ['account', 'public']],
    // Filtering of websites on the school's devices is another matter.
    avoid: ['device'],
    applies: (f) => outsider(f) && conduct(f),
  },
  {
    id: 'staff-breach', label: "a member of staff's post", adviser: 'head',
    query: 'breach of this policy disciplinary action whistleblowing',
    needs: [['discipline', 'report'], ['discipline']],
    prefer: ['report'],
    binds: 'staff',
    applies: (f) => f.poster === 'staff',
  },
];

/** The topic's value for this report (fixed, or depending on the report). */
export function forReport<T>(value: T | ((f: Fields) => T) | undefined, f: Fields, none: T): T {
  if (value === undefined) return none;
  return typeof value === 'function' ? (value as (f: Fields) => T)(f) : value;
}
