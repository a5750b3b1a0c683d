// Scores answers against a question file (the format of ../shared/eval/dev-questions.jsonl):
// verdict accuracy, clause hit@1/hit@3, intent accuracy, unknowns handled, per school.

import type { PolicyLibrary } from '../../knowledge/library.js';
import { answerQuestion, type Answer } from '../../bot/answer/answer-question.js';

export interface EvalItem {
  id?: string;
  school: string;
  question: string;
  intent?: 'ask' | 'report';
  verdict: string[];
  clause: string[];
}

export interface ItemResult {
  item: EvalItem;
  answer: Answer;
  verdictOk: boolean;
  intentOk: boolean;
  hit1?: boolean;
  hit3?: boolean;
}

export interface Tally {
  n: number;
  verdict: number;
  intent: number;
  clauseItems: number;
  hit1: number;
  hit3: number;
  unknownExpected: number;
  unknownRight: number;
  falseUnknown: number;
}

/** Parses one line of a question file, or says what is wrong with it. */
export function parseEvalLine(line: string): EvalItem | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const o = v as Partial<EvalItem> | null;
  if (!o || typeof o.school !== 'string' || typeof o.question !== 'string') return 'expected "school" and "question" strings';
  const verdict = Array.isArray(o.verdict) ? o.verdict.map(String) : typeof o.verdict === 'string' ? [o.verdict] : [];
  const clause = Array.isArray(o.clause) ? o.clause.map(String) : typeof o.clause === 'string' ? [o.clause] : [];
  const item: EvalItem = { school: o.school, question: o.question, verdict, clause };
  if (o.id !== undefined) item.id = String(o.id);
  if (o.intent === 'ask' || o.intent === 'report') item.intent = o.intent;
  return item;
}

/** Answers and judges one item. */
export function scoreItem(library: PolicyLibrary, item: EvalItem): ItemResult {
  const answer = answerQuestion(library, item.school, item.question);
  const texts = answer.clauses.map((m) => norm(m.clause.text));
  const wanted = item.clause.map(norm).filter(Boolean);
  const hitAt = (k: number): boolean => texts.slice(0, k).some((t) => wanted.some((w) => t.includes(w)));
  const r: ItemResult = {
    item,
    answer,
    verdictOk: item.verdict.length === 0 || item.verdict.includes(answer.verdict),
    intentOk: !item.intent || item.intent === answer.intent,
  };
  if (wanted.length) {
    r.hit1 = hitAt(1);
    r.hit3 = hitAt(3);
  }
  return r;
}

/** Totals over results. */
export function tally(results: ItemResult[]): Tally {
  const t: Tally = { n: 0, verdict: 0, intent: 0, clauseItems: 0, hit1: 0, hit3: 0, unknownExpected: 0, unknownRight: 0, falseUnknown: 0 };
  for (const r of results) {
    t.n++;
    if (r.verdictOk) t.verdict++;
    if (r.intentOk) t.intent++;
    if (r.hit1 !== undefined) {
      t.clauseItems++;
      if (r.hit1) t.hit1++;
      if (r.hit3) t.hit3++;
    }
    const expectsUnknown = r.item.verdict.length > 0 && r.item.verdict.every((v) => v === 'unknown');
    if (expectsUnknown) {
      t.unknownExpected++;
      if (r.answer.verdict === 'unknown') t.unknownRight++;
    } else if (r.answer.verdict === 'unknown') t.falseUnknown++;
  }
  return t;
}

/** Case, whitespace and quote-insensitive form for comparing clause text. */
export function norm(s: string): string {
  return s.toLowerCase().replace(/[‘’`´']/g, "'").replace(/[“”"]/g, '"').replace(/["']/g, '').replace(/\s+/g, ' ').trim();
}

/** A share as a percentage with one decimal. */
export function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}
