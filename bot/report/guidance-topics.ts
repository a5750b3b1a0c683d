// The situations a report can be in, each with the words any school's policy uses for it and the
// reports it applies to. Generic vocabulary only: no school's text and no clause id belongs here.

import type { Party } from '../../knowledge/types.js';
import type { PosterKind, ReportFields } from '../escalations/model.js';

type Fields = Partial<ReportFields>;

export interface GuidanceTopic {
  id: string;
  /** Said when the policy is silent: "<School>'s policy says nothing about <label>". */
  label: string;
  /** Who advises instead when the policy is silent. */
  adviser: 'head' | 'dsl';
  /** Short topic searches, tried in turn (the index ranks short queries best). */
  queries: string[];
  /** A clause counts only if its text matches every one of these. */
  signal: RegExp[];
  /** A clause that also matches this is about something else (a Prevent clause naming the police). */
  not?: RegExp;
  /**
   * Clauses matching these (in this order of preference) are quoted before the others: the one
   * that says what to do. Only among equals does the index's ranking decide.
   */
  prefer?: RegExp[] | ((f: Fields) => RegExp[]);
  /** A further test of the clause against the report (e.g. words that depend on the category). */
  also?(text: string, f: Fields): boolean;
  /** The clause must bind this party (a rule for staff, not one telling parents how to complain). */
  binds?: Party;
  /** The clause must not name posters other than this report's (a rule about pupils' posts does not fit a parent's). */
  samePoster?: boolean;
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

/** The words a policy uses for each kind of poster, when it names who posted. */
const posterWords: { party: 'pupil' | 'ex-pupil' | 'parent' | 'other'; re: RegExp }[] = [
  { party: 'ex-pupil', re: /\b(former|ex-?) ?(pupils?|students?)\b/i },
  { party: 'pupil', re: /\b(?<!(former|ex-?) ?)(pupils?|students?)\b/i },
  { party: 'parent', re: /\b(parents?|carers?|famil(y|ies)|stakeholders?|relatives?)\b/i },
  { party: 'other', re: /\b(others|anyone|members? of the public|individuals?)\b/i },
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
export function fitsPoster(text: string, binds: Party[], poster: PosterKind | undefined): boolean {
  if (!poster) return true;
  const named = posterWords.filter((w) => w.re.test(text)).map((w) => w.party);
  if (poster === 'pupil' && binds.includes('parents') && !binds.includes('pupils') && !named.includes('pupil')) return false;
  return named.length === 0 || named.some((p) => countsAs[poster].includes(p));
}

/** Words of a clause about the school's own pages and accounts (moderating them is another matter). */
const schoolPage = /school[- ](sanctioned|hosted)|school (social media )?(accounts?|pages?)\b/i;
/** Words of a platform answer meaning the school's own page or group. */
const schoolPlace = /\b(school|class|official|our)\b/i;

/** False for a clause about the school's own pages when the post is not (known to be) on one. */
export function fitsPlace(text: string, platform: string | undefined): boolean {
  return !schoolPage.test(text) || (!!platform && schoolPlace.test(platform));
}

/** True when the clause names this report's poster (such clauses are quoted first). */
export function namesPoster(text: string, poster: PosterKind | undefined): boolean {
  if (!poster) return false;
  return posterWords.some((w) => countsAs[poster].includes(w.party) && w.party !== 'other' && w.re.test(text));
}

const headWords = /head ?teacher|headteacher|principal|line manager|\bSLT\b|senior leader/i;

/** Words of a clause about posts aimed at staff. */
const aimedAtStaff = /about (staff|them)\b|staff members|details of staff/i;

/** False for a clause about posts aimed at staff when the post is about a pupil. */
export function fitsSubject(text: string, about: ReportFields['about'] | undefined): boolean {
  return about !== 'pupil' || !aimedAtStaff.test(text);
}

/** Most important first: the order they are quoted in. */
export const guidanceTopics: GuidanceTopic[] = [
  {
    id: 'prevent', label: 'reporting extremism or radicalisation (Prevent)', adviser: 'dsl',
    queries: ['concern radicalisation', 'radicalisation', 'extremism', 'Prevent'],
    signal: [/radicali[sz]|extremis|terroris|\bPrevent\b/i, /concern|report|immediately|inform|refer|contact/i],
    prefer: [/designated safeguarding|head ?teacher/i],
    applies: (f) => f.category === 'extremism',
    key: () => true,
  },
  {
    id: 'safeguarding', label: 'telling the designated safeguarding lead when a child may be at risk', adviser: 'dsl', max: 2,
    queries: ['designated safeguarding lead', 'safeguarding officer', 'child protection', 'safeguarding concerns'],
    signal: [
      /designated safeguarding|safeguarding (lead|officer)s?|\bDSL\b|child protection (officer|lead|co-?ordinator|procedures?)|safeguarding (or other )?concerns|inappropriate communications involving any child/i,
      /report|refer|inform|tell|contact|discuss/i,
    ],
    // Prevent clauses are quoted under their own topic; the LADO clause is about staff.
    not: /radicali[sz]|extremis|terroris|LADO|Designated Officer/i,
    prefer: [/designated safeguarding|\bDSL\b/i],
    applies: (f) => safeguarding(f) || f.category === 'extremism',
    key: safeguarding,
  },
  {
    id: 'staff-allegation', label: 'a member of staff who may have put a child at risk (allegations, the LADO)', adviser: 'dsl',
    queries: ['LADO', 'allegation member of staff child at risk', 'referral to the Local Authority'],
    signal: [/LADO|Local Authority Designated Officer|referral to the Local Authority|Local Authority involvement/i],
    not: /misplaced|malicious/i,
    prefer: (f) => (f.category === 'sexual' ? [/LADO|Designated Officer/i, /indecent/i] : [/LADO|Designated Officer/i]),
    // A clause on indecent images fits sexual content, not every child-at-risk concern.
    also: (t, f) => f.category === 'sexual' || !/indecent|pornograph/i.test(t),
    // Only a member of staff who posted something harming or sexualising a child: never a parent's abuse.
    applies: (f) => f.poster === 'staff' && (safeguarding(f) || f.about === 'pupil'),
    key: () => true,
  },
  {
    id: 'illegal', label: 'reporting illegal content to the police or CEOP', adviser: 'dsl',
    queries: ['CEOP', 'illegal content', 'indecent images'],
    signal: [/CEOP|Child Exploitation|police/i],
    // Indecent images are illegal content for sexual posts only; racism is a crime, not an image.
    also: (t, f) => (f.category === 'sexual' ? /illegal|crime|criminal|indecent/i : /illegal|crime|criminal|racis|hate/i).test(t),
    not: /LADO|Designated Officer|radicali[sz]/i,
    prefer: [/CEOP|Child Exploitation/i],
    applies: (f) => f.category === 'sexual' || f.category === 'discriminatory',
    key: (f) => f.category === 'sexual',
  },
  {
    id: 'evidence', label: 'keeping evidence', adviser: 'head',
    queries: ['keep records', 'screen prints', 'do not delete', 'keep evidence'],
    signal: [/keep records|screen ?(prints?|shots?)|(not|never) delete|keep (a copy|evidence)|(do not|don't|not) (reply|respond|retaliate)/i],
    prefer: [/keep records/i],
    // Not for sexual content (nobody may screenshot or keep it); for the other child-protection
    // categories the DSL's advice comes first.
    applies: conduct,
  },
  {
    id: 'report-to-head', label: 'reporting abuse of staff to the head teacher or a line manager', adviser: 'head', max: 2,
    queries: ['report to the head teacher', 'line manager', 'cyberbullying trolling report', 'concerns raised with the head teacher'],
    signal: [/report|raise/i, headWords, /comments?|posts?|posted|messages?|abuse|cyberbullying|trolling|incidents?|reference|communications/i],
    not: /aggrieved|grievance/i,
    prefer: (f) => (conduct(f) ? [/comments|cyberbullying|trolling|abuse/i] : [/immediately/i]),
    // A rule on trolling does not fit a child at risk.
    also: (t, f) => conduct(f) || !/cyberbullying|trolling/i.test(t),
    binds: 'staff',
    samePoster: true,
    // Abuse of the school itself (on its own pages) is reported the same way as abuse of staff.
    applies: (f) => aboutStaff(f) || f.about === 'school' || !conduct(f),
  },
  {
    // What the school says it will do to protect its staff and name (often the governing body's role).
    id: 'school-protects', label: 'what the school will do to protect its staff', adviser: 'head',
    queries: ['take appropriate action to protect staff', 'protect the reputation of staff', 'safeguard staff from abuse'],
    signal: [/take (appropriate |necessary |further )?action|will act\b/i, /protect/i, /\b(staff|employees?|colleagues?)\b/i],
    not: /disciplin|dismiss|investigation will|breach of this policy/i,
    applies: (f) => aboutStaff(f) && f.poster !== 'staff' && conduct(f),
  },
  {
    id: 'pupil-discipline', label: 'what happens when pupils post about staff', adviser: 'head',
    queries: ['school discipline', 'pupils post inappropriate material about staff'],
    signal: [/\b(pupils?|students?)\b/i, /disciplin|sanction|behaviour polic/i, /post|material|comment/i],
    not: /staff (found|may be)|employees?/i,
    applies: (f) => f.poster === 'pupil' && f.about !== 'pupil' && conduct(f),
    key: (f) => aboutStaff(f),
  },
  {
    // Pupil-on-pupil abuse (child-on-child, in the statutory guidance's words) is dealt with under
    // the school's anti-bullying and behaviour policies, and is a safeguarding matter: the DSL advises.
    id: 'pupil-on-pupil', label: 'bullying or abuse between pupils (the anti-bullying and behaviour policies)', adviser: 'dsl',
    queries: ['anti-bullying policy', 'behaviour policy', 'pupils cyberbullying', 'child-on-child abuse'],
    signal: [/bull(y|ies|ying)|child-on-child|peer[- ]on[- ]peer|behaviour polic/i],
    // A clause naming the anti-bullying or behaviour policy fits; else one about bullying among
    // pupils that says what is done about it.
    also: (t) =>
      /anti-bullying|behaviour polic/i.test(t) ||
      (/\b(pupils?|students?|children|young people|peers?)\b/i.test(t) && /report|inform|tell|disciplin|sanction|deal|investigat/i.test(t)),
    // Rules forbidding staff to bully, and the staff behaviour code, are about staff conduct, not this report.
    not: /colleagues|employees?|any individual|staff (must|should) not|staff behaviour/i,
    prefer: [/anti-bullying/i, /behaviour polic/i],
    applies: (f) => f.poster === 'pupil' && f.about === 'pupil' && conduct(f),
    key: () => true,
  },
  {
    id: 'child-contact', label: 'messages from children', adviser: 'dsl',
    queries: ['communication received from children'],
    signal: [/(communications?|messages?|contact) (received )?from (children|pupils|students)/i, /report|safeguarding/i],
    applies: (f) => f.poster === 'pupil',
  },
  {
    id: 'removal', label: 'asking for the post to be removed', adviser: 'head',
    queries: ['request that the material is removed', 'remove the post', 'contact the host provider'],
    signal: [/remov/i, /request|\bask|host|provider|third.part|expect/i],
    not: /school (social media|sanctioned|hosted)|moderat/i,
    // Asking the site itself works whoever posted; a clause naming this poster comes first anyway.
    prefer: [/host|provider|third.part/i],
    samePoster: true,
    applies: (f) => (outsider(f) || f.poster === 'pupil') && conduct(f),
    key: outsider,
  },
  {
    id: 'meeting', label: 'meeting the parent', adviser: 'head',
    queries: ['meeting with the headteacher', 'discuss the issues in person'],
    signal: [/meeting|in person/i, /parents?|carers?|stakeholders?/i],
    applies: (f) => f.poster === 'parent' && conduct(f),
  },
  {
    id: 'legal', label: 'legal advice', adviser: 'head',
    queries: ['legal advice', 'legal action'],
    signal: [/(take|seek|taking) (legal|other legal)|legal advice/i],
    prefer: [/legal advice/i],
    // Rules warning staff that they could be sued are not the school's procedure.
    not: /against them|personally liable|adults?\b|employees?/i,
    samePoster: true,
    applies: (f) => outsider(f) && conduct(f),
  },
  {
    id: 'police', label: 'involving the police', adviser: 'head',
    queries: ['contact the police', 'police'],
    signal: [/police/i, /contact|inform|call|involve|refer/i],
    not: /radicali[sz]|terroris|LADO|Designated Officer|\badults?\b|employees?|indecent/i,
    samePoster: true,
    applies: (f) => f.category === 'threatening' || f.category === 'discriminatory' || (outsider(f) && conduct(f)),
    key: (f) => f.category === 'threatening',
  },
  {
    id: 'blocking', label: 'blocking the poster', adviser: 'head',
    queries: ['block or restrict access', 'block'],
    signal: [/\bblock/i, /forum|page|individual|access|account/i],
    not: /computers|equipment|devices|websites on its/i,
    applies: (f) => outsider(f) && conduct(f),
  },
  {
    id: 'staff-breach', label: "a member of staff's post", adviser: 'head',
    queries: ['report abuses of this policy whistleblowing', 'breach of this policy disciplinary'],
    signal: [/breach|abuses? of (this|the) polic/i, /disciplin|whistleblow|investigat/i],
    prefer: [/whistleblow/i, /breach(es)? of (this|the) polic/i],
    binds: 'staff',
    applies: (f) => f.poster === 'staff',
  },
];
