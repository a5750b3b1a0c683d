// The verdict: what the deciding sentence does (read at ingest: its effect, exception and limit)
// meets the form of the question, in one table, then the sentence's conditions are weighed against
// the question. A "yes" is given only where the sentence itself permits, or its stated exception
// plainly fits the question; anything less clear is not one.

import type { ClausePart, Effect } from '../types.js';
import { readTerms, type Term } from '../language/terms.js';
import { concept, type Slot } from '../language/vocabulary.js';
import type { QuestionReading } from './read-question.js';
import { ownersIn } from './choose-part.js';
import { ageFit } from './age-fit.js';
import { subjectParties } from '../ingest/classify-binds.js';
import { inWindow, windowIn, type AskedTime } from './time-window.js';

export type Verdict = 'yes' | 'no' | 'permission' | 'caution' | 'must' | 'info' | 'unknown';

/**
 * Rows: the sentence's effect. Columns: what the question asks.
 * - may: "can I / am I allowed / is it ok to…", and statements ("photos of pupils on my insta?")
 * - must: "do I have to / should I / must I…"
 * - steps: "what should I do if… / who do I tell…" (what to do, and what not to, are both duties)
 * - other: "who / what / how…", "what happens if…", "could I get into trouble…", "does the policy…"
 */
const TABLE: Record<Effect, { may: Verdict; must: Verdict; steps: Verdict; other: Verdict }> = {
  forbids: { may: 'no', must: 'no', steps: 'must', other: 'info' },
  permits: { may: 'yes', must: 'info', steps: 'info', other: 'info' },
  permission: { may: 'permission', must: 'permission', steps: 'permission', other: 'permission' },
  discourages: { may: 'caution', must: 'caution', steps: 'caution', other: 'info' },
  requires: { may: 'must', must: 'must', steps: 'must', other: 'info' },
  informs: { may: 'info', must: 'info', steps: 'info', other: 'info' },
};

/** The question as the verdict needs it. */
export interface VerdictContext {
  reading: QuestionReading;
  /** Every term of the question, in order. */
  terms: Term[];
  /** Whose thing the question is about ("my own phone" → personal). */
  owner?: 'personal' | 'official';
  /** The clock time or day the question gives ("at 11pm", "sunday night"), read once per question. */
  when?: AskedTime;
  /** The whole clause the sentence is from (for "within those hours"). */
  clauseText?: string;
}

/**
 * The verdict for a question answered by one sentence; `partTerms` are the sentence's terms as the
 * index read them (read here when not given).
 */
export function verdictFor(ctx: VerdictContext, part: ClausePart, partTerms: Term[] = readTerms(part.text)): Verdict {
  const { reading } = ctx;
  if (reading.intent === 'report') return 'info';
  const column = reading.asksSteps ? 'steps' : reading.aboutOthers || reading.form === 'whatif' || reading.form === 'wh' || reading.consequence ? 'other' : reading.asksRule ?? 'may';
  const verdict = TABLE[part.effect][column];
  if (column === 'steps') return verdict;
  // "Who runs the school's account?" is a question of fact even where the sentence names an approval;
  // "who do I ask to set one up?" asks whose permission.
  if (verdict === 'permission' && reading.form === 'wh' && !ctx.terms.some((t) => t.text === 'ask' || t.concepts.includes('approval'))) return 'info';
  // "Staff should not accept *new* friend requests from parents" does not reach a friendship of years.
  if (reading.existing && (part.effect === 'forbids' || part.effect === 'discourages') && (column === 'may' || column === 'must') && NEW_ONLY.test(part.text)) return 'yes';
  if (column !== 'may') return verdict;
  // "…unless they are family members": a question that meets the exception is not what the rule forbids.
  if (part.exception && (part.effect === 'forbids' || part.effect === 'discourages')) {
    // "…unless the Principal has agreed": allowed only with that agreement, asked for or not (the
    // person named is who agrees, not whom the question is about). A bare "unless properly
    // authorised" in a list of what is forbidden names no one to ask: it stays a no.
    if (APPROVAL.test(part.exception) && namesSomeone(part.exception)) return 'permission';
    if (fit(ctx, part.exception, part.text) === 'meets') return 'yes';
  }
  // "The only exceptions are: (a) where the pupil is family; (b) where the Head has approved…": an
  // item the question meets decides; an approval item only for a question that speaks of approval.
  if (part.exceptions && (part.effect === 'forbids' || part.effect === 'discourages')) {
    for (const item of part.exceptions) {
      if (fit(ctx, item, part.text) !== 'meets') continue;
      if (!APPROVAL.test(item)) return 'yes';
      if (ctx.terms.some((t) => t.concepts.includes('approval')) || SAYS_SO.test(ctx.terms.map((t) => t.text).join(' '))) return 'permission';
    }
  }
  // "…only during breaks", "school devices only": a question about another time, place or owner is ruled out;
  // so is one about lessons where the sentence allows it "during breaks and at lunchtime".
  if (part.limit && (part.effect === 'permits' || part.effect === 'requires') && fit(ctx, part.limit, part.text) === 'conflicts') return 'no';
  // "…limited to rest breaks" asked "while the class are doing a test": the question names its own
  // time, and it is not the one the sentence allows.
  if (part.limit && part.effect === 'permits' && namesTime(part.limit) && askedWhile(ctx) && fitTerms(askedWhile(ctx)!, readTerms(part.limit)) !== 'meets') return 'no';
  // "…use them for arrangements, not for complaints about staff": a question about what is excluded gets no.
  const excluded = NOT_FOR.exec(part.text)?.[1];
  if (excluded && (part.effect === 'permits' || part.effect === 'requires') && fit(ctx, excluded, part.text) === 'meets') return 'no';
  // "…only between 8am and 6pm, Monday to Friday" asked "sunday night" or "at 11pm": the hours decide.
  const hours = hoursFit(ctx, part);
  if (hours === false && (part.effect === 'permits' || part.effect === 'requires' || part.effect === 'forbids')) return 'no';
  if (hours === true && part.effect === 'forbids' && OUTSIDE_HOURS.test(part.text)) return 'yes';
  if (hours === undefined && part.effect === 'permits' && fitTerms(timesOf(ctx.terms), timesOf(partTerms)) === 'conflicts') return 'no';
  if (verdict === 'yes') return yesHolds(ctx, part, partTerms) ? 'yes' : 'unknown';
  if (part.effect === 'requires') {
    // "Can I start a school account?" answered by "must present a business case to the SLT": a gate, not a duty.
    if (GATE.test(part.text)) return 'permission';
    // "Can I use my phone in lessons?" answered by "phones must be kept out of sight during lessons": ruled out.
    if (PUT_AWAY.test(part.text)) return 'no';
    // "Can I talk to a reporter?" answered by "all enquiries from journalists must be passed to the Head": not yours to do.
    if (PASS_ON.test(part.text)) return 'no';
    // "Can I email parents from my gmail?" answered by "the school's email must be used": not with your own.
    if (ctx.owner === 'personal') {
      const owners = ownersIn(partTerms);
      if (owners.has('official') && !owners.has('personal')) return 'no';
    }
  }
  return verdict;
}

/**
 * A "yes" stands only when the permitting sentence is about the asker and the question's own
 * people, things and times: "parents may film their own children" is no yes for staff, "you may
 * use your phone to contact colleagues" none for messaging a parent. Otherwise the sentence does
 * not decide the question ('unknown': the closest the policy comes).
 */
function yesHolds(ctx: VerdictContext, part: ClausePart, partTerms: Term[]): boolean {
  // "Where you were already friends with a parent before…, you do not have to unfriend them": a
  // permission on a condition is a yes only to a question that meets the condition.
  const condition = LEAD_CONDITION.exec(part.text)?.[1];
  if (condition && metShare(ctx, condition, part.text) < 0.75) return false;
  // "You may accept a request from a former pupil…" allows answering one, not sending one ("can I add…").
  const question = ctx.terms.map((t) => t.text).join(' ');
  if (SENDS.test(question) && !RECEIVES.test(question) && RECEIVES.test(part.text) && !SENDS.test(part.text)) return false;
  const who = ctx.reading.subject ?? 'staff';
  const subject = subjectParties(part.text);
  // "Can I take pictures of my own child at the concert?": there the member of staff is a parent.
  const ownChild = ctx.terms.some((t, i) => (t.text === 'my' || t.text === 'own') && ctx.terms.slice(i + 1, i + 3).some((n) => n.concepts.includes('relative') || n.concepts.includes('pupil')));
  const asParent = subject.includes('parents') && ownChild;
  if (subject.length && !subject.includes(who) && !asParent) return false;
  // "Staff may join a class WhatsApp group as a parent of their own child": a yes only for one who asks as that.
  const role = AS_ROLE.exec(part.text)?.[1];
  const parentRole = asParent || (ownChild && !!role && /^(?:parent|carer)$/i.test(role));
  if (role && !parentRole && !readTerms(role).some((r) => r.concepts.some((c) => ctx.terms.some((t) => t.concepts.includes(c))))) return false;
  const terms = partTerms.filter((t) => !t.stop);
  const owners = ownersIn(terms);
  if (ctx.owner && owners.size && !owners.has(ctx.owner)) return false;
  // "Can I use social media for work?" is not answered by a rule on staff's own things.
  const asksOfficial = ctx.terms.some((t) => t.concepts.includes('official')) && !ctx.terms.some((t) => t.concepts.includes('personal'));
  if (!ctx.owner && asksOfficial && owners.size === 1 && owners.has('personal')) return false;
  // The same people, and the same kind of act: "may stay friends with his mum" is no yes to ringing her.
  for (const slot of ['people', 'action'] as const) {
    const of = (ts: Term[]) => new Set(ts.flatMap((t) => t.concepts.filter((c) => concept(c).slot === slot && !GENERAL.has(c))));
    const asked = of(ctx.terms);
    // As a parent, "my daughter" is the "own child" a rule for parents speaks of.
    if (parentRole && asked.has('relative')) asked.add('pupil');
    const named = of(terms);
    if (asked.size && named.size && ![...asked].some((p) => named.has(p))) return false;
  }
  // What is shared (photos, personal details, the logo): a sentence silent on it does not allow it.
  const things = (ts: Term[]) => new Set(ts.flatMap((t) => t.concepts.filter((c) => THINGS_ASKED.has(concept(c).slot))));
  const askedThings = things(ctx.terms);
  const namedThings = things(terms);
  if (askedThings.size && ![...askedThings].some((c) => namedThings.has(c))) return false;
  // A sentence that meets under a fifth of what is asked permits something else ("may say where you
  // work" is no yes to livestreaming a match); 0.15–0.25 give the same on the tuning sets.
  const asked = ctx.terms.filter((t) => !t.stop);
  const keys = new Set(terms.map((t) => t.key));
  const concepts = new Set(terms.flatMap((t) => t.concepts.filter((c) => !GENERAL.has(c))));
  const met = asked.filter((t) => keys.has(t.key) || t.concepts.some((c) => concepts.has(c))).length;
  return !asked.length || met / asked.length >= YES_MIN_SHARE;
}

const YES_MIN_SHARE = 0.2;

/** The condition names a person or role (someone to ask), not only an act of approval. */
function namesSomeone(condition: string): boolean {
  return readTerms(condition).some((t) => t.concepts.some((c) => concept(c).slot === 'people' && c !== 'public'));
}

/** Slots of what a question asks to share or show: a yes must name it. */
const THINGS_ASKED = new Set<Slot>(['media', 'info']);

/** Slots whose values exclude each other: a break is not lesson time; my phone is not the school's. */
const EXCLUSIVE: Slot[] = ['time', 'owner', 'people'];
/** Concepts too general to show that a question meets a condition. */
const GENERAL = new Set(['official', 'socialmedia', 'staff', 'public', 'access', 'account']);

/**
 * Whether the question meets a condition, names something the condition excludes, or says nothing
 * of it. Only what sets the condition apart from the rest of its sentence counts ("unless I knew them
 * before they were a parent" in a rule about parents: "knew", "before"), and ages against age limits.
 */
export function fit(ctx: VerdictContext, condition: string, sentence?: string): 'meets' | 'conflicts' | 'silent' {
  const age = ageFit(ctx.reading.ages, condition);
  if (age) return age > 0 ? 'meets' : 'conflicts';
  return fitTerms(ctx.terms, apartFrom(condition, sentence));
}

/**
 * The terms that set a condition apart from the rest of its sentence: "…photographs of learners,
 * other than their own child": "child" is the rule's learners again; what sets it apart is "own".
 */
function apartFrom(condition: string, sentence?: string): Term[] {
  const restTerms = sentence === undefined ? [] : readTerms(sentence.replace(condition, ' '));
  const rest = new Set(restTerms.map((t) => t.key));
  const restConcepts = new Set(restTerms.flatMap((t) => t.concepts));
  return readTerms(condition).filter((t) => !t.stop && !rest.has(t.key) && !(t.concepts.length && t.concepts.every((c) => restConcepts.has(c))));
}

/** How much of what sets a condition apart the question meets (0..1): "before their child joined" needs more than "parent". */
function metShare(ctx: VerdictContext, condition: string, sentence: string): number {
  const apart = apartFrom(condition, sentence).filter((t) => !GENERAL_WORDS.has(t.key) && !t.concepts.some((c) => GENERAL.has(c)));
  if (!apart.length) return 0;
  const qKeys = new Set(ctx.terms.filter((t) => !t.stop).map((t) => t.key));
  const qConcepts = new Set(ctx.terms.filter((t) => !t.stop).flatMap((t) => t.concepts));
  return apart.filter((t) => qKeys.has(t.key) || t.concepts.some((c) => qConcepts.has(c))).length / apart.length;
}

/** The same, for terms already read. */
function fitTerms(question: Term[], cond: Term[]): 'meets' | 'conflicts' | 'silent' {
  const q = question.filter((t) => !t.stop);
  const qKeys = new Set(q.map((t) => t.key));
  const qConcepts = new Set(q.flatMap((t) => t.concepts));
  const qOwner = ownersIn(question);
  const cOwner = ownersIn(cond);
  for (const o of cOwner) if (qOwner.size && !qOwner.has(o)) return 'conflicts';
  for (const slot of EXCLUSIVE) {
    if (slot === 'owner') continue;
    const cs = new Set(cond.flatMap((t) => t.concepts.filter((c) => concept(c).slot === slot && !GENERAL.has(c))));
    const qs = [...qConcepts].filter((c) => concept(c).slot === slot && !GENERAL.has(c));
    if (cs.size && qs.length && !qs.some((c) => cs.has(c))) return 'conflicts';
  }
  const meets = cond.some((t) => (qKeys.has(t.key) && !GENERAL_WORDS.has(t.key)) || t.concepts.some((c) => qConcepts.has(c) && !GENERAL.has(c)));
  return meets ? 'meets' : 'silent';
}

/**
 * Whether the question's time (a clock time, "tonight", "sunday") falls within the hours the sentence
 * allows: true, false, or undefined when either gives none. A sentence that forbids "outside those
 * hours" or allows "within those hours" takes the hours from its clause.
 */
function hoursFit(ctx: VerdictContext, part: ClausePart): boolean | undefined {
  const { when } = ctx;
  if (!when) return undefined;
  const own = windowIn(part.text);
  const allowsOwn = own && (part.effect !== 'forbids' || OUTSIDE_HOURS.test(part.text));
  const window = allowsOwn ? own : THOSE_HOURS.test(part.text) && ctx.clauseText ? windowIn(ctx.clauseText) : undefined;
  if (!window) return undefined;
  if (part.effect === 'requires' && !/\bonly\b/i.test(part.text)) return undefined;
  return inWindow(window, when);
}
const OUTSIDE_HOURS = /\boutside\s+(?:of\s+)?(?:those|these|the|school|working|office|normal|set|agreed|such)?\s*(?:hours|times)\b/i;
const THOSE_HOURS = /\b(?:those|these|such|the above|the same|set|agreed)\s+(?:hours|times)\b|\boutside\s+(?:of\s+)?(?:school|working|office)\s+hours\b/i;

/** The time the question gives in a "while…" / "during…" phrase ("while the class are doing a test"), as terms. */
function askedWhile(ctx: VerdictContext): Term[] | undefined {
  const at = ctx.terms.findIndex((t) => WHILE.has(t.text));
  return at < 0 ? undefined : ctx.terms.slice(at + 1, at + 8);
}
const WHILE = new Set(['while', 'whilst', 'during']);

function namesTime(text: string): boolean {
  return readTerms(text).some((t) => t.concepts.some((c) => concept(c).slot === 'time'));
}

const GENERAL_WORDS = new Set(['school', 'use', 'staff', 'social', 'media']);

/**
 * "during breaks and at lunchtime", "in the staffroom", "on trips": the times and places a sentence
 * names. A single word counts only after a preposition of time or place: "plan lessons" and "the trip
 * letter" name things, not when.
 */
function timesOf(terms: Term[]): Term[] {
  return terms.filter((t, i) => {
    if (!t.concepts.some((c) => concept(c).slot === 'time')) return false;
    if (t.span > 1) return true;
    const before = terms.slice(Math.max(0, i - 3), i).map((x) => x.text);
    return before.some((w) => WHEN.has(w));
  });
}
const WHEN = new Set(['during', 'in', 'at', 'on', 'before', 'after', 'outside', 'within', 'while', 'whilst', 'throughout', 'over', 'until', 'till', 'between', 'from', 'except', 'when', 'whenever']);
/** "…as a parent", "…in their capacity as a governor": the role a permission is given in. */
const AS_ROLE = /\b(?:as|in\s+(?:their|your|his|her)\s+(?:capacity|role)\s+as)\s+(?:a|an|the)\s+(parent|carer|governor|volunteer|relative|family member|friend|private individual|member of the public)\b/i;
/** A rule on new connections only ("new friend requests", "new connections"). */
const NEW_ONLY = /\bnew\s+(?:\w+\s+){0,2}?(?:requests?|connections?|friendships?|friends|contacts?|relationships?)\b/i;
const APPROVAL = /\b(?:approv\w*|authori[sz]\w*|permission|consent|agree\w*|sanction\w*|sign(?:ed)?\s+off)\b/i;
const GATE = /\b(?:approv\w*|authori[sz]\w*|permission|consent|business case|sign(?:ed)?\s+off|agreed\s+(?:with|by))\b/i;
const NOT_FOR = /[,;]\s*(?:but\s+|and\s+)?(?:never|not)\s+(?:for|to|on|in|via|through|by)\s+([^.;]{4,})/i;
/** "if the head says ok", "if SLT agree": the question itself supposes someone's say-so. */
const SAYS_SO = /\b(?:says?|said|agrees?|agreed|okays?|okayed|allows?|lets?)\s+(?:it\s+)?(?:ok|okay|yes|so|me|it)?\b/i;
const LEAD_CONDITION = /^\s*(?:where|if|when|once|provided(?:\s+that)?|as\s+long\s+as)\s+(.{3,160}?),\s/i;
/** Starting a connection ("add", "send a request", "invite") versus answering one ("accept"). */
const SENDS = /\b(?:add|adding|send|sending|invite|inviting)\b/i;
const RECEIVES = /\b(?:accept|accepting|accepted|approve|confirm)\b/i;
const PASS_ON = /\b(?:must|should|will|shall|are\s+to|is\s+to)\s+(?:\w+\s+)?(?:be\s+)?(?:passed|referred|directed|forwarded|redirected|handed)\s+(?:on\s+|straight\s+)?to\b|\b(?:politely\s+)?decline\s+to\s+comment\b/i;
const PUT_AWAY =
  /\b(?:kept|keep|stored?|put|placed|left|locked)\s+(?:\w+\s+){0,2}?(?:out of sight|away|out of reach|switched off|turned off|off|on silent|in (?:a |the |their )?(?:locker|lockers|bag|bags|drawer|cupboard|staffroom|office))\b|\b(?:switched|turned)\s+off\b|\bon silent\b/i;
