// From the best clause to a verdict: the part of the clause the question is about decides
// (a clause may allow one thing and forbid another), read through the form of the question.

import { possessive } from '../english.js';
import type { Verdict } from '../reply.js';
import { partScores, type AnalyzedQuery, type RankedClause } from '../../knowledge/match/rank.js';
import type { SchoolIndex } from '../../knowledge/match/clause-index.js';
import type { ClausePart, Effect } from '../../knowledge/types.js';
import type { ReadQuestion } from './read-question.js';

const BY_EFFECT: Record<Effect, Verdict> = {
  forbids: 'no',
  permits: 'yes',
  permission: 'permission',
  discourages: 'caution',
  requires: 'must',
  informs: 'info',
};

const GATE = /\b(?:approv\w*|authori[sz]\w*|permission|consent|business case|sign(?:ed)?\s+off|agreed\s+(?:with|by))\b/i;

const PUT_AWAY =
  /\b(?:kept|keep|stored?|put|placed|left|locked)\s+(?:\w+\s+){0,2}?(?:out of sight|away|out of reach|switched off|turned off|off|on silent|in (?:a |the |their )?(?:locker|lockers|bag|bags|drawer|cupboard|staffroom))\b|\b(?:switched|turned)\s+off\b|\bon silent\b/i;

/** The part of a clause that best matches the question (ties go to the earlier part). */
export function bestPart(best: RankedClause, query: AnalyzedQuery, _index?: SchoolIndex, asksRule?: 'may' | 'must'): { part: ClausePart; index: number } {
  const parts = best.clause.parts ?? [{ text: best.clause.text, effect: best.clause.effect }];
  let at = 0;
  let top = -Infinity;
  const scores = partScores(best.doc, query);
  best.doc.parts.forEach((_terms, i) => {
    if (scores[i]! > top + 1e-9) {
      top = scores[i]!;
      at = i;
    }
  });
  let part = parts[at] ?? parts[0]!;
  if (part.effect === 'informs') {
    // A descriptive sentence next to a rule about the same thing: the rule is what the question needs.
    // For "can I…?" any rule in the clause that touches the question beats a description.
    const floor = asksRule ? 1e-9 : top - Math.abs(top) * 0.2;
    let ruleAt = -1;
    parts.forEach((p, i) => {
      if (p.effect !== 'informs' && (scores[i] ?? 0) >= floor && (ruleAt < 0 || scores[i]! > scores[ruleAt]!)) ruleAt = i;
    });
    if (ruleAt >= 0) part = parts[ruleAt]!;
  }
  return { part, index: at };
}

/** The verdict for a question answered by one clause part. */
export function chooseVerdict(read: ReadQuestion, part: ClausePart, query?: AnalyzedQuery): Verdict {
  if (read.intent === 'report') return 'info';
  if (read.form === 'whatif' || read.aboutOthers) return part.effect === 'permission' && !read.aboutOthers ? 'permission' : 'info';
  if (read.form === 'wh') return part.effect === 'permission' ? 'permission' : 'info';
  // "Can I start a school account?" answered by "must present a business case to the SLT": a gate, not a duty.
  if (read.asksRule === 'may' && part.effect === 'requires' && GATE.test(part.text)) return 'permission';
  // "Can I use my phone in lessons?" answered by "phones must be kept out of sight during lessons": a duty that rules the thing out.
  if (read.asksRule === 'may' && part.effect === 'requires' && PUT_AWAY.test(part.text)) return 'no';
  // "Can I use my own phone for the school's photos?" answered by "must be taken on school devices only": not with your own.
  if (read.asksRule === 'may' && part.effect === 'requires' && query?.weights.has('personal') && SCHOOL_ONLY.test(part.text)) return 'no';
  return BY_EFFECT[part.effect];
}

const SCHOOL_ONLY = /\b(?:school|academy|trust|work|official)\s+(?:\w+\s+)?(?:devices?|equipment|accounts?|email(?: addresses| accounts?)?|cameras?|phones?|systems?)\s+only\b|\bonly\s+(?:\w+\s+){0,3}(?:school|academy|trust|work|official)\s+(?:\w+\s+)?(?:devices?|equipment|accounts?|email|cameras?|phones?|systems?)\b/i;

/** The sentence a verdict line opens with, naming the school ("No — Cadmus's policy does not allow this."). */
export function headline(verdict: Verdict, schoolName: string, permissionFrom?: string): string {
  const s = possessive(schoolName);
  switch (verdict) {
    case 'no': return `No — ${s} policy does not allow this.`;
    case 'yes': return `Yes — ${s} policy allows this, within the limits it sets.`;
    case 'permission': return permissionFrom
      ? `Only with permission — ${s} policy needs the agreement of ${permissionFrom} first.`
      : `Only with permission — ${s} policy needs someone's agreement first.`;
    case 'caution': return `Be cautious — ${s} policy advises against this.`;
    case 'must': return `You must — ${s} policy requires this.`;
    case 'info': return `Here is what ${s} policy says.`;
    case 'unknown': return `${s} policy does not cover this.`.replace(/^./, (c) => c.toUpperCase());
  }
}

