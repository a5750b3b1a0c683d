// Reads what it can of an incident from how a member of staff describes it ("a parent has posted
// lies about me on Facebook"): who posted, who it is about, what kind, and whether it tells of an
// adult at the school harming a child. The words are read with the matcher's one vocabulary
// (library.concepts); only English grammar (me, Mr Smith, Year 5, "by") is read here. Guesses
// only: the report form still asks every question; these pick the policy's guidance early.

import type { ConceptMention, TextReading } from '../../knowledge/library.js';
import type { Category, PosterKind, ReportFields, Subject } from '../escalations/model.js';

/** What reading needs from the policy library (the knowledge layer's PolicyLibrary fits). */
export interface IncidentReader {
  concepts(text: string): TextReading;
}

/** Who a person named counts as, by the vocabulary's people concepts. */
const PERSON: ReadonlyMap<string, PosterKind> = new Map([
  ['expupil', 'ex-pupil'],
  ['parent', 'parent'],
  ['pupil', 'pupil'],
  ['staff', 'staff'],
  ['colleague', 'staff'],
  ['leader', 'staff'],
  ['governor', 'staff'],
  ['public', 'other'],
]);

/** The kind of post, by the harms the words name, most serious first. */
const CATEGORIES: [string, Category][] = [
  ['sexual', 'sexual'],
  ['risk', 'child-at-risk'],
  ['extremism', 'extremism'],
  ['threat', 'threatening'],
  ['hate', 'discriminatory'],
  ['defame', 'defamatory'],
  ['abuse', 'abusive'],
];

/** Harms an adult may do to a child, for reading an allegation (force, abuse, threats, sexual acts, private contact, risk). */
const HARMS_TO_CHILDREN = new Set(['physical', 'abuse', 'threat', 'sexual', 'risk', 'message']);

/** "Year 6", "yr5", "S2", "P7": a year group is pupils. */
const YEAR_GROUP = /^(?:year|yr|y|s|p)?\d{1,2}s?$/;
/** Staff are "Mr Smith" and "Mrs Jones" to everyone in a school. */
const TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z]/g;
/** The member of staff is the one it is about: "about me", "calling me", "my photos". */
const ME = /\b(?:me|my|myself|i'?m being|i am being)\b/i;
/** Verbs of telling: "a pupil told me…", "the boy showed me…" (the one telling is not the one it is about). */
const TELLING = ['told', 'tells', 'showed', 'shows', 'shown', 'mentioned', 'said', 'says', 'informed', 'warned'];
const TOLD_ME = new RegExp(String.raw`\b(?:${TELLING.join('|')})(?:\s+(?:it\s+)?to)?\s+me\b`, 'gi');
/** A question about the rules tells of nothing ("Can teachers hit the like button…?"). */
const ASKING = /^\s*(?:can|could|may|might|am|are|is it|should|do|does|would)\b/i;

interface Person {
  kind: PosterKind;
  at: number;
  /** A head teacher (a report about the head goes to the chair of governors). */
  head: boolean;
}

/** What the message says about the incident, as far as the words show. */
export function readIncident(reader: IncidentReader, text: string): Partial<ReportFields> {
  const reading = reader.concepts(text);
  const found: Partial<ReportFields> = {};
  // A field of its own: the category stays what the words say it is (guidance reads it).
  if (allegationIn(reading, text)) found.adultConcern = 'yes';
  // "a student told me one of the coaches has been…": the one telling is not the one who did it.
  const named = peopleIn(reading, text);
  const people = named.length > 1 && tells(reading, named[0]!) ? named.slice(1) : named;
  // The first person named is usually who did it ("a parent posted…"); a later one, whom it is about.
  if (people[0]) found.poster = people[0].kind;
  const about = aboutWhom(reading, text, people);
  if (about) found.about = about;
  found.category = categoryOf(reading);
  // Where, when it is one of the school's own pages: those have guidance of their own.
  const place = schoolPlace(reading);
  if (place) {
    found.platform = place;
    // Abuse on the school's own page is abuse of the school, unless the words name someone else.
    found.about ??= 'school';
  }
  return found;
}

/**
 * True when the words say that an adult at the school harmed a child or may be a risk to one: an
 * adult named, then, close together, a harm and a child ("Mr Smith hits children", "a TA has been
 * messaging a Year 5 girl"); not when the child did it to the adult ("Mrs Jones was hit by a pupil").
 */
export function readsAsAllegation(reader: IncidentReader, text: string): boolean {
  return allegationIn(reader.concepts(text), text);
}

function allegationIn(reading: TextReading, text: string): boolean {
  if (ASKING.test(text)) return false;
  const adults = peopleIn(reading, text).filter((p) => p.kind === 'staff');
  if (!adults.length) return false;
  const first = Math.min(...adults.map((a) => a.at));
  const after = reading.mentions.filter((m) => m.at > first);
  const harms = after.filter((m) => HARMS_TO_CHILDREN.has(m.concept));
  // "a yp told me one of the mentors has been messaging her": a child named before the adult, then
  // "her"/"him" right after the harm, is that child.
  const childBefore = reading.mentions.some((m) => m.at < first && (m.concept === 'pupil' || m.concept === 'relative'));
  const children = [
    ...after.filter((m) => m.concept === 'pupil' || m.concept === 'relative').map((m) => m.at),
    ...reading.words.flatMap((w, i) => (i > first && YEAR_GROUP.test(w) && /\d/.test(w) ? [i] : [])),
    ...(childBefore ? harms.flatMap((h) => (/^(?:her|him|them)$/.test(reading.words[h.at + h.span] ?? '') ? [h.at + h.span] : [])) : []),
  ];
  return harms.some((h) =>
    children.some((c) => Math.abs(c - h.at) <= 10 && (c < h.at || !reading.words.slice(h.at + h.span, c).some((w) => w === 'by' || w === 'from'))),
  );
}

/** The person is the one telling: "a student told me…", "the boy showed me…". */
function tells(reading: TextReading, p: Person): boolean {
  const next = reading.words.slice(p.at + 1, p.at + 5);
  const at = next.findIndex((w) => TELLING.includes(w));
  return at >= 0 && next[at + 1] === 'me';
}

/** Everyone the message names, in order (a person named twice, "a Year 6 pupil", counts once). */
function peopleIn(reading: TextReading, text: string): Person[] {
  const out: Person[] = [];
  const add = (p: Person) => {
    // "a Year 6 pupil" is one person named twice: a mention within two words of the last is the same.
    const last = out[out.length - 1];
    if (last && last.kind === p.kind && p.at - last.at <= 2) return;
    out.push(p);
  };
  const yearGroups = reading.words.flatMap((w, i) => (YEAR_GROUP.test(w) && /\d/.test(w) && i > 0 && /^(?:year|yr|y)$/.test(reading.words[i - 1] ?? '') ? [i - 1] : YEAR_GROUP.test(w) && /^[a-z]+\d/.test(w) ? [i] : []));
  const named: Person[] = [
    ...reading.mentions.flatMap((m) => personOf(m)),
    ...yearGroups.map((at) => ({ kind: 'pupil' as const, at, head: false })),
    ...titled(reading, text),
  ];
  for (const p of named.sort((a, b) => a.at - b.at)) add(p);
  return out;
}

function personOf(m: ConceptMention): Person[] {
  const kind = PERSON.get(m.concept);
  if (!kind) return [];
  // "some random adult", "an adult I don't know": in an incident an unnamed adult is not staff.
  if (m.concept === 'staff' && /^adults?$/.test(m.text)) return [{ kind: 'other', at: m.at, head: false }];
  return [{ kind, at: m.at, head: m.concept === 'leader' && /\bhead|principal/.test(m.text) && !/manager|leader|slt/.test(m.text) }];
}

/** "Mr Patel", "Mrs Jones": staff, placed at the word where the title stands. */
function titled(reading: TextReading, text: string): Person[] {
  return [...text.matchAll(TITLE)].map((m) => {
    const before = text.slice(0, m.index ?? 0).toLowerCase().match(/[a-z0-9]+/g)?.length ?? 0;
    return { kind: 'staff' as const, at: Math.min(before, reading.words.length), head: false };
  });
}

function aboutWhom(reading: TextReading, text: string, people: Person[]): Subject | undefined {
  if (people.some((p) => p.head)) return 'head';
  // "a pupil told me", "the boy showed me": the one telling, not the one it is about.
  if (ME.test(text.replace(TOLD_ME, ' '))) return 'me';
  const later = people.slice(1);
  // An adult at the school who did something to a child: the child is whom it is about.
  if (people[0]?.kind === 'staff' && later.some((p) => p.kind === 'pupil')) return 'pupil';
  if (later.some((p) => p.kind === 'staff')) return 'colleague';
  if (later.some((p) => p.kind === 'pupil')) return 'pupil';
  // A person who did it, and about someone only the titles name ("mocking Mrs Jones").
  if (people[0] && people[0].kind !== 'staff' && titled(reading, text).length) return 'colleague';
  return undefined;
}

function categoryOf(reading: TextReading): Category {
  const named = new Set(reading.mentions.map((m) => m.concept));
  const harm = CATEGORIES.find(([c]) => named.has(c))?.[1];
  if (harm) return harm;
  // Force used on someone is a threat to them, short of another word for it.
  if (named.has('physical')) return 'threatening';
  // "worried about one of our kids": a concern for a child.
  const worry = reading.mentions.find((m) => m.concept === 'report' && /worr|concern/.test(m.text));
  // "a pupil sent me a worrying message": the same, whichever is said first.
  if (worry && reading.mentions.some((m) => m.concept === 'pupil')) return 'child-at-risk';
  return 'other';
}

/** Words staff use for a place of the school's own: "our page", "the class blog", "the school's Instagram". */
const OWN_PLACE = new Set(['our', 'class', 'school', 'official']);

/** True for a word that makes a page or account the school's own. */
export function ownsPlace(word: string): boolean {
  return OWN_PLACE.has(word);
}

/** "our class facebook page", "the school's Instagram": a place of the school's own, as written. */
function schoolPlace(reading: TextReading): string | undefined {
  const { words, mentions } = reading;
  for (const m of mentions.filter((x) => x.slot === 'platform')) {
    const start = Math.max(0, m.at - 3);
    const owner = words.slice(start, m.at).findIndex(ownsPlace);
    if (owner < 0) continue;
    // Through the last platform word right after (facebook page, class blog).
    let end = m.at + m.span;
    while (mentions.some((x) => x.slot === 'platform' && x.at === end)) end += mentions.find((x) => x.slot === 'platform' && x.at === end)!.span;
    return words.slice(start + owner, end).join(' ');
  }
  return undefined;
}

/**
 * True when a message reads like an account of an incident rather than a question about the rules
 * (a harm named, or a child someone is worried about). A channel's safety net: such a message is
 * answered in a DM, since a wrongly private answer costs little and a public one can cost a lot.
 */
export function looksLikeIncident(reader: IncidentReader, text: string): boolean {
  const reading = reader.concepts(text);
  return reading.mentions.some((m) => m.slot === 'harm') || categoryOf(reading) === 'child-at-risk';
}
