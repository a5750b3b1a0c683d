// What `npm run ingest -- --check FILE` shows a head before a policy goes live: warnings when the
// outline looks wrong, and the answers staff would get to a few common questions from this policy.

import { answerQuestion } from '../../bot/answer/answer-question.js';
import { createPolicyLibrary } from '../../knowledge/library.js';
import type { Policy } from '../../knowledge/types.js';

/** Common staff questions every social media policy should answer. */
export const SAMPLE_QUESTIONS = [
  'Can I accept a friend request from a pupil?',
  'Can I accept a friend request from a parent?',
  'Can I post photos of pupils on my own social media?',
  'Can I use my personal phone at work?',
  'Can I criticise the school on social media?',
  'Can I set up a social media account for my class or the school?',
];

/** Sentences that say the outline looks wrong; empty when it looks right. */
export function outlineWarnings(p: Policy): string[] {
  const out: string[] = [];
  const kept = p.clauses.reduce((n, c) => n + c.text.length, 0);
  const aside = p.setAside.reduce((n, a) => n + a.text.length, 0);
  if (p.clauses.length < 5) out.push(`only ${p.clauses.length} clause${p.clauses.length === 1 ? '' : 's'} read: most policies have dozens; check the outline below.`);
  const long = p.clauses.filter((c) => c.text.length > 2000);
  if (long.length) out.push(`${long.length} clause${long.length === 1 ? ' is' : 's are'} over 2,000 characters (${long.map((c) => c.ref).slice(0, 3).join(', ')}): the document's sections were probably not recognised.`);
  if (aside > kept) out.push(`most of the text was set aside (${pct(aside, aside + kept)}): check what was set aside below.`);
  if (!hasRule(p)) out.push('no clause says what staff must, must not or may do: is this the social media policy?');
  return out;
}

/** True when at least one clause is a rule (anything but information). */
export function hasRule(p: Policy): boolean {
  return p.clauses.some((c) => c.effect !== 'informs');
}

/** The built-in questions answered from this policy alone, one short paragraph each. */
export function sampleAnswers(p: Policy): string {
  const library = createPolicyLibrary([p]);
  return SAMPLE_QUESTIONS.map((q) => {
    const a = answerQuestion(library, p.school.id, q);
    const best = a.clauses[0]?.clause;
    const verdict = a.verdict === 'unknown' ? 'not covered' : a.verdict;
    const quote = best ? `\n    "${clip(best.text, 160)}" (${best.ref})` : '';
    return `  ${q} → ${verdict}${quote}`;
  }).join('\n');
}

function clip(text: string, n: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function pct(a: number, b: number): string {
  return `${Math.round((100 * a) / Math.max(b, 1))}%`;
}
