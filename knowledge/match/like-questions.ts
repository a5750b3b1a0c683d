// Whether two staff questions ask the same thing, read the way the matcher reads a question against
// a school's policy: the same terms, vocabulary concepts and weights (the school's idf, a word the
// policy never uses by its rarity), the likeness of meaning, and the people, action and thing each
// names. Used to show a head teacher's earlier answer to a later, close question. Nothing here
// knows any particular question: only the matcher's own reading.

import { cosine } from '../language/vectors.js';
import { concept } from '../language/vocabulary.js';
import type { SchoolIndex } from './school-index.js';
import { readQuery, type Query } from './retrieve.js';
import { fitSlots, readSlots, type SlotName, type Slots } from './slots.js';
import { readQuestion, type QuestionReading } from './read-question.js';

/** A question asked before, by its caller's id. */
export interface AskedQuestion {
  id: string;
  text: string;
}

export interface LikeQuestion {
  id: string;
  /** 0..1: how closely the two questions ask the same thing. */
  score: number;
}

/** At or above this, two questions are taken as the same or a close question. */
export const LIKE_THRESHOLD = 0.5;
/** Weight of word and concept overlap beside likeness of meaning. */
const OVERLAP_WEIGHT = 0.65;

interface Read {
  query: Query;
  slots: Slots;
  reading: QuestionReading;
}

/** The questions of `asked` that ask what `question` asks, best first (none below the threshold). */
export function likeQuestions(index: SchoolIndex, question: string, asked: AskedQuestion[]): LikeQuestion[] {
  const q = read(index, question);
  if (!q.query.terms.length) return [];
  const out: LikeQuestion[] = [];
  for (const a of asked) {
    const score = likeness(q, read(index, a.text));
    if (score >= LIKE_THRESHOLD) out.push({ id: a.id, score: Math.round(score * 100) / 100 });
  }
  return out.sort((x, y) => y.score - x.score);
}

function read(index: SchoolIndex, text: string): Read {
  const query = readQuery(index, text, index.speller);
  return { query, slots: readSlots(query.all), reading: readQuestion(text, query.all) };
}

/** 0 when they are about other people, actions or things, or ask another kind of question; else overlap and meaning. */
function likeness(a: Read, b: Read): number {
  if (differ(a.slots, b.slots) || differ(b.slots, a.slots)) return 0;
  if (a.reading.intent !== b.reading.intent || otherPlatform(a.query, b.query)) return 0;
  const overlap = harmonic(met(a.query, b.query), met(b.query, a.query));
  // Question against question: as they are (the policy's common direction is taken out only to meet its sentences).
  const meaning = a.query.rawVector && b.query.rawVector ? Math.max(0, cosine(a.query.rawVector, b.query.rawVector)) : 0;
  return OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * meaning;
}

/** True when a slot one question fills is filled by the other with only other values. */
function differ(q: Slots, other: Slots): boolean {
  const fits = fitSlots(q, other);
  return (Object.keys(fits) as SlotName[]).some((n) => fits[n] === 'other');
}

/** True when both name platforms and none of one is, or is a kind of, one of the other's (Instagram is not TikTok; Facebook is social media). */
function otherPlatform(a: Query, b: Query): boolean {
  const platforms = (q: Query) => new Set(q.all.flatMap((t) => t.concepts.filter((c) => concept(c).slot === 'platform')));
  const pa = platforms(a);
  const pb = platforms(b);
  if (!pa.size || !pb.size) return false;
  const meets = (x: string, other: Set<string>) => other.has(x) || other.has(concept(x).broader ?? '');
  return ![...pa].some((x) => meets(x, pb)) && ![...pb].some((x) => meets(x, pa));
}

/** The share of `q`'s weight that `other`'s terms meet (a word, its concept or a wider one, as the matcher credits them). */
function met(q: Query, other: Query): number {
  const keys = new Set(other.terms.flatMap((t) => t.ways.filter((w) => w.via === 'word' || w.via === 'concept').map((w) => w.key)));
  const total = q.terms.reduce((s, t) => s + t.weight, 0) || 1;
  let sum = 0;
  for (const t of q.terms) {
    const way = t.ways.find((w) => w.via !== 'related' && keys.has(w.key));
    if (way) sum += t.weight * way.sim;
  }
  return sum / total;
}

function harmonic(x: number, y: number): number {
  return x + y > 0 ? (2 * x * y) / (x + y) : 0;
}
