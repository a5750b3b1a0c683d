// Orders the shortlist by more than word overlap: whether each clause speaks of the question's
// people, action and thing, binds the one asking, states a rule for a "can I" question, and meets
// the action asked about. A linear model over these general features, fitted once on many schools'
// questions at once (tools/fit-rerank.ts), never per school or per question.

import type { Candidate } from './retrieve.js';
import type { SlotFit, SlotName } from './slots.js';

export interface RankFeatures {
  lexical: number;
  meaning: number;
  coverage: number;
  people: number;
  action: number;
  thing: number;
  /** 1 when the clause binds the one the question is about (staff unless it names another). */
  binds: number;
  /** 1 when the question asks may/must and the deciding sentence is a rule, not a description. */
  rule: number;
  /** 1 when the deciding sentence has the action the question asks about. */
  focus: number;
  /** 1 when the verdict the clause gives is the kind the question asks for (a rule for "can I…", a fact for "who…"). */
  fitsForm: number;
  /** 1 when the deciding sentence is addressed to the one asking ("Staff must not…", "You should…", "Do not…"). */
  addressed: number;
  /** Clause length, log-scaled (0..~1). */
  length: number;
  /** The clause's retrieval score over the best one's (1 for the best). */
  relative: number;
  /** +1 when the deciding sentence's age limit takes in the age the question gives, -1 when it leaves it out, else 0. */
  age: number;
}

/**
 * Fitted weights: pointwise logistic regression over every tuning school's candidates at once,
 * scaled by 3 (the runner-up margin in match.ts is in these units); `npx tsx tools/loso.ts` with
 * PRINT=1 fits and prints them, and scores the fitting leave-one-school-out.
 */
const W: Record<keyof RankFeatures, number> = {
  lexical: 1.62, meaning: 2.06, coverage: 2.56, people: 0.93, action: 0.91, thing: 1.28, binds: 0.1, rule: 0.17, focus: 0.7, fitsForm: 0.62, addressed: 0.15,
  length: 0.08, relative: 4.42, age: 0.39,
};

/** A slot fit as a number: the same +1, a wider one +0.5, silent 0, others only -1. */
export function fitValue(f: SlotFit | undefined): number {
  return f === 'same' ? 1 : f === 'wider' ? 0.5 : f === 'other' ? -1 : 0;
}

export function rankFeatures(c: Candidate, top: number, slots: Partial<Record<SlotName, SlotFit>>, binds: boolean, rule: boolean, focus: boolean, fitsForm: boolean, addressed: boolean, age = 0): RankFeatures {
  return {
    lexical: c.lexical, meaning: c.meaning, coverage: c.coverage,
    people: fitValue(slots.people), action: fitValue(slots.action), thing: fitValue(slots.thing),
    binds: binds ? 1 : 0, rule: rule ? 1 : 0, focus: focus ? 1 : 0, fitsForm: fitsForm ? 1 : 0, addressed: addressed ? 1 : 0,
    length: Math.log(1 + c.indexed.len) / 5, relative: top ? c.score / top : 0, age,
  };
}

/** The ranking score of a candidate. */
export function rankScore(f: RankFeatures): number {
  let s = 0;
  for (const k of Object.keys(W) as (keyof RankFeatures)[]) s += W[k] * f[k];
  return s;
}

/** The model's weights (for the fitting tool). */
export const RANK_WEIGHTS = W;
