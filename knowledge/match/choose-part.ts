// Which sentence of a clause answers the question: a clause may allow one thing and forbid another
// ("may join the class WhatsApp, but must not answer questions in it"), so the part that shares the
// question's terms, above all the action it asks about and any age it gives, decides.

import type { ClausePart } from '../types.js';
import type { Term } from '../language/terms.js';
import type { IndexedClause } from './school-index.js';
import type { Query } from './retrieve.js';
import { ageFit } from './age-fit.js';
import { concept } from '../language/vocabulary.js';

/** How much more the action asked about ("can I *set up*…") counts in choosing a part. */
const FOCUS = 2;
/** An age limit the question's age meets or misses outweighs any word. */
const AGE_FIT = 6;
/** Whose thing (my own / the school's) decides between parts that share the topic. */
const OWNER = 1;
/** Parts within this share of the best part's score fit about as well. */
const NEAR = 0.15;
/** Which effect is the stricter answer, when two sentences fit as well. */
const STRICTNESS: Record<ClausePart['effect'], number> = { forbids: 5, permission: 4, requires: 3, discourages: 2, permits: 1, informs: 0 };

export interface ChosenPart {
  part: ClausePart;
  index: number;
  /** The part's score against the question (for explaining). */
  score: number;
}

/** The best part of a clause for the question (ties go to the earlier part, then to a rule over a description). */
export function choosePart(c: IndexedClause, query: Query, ages: number[], asksRule?: 'may' | 'must'): ChosenPart {
  const parts: ClausePart[] = c.clause.parts?.length ? c.clause.parts : [{ text: c.clause.text, effect: c.clause.effect }];
  const focus = askedAction(query.all);
  const owner = ownerAsked(query.all);
  const actions = new Set(query.all.flatMap((t) => (focus.has(t.key) ? t.concepts.filter((c) => concept(c).slot === 'action') : [])));
  const heaviest = Math.max(0, ...query.terms.map((t) => t.weight));
  const people = new Set(peopleIn(query.all).flatMap((id) => [id, ...(concept(id).related ? [concept(id).related!] : [])]));
  const scores = c.parts.map((p, i) => {
    let s = 0;
    for (const qt of query.terms) {
      // Within one clause the writer's choice of synonym ("ex-student", "ex-pupil") must not pick the sentence.
      const way = qt.ways.find((w) => p.keys.has(w.key));
      const sim = !way ? 0 : way.via === 'concept' ? 1 : way.sim;
      s += qt.weight * sim * (focus.has(qt.term.key) ? FOCUS : 1);
    }
    // The sentence about the action asked ("answer" → reply, respond) decides over one about another action.
    if (actions.size) {
      const own = p.terms.flatMap((t) => t.concepts.filter((c) => concept(c).slot === 'action'));
      if (own.some((a) => actions.has(a))) s += heaviest;
      else if (own.length) s -= heaviest / 2;
    }
    // A sentence about other people than those asked about ("pupils" when the question is about parents) does not decide it.
    if (people.size) {
      const own = peopleIn(p.terms);
      if (own.length && !own.some((x) => people.has(x))) s -= heaviest;
    }
    if (owner) s += OWNER * ownerFit(owner, p.keys);
    return s + AGE_FIT * ageFit(ages, parts[i]?.text ?? '');
  });
  let at = 0;
  scores.forEach((s, i) => {
    if (s > scores[at]! + 1e-9) at = i;
  });
  // Two sentences that fit about as well and say different things: the stricter decides (never a
  // milder answer by a word's chance; an age given in the question has already weighed in).
  const near = scores[at]! - Math.abs(scores[at]!) * NEAR;
  scores.forEach((s, i) => {
    if (s >= near && STRICTNESS[parts[i]?.effect ?? 'informs'] > STRICTNESS[parts[at]?.effect ?? 'informs']) at = i;
  });
  let part = parts[at] ?? parts[0]!;
  // A question in the policy ("Can I…?" in an FAQ) is never itself the rule: its answer is.
  if (/\?\s*$/.test(part.text) && parts[at + 1] && !/\?\s*$/.test(parts[at + 1]!.text)) {
    at += 1;
    part = parts[at]!;
  }
  if (part.effect === 'informs') {
    // A descriptive sentence next to a rule about the same thing: the rule is what the question needs.
    // For "can I…?" any rule in the clause that touches the question beats a description.
    const top = scores[at]!;
    // In a short clause (a table row: "Situation: … What you must do: …") the rule is the answer whatever its words.
    const floor = asksRule ? (parts.length <= 3 ? -Infinity : 1e-9) : top - Math.abs(top) * 0.2;
    let ruleAt = -1;
    parts.forEach((p, i) => {
      if (p.effect !== 'informs' && (scores[i] ?? 0) >= floor && (ruleAt < 0 || scores[i]! > scores[ruleAt]!)) ruleAt = i;
    });
    if (ruleAt >= 0) {
      part = parts[ruleAt]!;
      at = ruleAt;
    }
  }
  return { part, index: at, score: scores[at] ?? 0 };
}

/** The people a text names other than staff and anyone at all (whom a rule is about). */
function peopleIn(terms: Term[]): string[] {
  return terms.flatMap((t) => t.concepts.filter((c) => concept(c).slot === 'people' && c !== 'staff' && c !== 'public'));
}

/** The stem of the first topic word after "can I", "am I allowed to", "is it ok to": the action asked about. */
export function askedAction(all: Term[]): Set<string> {
  for (let i = 0; i < all.length - 1; i++) {
    const w = all[i]!.text;
    const next = all[i + 1]!.text;
    const asks = (ASK_MODALS.has(w) && (next === 'i' || next === 'we')) || (ASK_LEADS.has(w) && next === 'to');
    if (!asks) continue;
    const first = all.slice(i + 2, i + 8).find((t) => !t.stop);
    return new Set(first ? [first.key] : []);
  }
  return new Set();
}

const ASK_MODALS = new Set(['can', 'could', 'may', 'should', 'must', 'shall']);
const ASK_LEADS = new Set(['allowed', 'ok', 'okay', 'alright', 'permitted', 'able']);

/** Whose thing the question is about: 'personal' ("my own phone") or 'official' ("the school's account"). */
export function ownerAsked(all: Term[]): 'personal' | 'official' | undefined {
  const owners = ownersIn(all);
  if (owners.has('personal')) return 'personal';
  // "if the school ipad dies can i just use my phone": the thing I would use is mine.
  if (all.some((t, i) => t.text === 'my' && all[i + 1]?.concepts.some((c) => THINGS.has(c)))) return 'personal';
  if (owners.has('official')) return 'official';
  // "my phone", "my facebook": a thing of mine, unless something says it is the school's.
  return /\bmy\b/.test(all.map((t) => t.text).join(' ')) && all.some((t) => t.concepts.some((c) => THINGS.has(c))) ? 'personal' : undefined;
}

/** Whose things a text speaks of: an owner word ("personal", "school", "work") right before a thing it owns. */
export function ownersIn(all: Term[]): Set<'personal' | 'official'> {
  const out = new Set<'personal' | 'official'>();
  all.forEach((t, i) => {
    if (!all.slice(i + 1, i + 4).some((n) => n.concepts.some((c) => THINGS.has(c)))) return;
    if (t.concepts.includes('personal')) out.add('personal');
    else if (t.concepts.includes('official')) out.add('official');
  });
  return out;
}

const THINGS = new Set(['device', 'account', 'email', 'socialmedia', 'facebook', 'instagram', 'twitter', 'tiktok', 'snapchat', 'whatsapp', 'youtube', 'linkedin', 'personalinfo', 'photo']);

/** +1 when a part speaks of the same owner's things, -1 when only of the other's, 0 when of neither. */
function ownerFit(owner: 'personal' | 'official', keys: Set<string>): number {
  const personal = keys.has('c:personal');
  const official = keys.has('c:official');
  if (owner === 'personal') return personal ? 1 : official ? -1 : 0;
  return official ? 1 : personal ? -1 : 0;
}
