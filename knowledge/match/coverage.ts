// Whether the policy answers the question, says something near it, or does not speak of it: a
// calibrated confidence from how much of the question the best clause meets (words, concepts,
// meaning), how much of it the policy never speaks of, and whether the clause is about the same
// people, action and thing. Word overlap alone cannot tell: uncovered questions are usually near
// the policy's topic, about someone or something else.

import type { Candidate, Query } from './retrieve.js';
import type { SlotFit, SlotName } from './slots.js';
import { concept, type Slot } from '../language/vocabulary.js';

/** Slots that mark a question as about this subject at all. */
const DOMAIN = new Set<Slot>(['platform', 'device', 'media', 'action', 'harm']);

export type Outcome = 'answer' | 'closest' | 'none';

/** What the decision is made from (all 0..1 or -1..1). */
export interface CoverageFeatures {
  /** Share of the question's weight the clause meets (soft: concepts and near words count in part). */
  coverage: number;
  /** Likeness of meaning between the question and the clause's closest sentence. */
  meaning: number;
  /** BM25 with soft matches, over the most the question could earn. */
  lexical: number;
  /** Share of the question's weight that nothing in the whole policy meets. */
  unmet: number;
  /** The heaviest single term the clause does not meet, as a share of the question's weight. */
  gap: number;
  /** -1 the clause names only other people / actions / things than the question, +1 the same ones, 0 otherwise. */
  people: number;
  action: number;
  thing: number;
  /** 1 when the question asks what someone other than staff may do and the clause does not bind them. */
  otherSubject: number;
  /** 1 when the question names anything of this subject (online, devices, media, contact, posting, harm). */
  domain: number;
  /** How far the best clause stands out from the policy's other clauses (0 = no further than the next). */
  peak: number;
  /**
   * The most of the question's people, action and thing that any one clause of the policy speaks of
   * together (0..1): a policy with rules on befriending pupils and on photos of parents has none on
   * befriending parents.
   */
  combo: number;
}

/**
 * Weights of the logistic model, fitted on every tuning school's questions at once (uncovered ones
 * weighted three times); `npx tsx tools/loso.ts` with PRINT=1 fits and prints them.
 */
const W: Record<keyof CoverageFeatures | 'bias', number> = {
  bias: -1.85, coverage: 1.36, meaning: 0.89, lexical: 0.99, unmet: -0.66, gap: -0.44, people: 0.55, action: 0.21, thing: -0.01,
  otherSubject: -0.65, domain: 0.76, peak: 0.7, combo: 0.45,
};
/**
 * At or above: answer. Below ANSWER but at or above CLOSEST: the closest the policy comes. The model
 * is fitted with uncovered questions weighted three times, so 0.4 is about where answering is right
 * more often than not (0.3–0.4 give the most verdicts on the tuning sets; 0.4 keeps more "not covered").
 * A question that names nothing of the policy's subject (no platform, device, media, contact or harm:
 * "can I bring my dog to the staff party?") needs more before a rule is read into it.
 */
const ANSWER = 0.4;
/** The confidence a question off the policy's subject, or a "yes", needs before it is answered. */
export const SURE_ANSWER = 0.5;
const CLOSEST = 0.2;
const CLOSEST_OFF_SUBJECT = 0.35;

/** The features of the best candidate. */
export interface CoverageInput {
  query: Query;
  /** The clause chosen as the answer. */
  best: Candidate;
  /** Every clause by retrieval score, best first. */
  retrieved: Candidate[];
  /** How the chosen clause meets the question's people, action and thing. */
  slots: Partial<Record<SlotName, SlotFit>>;
  /** The most of the question's slots any one clause meets (see CoverageFeatures.combo). */
  combo: number;
  otherSubject: boolean;
  /** Whether any clause of the policy meets the question's i-th term at all. */
  policyMeets: (termIndex: number) => boolean;
}

export function coverageFeatures({ query, best, retrieved, slots, combo, otherSubject, policyMeets }: CoverageInput): CoverageFeatures {
  const ranked = retrieved;
  const total = query.terms.reduce((s, t) => s + t.weight, 0) || 1;
  let unmet = 0;
  let gap = 0;
  query.terms.forEach((t, i) => {
    if (!policyMeets(i)) unmet += t.weight;
    const e = best.evidence[i];
    gap = Math.max(gap, t.weight * (1 - (e?.sim ?? 0)));
  });
  const fit = (f: SlotFit | undefined): number => (f === 'other' ? -1 : f === 'same' ? 1 : 0);
  return {
    coverage: best.coverage, meaning: best.meaning, lexical: best.lexical, unmet: unmet / total, gap: gap / total,
    people: fit(slots.people), action: fit(slots.action), thing: fit(slots.thing), otherSubject: otherSubject ? 1 : 0,
    domain: query.all.some((t) => t.concepts.some((c) => DOMAIN.has(concept(c).slot))) ? 1 : 0,
    peak: ranked.length > 1 ? Math.max(0, Math.min(1, (best.score - ranked[Math.min(4, ranked.length - 1)]!.score) / (best.score || 1))) : 1,
    combo,
  };
}

/** The calibrated confidence that the clause answers the question, and the outcome it leads to. */
export function decide(f: CoverageFeatures | undefined): { outcome: Outcome; confidence: number } {
  if (!f) return { outcome: 'none', confidence: 0 };
  let z = W.bias;
  for (const k of Object.keys(f) as (keyof CoverageFeatures)[]) z += W[k] * f[k];
  const confidence = 1 / (1 + Math.exp(-z));
  const answer = f.domain ? ANSWER : SURE_ANSWER;
  // A clause that meets nothing of the question is not the closest the policy comes, however alike in tone.
  if (f.coverage === 0) return { outcome: 'none', confidence };
  const closest = f.domain ? CLOSEST : CLOSEST_OFF_SUBJECT;
  return { outcome: confidence >= answer ? 'answer' : confidence >= closest ? 'closest' : 'none', confidence };
}

/** The model's weights (for the fitting tool and the README). */
export const COVERAGE_WEIGHTS = W;
