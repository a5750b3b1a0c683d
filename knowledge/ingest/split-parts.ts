// Splits a clause into the parts whose effect can differ: sentences, "X may…, but Y must not…",
// semicolon lists, parenthetical rules and comma-separated action lists after one modal.

import type { ClausePart, Effect } from '../types.js';
import { readEffect } from './classify-effect.js';
import { readConditions } from './read-conditions.js';

const ABBREV = /\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|approx)\.$/i;
/** A marker standing alone before what it marks: an FAQ's "A." or "Q.", a list's "b." or "2.". */
const MARKER = /^(?:[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)]$/;
const ACTION_VERB =
  /^(?:or\s+|and\s+|nor\s+)?(?:identify|allow|post|share|publish|upload|use|accept|make|give|send|engage|communicate|follow|add|tag|name|contact|disclose|discuss|create|access|invite|comment|reply|respond|befriend|message|request|store|copy|forward|download|link|embed|reveal|breach|bring|place|display|photograph|film|record|criticise|approach|join|like)\b/i;

const EXPLICIT_REQUIRE = /\b(?:must|should|shall|will|need|needs|required|expected|ensure|always|have to|has to)\b/i;

/** A clause's parts, each with the effect its own words give (or inherit from the sentence/list). */
export function splitParts(text: string, listEffect?: Effect): ClausePart[] {
  const parts: ClausePart[] = [];
  sentences(text).forEach((sentence, at) => {
    let sentenceEffect: Effect | undefined;
    // A list's "Don't:" carries on to its item, not to a later sentence of the item that gives its own
    // leave ("… outside school hours. On trips, the trip leader may reply at any time.").
    const leave = listEffect === 'forbids' && at > 0 && OWN_LEAVE.test(sentence);
    const inherited = leave ? undefined : listEffect;
    for (const piece of pieces(sentence)) {
      const own = readEffect(piece);
      let effect: Effect;
      // In a list of what is forbidden, "[unless properly authorised]" naming no one is an exception, not the rule.
      const unnamedException = own?.effect === 'permission' && !own.permissionFrom && inherited === 'forbids';
      // "…must not accept friend requests, follow requests…": a later piece opening with a verb-like word is not a command.
      const echo = own?.effect === 'requires' && sentenceEffect !== undefined && !EXPLICIT_REQUIRE.test(piece);
      if (own && !unnamedException && !echo && (own.effect !== 'requires' || !inherited || inherited === 'requires')) effect = own.effect;
      else effect = baseEffect(sentenceEffect) ?? inherited ?? own?.effect ?? (leave ? 'permits' : 'informs');
      // An echoed verb ("…must not be friends with, follow, or message…") carries the sentence's effect on.
      if (own && own.effect !== 'permission' && !echo) sentenceEffect = own.effect;
      else if (own?.effect === 'permission' && sentenceEffect === undefined) sentenceEffect = forbidIfNegated(piece);
      const part: ClausePart = { text: piece, effect, ...readConditions(piece) };
      if (own?.permissionFrom && effect === 'permission') part.permissionFrom = own.permissionFrom;
      parts.push(part);
    }
  });
  answerQuestions(parts);
  listExceptions(parts);
  return parts.length ? parts : [{ text, effect: listEffect ?? 'informs' }];
}

/** "may" giving leave (not "may result", "may be"); "can" is left out: in a later sentence it mostly tells what someone is able to do. */
const OWN_LEAVE = /\bmay\s+(?!not\b|also\s+be\b|be\b|wish\b|lead\b|result\b|have\b|need\b|remain\b|cause\b|damage\b)[a-z]+/i;

/** A FAQ question asking whether something must be done ("Do I have to…?", "Must I…?", "Should I…?"). */
const MUST_QUESTION = /^\s*(?:do|does|will)\s+(?:i|we|you|staff|they)\s+(?:have|need)\s+to\b|^\s*(?:must|should|shall)\s+(?:i|we|you|staff)\b|^\s*(?:am|are|is)\s+(?:i|we|you|staff)\s+(?:required|expected|obliged)\b/i;

/** "A: Yes…", "No." opening a FAQ answer. */
const ANSWER = /^\s*(?:A\d{0,2}\s*[:.)]\s*|Answer\s*[:.]\s*)?(yes|no)\b(?![- ](?:one|body|longer|more|later|other)\b)/i;

/**
 * A FAQ pair ("Can I…? — Yes, but…" / "No. Use a school iPad"): the question's own words say
 * nothing normative, so the question and the bare yes or no take the answer's effect; the
 * question is the part a staff member's words match best, so it must carry the verdict.
 */
function answerQuestions(parts: ClausePart[]): void {
  parts.forEach((p, i) => {
    if (!/\?\s*$/.test(p.text)) return;
    const answer = parts[i + 1];
    const m = answer ? ANSWER.exec(answer.text) : null;
    if (!answer || !m) return;
    // "Do I have to…? Yes." is a duty; "…? No." means it is not required.
    const duty = MUST_QUESTION.test(p.text);
    const yes = m[1]!.toLowerCase() === 'yes';
    const effect: Effect = duty ? (yes ? 'requires' : 'permits') : yes ? 'permits' : 'forbids';
    if (p.effect === 'informs' || p.effect === 'requires') p.effect = effect;
    // "No. Photos may only go on the school's accounts": the answer's first word decides; what follows explains.
    const overrides = answer.effect === 'informs' || wordsIn(answer.text) <= 3 || (effect === 'forbids' && (answer.effect === 'permits' || answer.effect === 'requires'));
    if (overrides) answer.effect = effect;
  });
  // A bare "Yes." or "A: No." says nothing alone: it is read, and quoted, with the question it answers.
  for (let i = parts.length - 1; i > 0; i--) {
    const q = parts[i - 1]!;
    if (/\?\s*$/.test(q.text) && wordsIn(parts[i]!.text) <= 3 && ANSWER.test(parts[i]!.text)) {
      q.text = `${q.text} ${parts[i]!.text}`;
      parts.splice(i, 1);
    }
  }
}

/** "The only exceptions are:", "Exceptions to this rule:": what follows is the list of exceptions to the rule before it. */
const EXCEPTIONS_INTRO = /^(?:the\s+)?(?:only\s+)?exceptions?\s*(?:to\s+th(?:is|ese)\s+(?:rules?\s+)?)?(?:are|is|being)?\s*:\s*$/i;

/** Gives a prohibition the items of an exceptions list that follows it, each item its own exception. */
function listExceptions(parts: ClausePart[]): void {
  const at = parts.findIndex((p) => EXCEPTIONS_INTRO.test(p.text));
  if (at < 1) return;
  const rule = parts.slice(0, at).reverse().find((p) => p.effect === 'forbids' || p.effect === 'discourages');
  const items = parts.slice(at + 1).map((p) => p.text).filter((t) => wordsIn(t) > 2);
  if (rule && items.length) rule.exceptions = items;
}

function wordsIn(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Sentences, not split after "e.g." and the like. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const tok of text.split(/(?<=[.!?])\s+(?=["“(\[]?[A-Z0-9])|\n+/)) {
    cur = cur ? `${cur} ${tok}` : tok;
    if (!ABBREV.test(cur.trim()) && !MARKER.test(cur.trim())) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function pieces(sentence: string): string[] {
  const out: string[] = [];
  const chunks: string[] = [];
  // "…set to private and pupils are never listed…": a second subject with its own verb is a second rule.
  for (const c of sentence.split(/;\s+|,?\s+but\s+(?=\w)/).flatMap(secondSubjects)) {
    // "…, but only with the Headteacher's approval" qualifies what came before; it is not a rule of its own.
    if (chunks.length && /^(?:only|not without|provided|as long as|unless)\b/i.test(c)) chunks[chunks.length - 1] += `, but ${c}`;
    else chunks.push(c);
  }
  for (const semi of chunks) {
    const paren = /^(.*?)\s*\(([^()]{15,})\)\s*([^()]*)$/.exec(semi);
    const base = paren && readEffect(paren[2]!) ? [paren[1]! + (paren[3] ? ` ${paren[3]}` : ''), paren[2]!] : [semi];
    for (const b of base) out.push(...commaActions(b));
  }
  return out.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * "…set to private and pupils are never listed…" → two rules; "Trust devices and networks must not
 * be used…" is one rule with two subjects: the part before "and" has no verb of its own.
 */
function secondSubjects(s: string): string[] {
  const out: string[] = [];
  for (const c of s.split(/\s+and\s+(?=(?:\w+\s+){0,3}(?:are|is|must|should|will|never|may)\s)/)) {
    const last = out[out.length - 1];
    // "…during lessons and whenever staff are supervising…": a clause of time or condition with no
    // rule of its own belongs to the rule before; "…and where they are already friends they should
    // not…" is a second rule.
    const subordinate = /^(?:when|whenever|while|whilst|if|where|wherever|until|before|after|once)\b/i.test(c) && !MODAL.test(c);
    // "…should not message students, except that coursework deadlines and revision reminders may be
    // scheduled…": the exception's subject runs on past "and" to its verb.
    const openException = last !== undefined && OPEN_EXCEPTION.exec(last);
    const exceptionRunsOn = !!openException && !HAS_VERB.test(openException[1]!);
    if (last !== undefined && (!HAS_VERB.test(last) || subordinate || exceptionRunsOn)) out[out.length - 1] = `${last} and ${c}`;
    else out.push(c);
  }
  return out;
}

const MODAL = /\b(?:must|should|shall|may|can|cannot|will|need|never)\b/i;
/** An exception still open at the end of a chunk ("…, except that coursework deadlines"): what follows it. */
const OPEN_EXCEPTION = /\b(?:except(?:\s+that|\s+where|\s+when|\s+for)?|unless|other\s+than|apart\s+from)\s+([^,;]*)$/i;
const HAS_VERB = /\b(?:must|should|shall|will|may|can|could|would|is|are|was|were|be|been|has|have|had|do|does|did|need|needs|not|never)\b/i;

/** "must not publish X without consent, identify children by name, or allow Y" → three actions. */
function commaActions(s: string): string[] {
  const chunks = s.split(/,\s+/);
  const out: string[] = [];
  for (const c of chunks) {
    if (out.length && ACTION_VERB.test(c)) out.push(c);
    else if (out.length) out[out.length - 1] += `, ${c}`;
    else out.push(c);
  }
  return out;
}

/** The effect a later part of the same sentence carries over (a permission's negative stays). */
function baseEffect(e: Effect | undefined): Effect | undefined {
  return e === 'permits' ? undefined : e;
}

function forbidIfNegated(piece: string): Effect | undefined {
  return /\b(?:must|should|will|may|do)\s+not\b|\bnever\b/i.test(piece) ? 'forbids' : undefined;
}
