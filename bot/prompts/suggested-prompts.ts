// The questions the assistant suggests when someone opens it: drawn from the school's own policy.
// A fixed list of things staff commonly ask is put to the school's policy; only those its policy
// answers (a verdict, not "not covered" or a bare fact) are offered, one per clause, the clauses
// staff have asked about most first. "Report a post" is always the last of the four.

import type { Answerer } from '../answering.js';
import { possessive } from '../english.js';

/** One suggestion: `title` is what the button shows, `message` what pressing it sends. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

export interface SuggestedPrompts {
  /** Names the school: "Ask about Cadmus Family of Schools' policy". */
  title: string;
  prompts: SuggestedPrompt[];
}

/** How many prompts are offered in all (Slack shows up to four; Teams lists them as prompt starters). */
export const promptCount = 4;

/** "Report a post": a command the core reads as the start of a report on every platform. */
export const reportPrompt: SuggestedPrompt = { title: 'Report a post', message: 'Report a post' };

/**
 * Things staff commonly ask, for any school: each title is itself a question of at most 32
 * characters (Teams sends a prompt starter's title as the message).
 */
export const commonQuestions: readonly string[] = [
  'Can I accept parents as friends?',
  'Can I follow pupils online?',
  'Can I post photos of pupils?',
  'Can I use my phone at school?',
  'Can I use social media at work?',
  'Can I message pupils online?',
  'Can I set up a class account?',
  'Can I friend ex-pupils?',
  'Should my profile be private?',
  'Can I use the school logo?',
  'Can I post about colleagues?',
  'Can I criticise school online?',
  'Can I post trip photos myself?',
  'Can I say where I work online?',
];

/** Verdicts worth suggesting: a clear answer from the policy, not "not covered" or background. */
const answering = new Set(['yes', 'no', 'permission', 'caution', 'must']);

/**
 * The prompts for a school: up to three common questions its policy answers, ranked by how often
 * their clause has answered staff (`asked`, clause id → count; ties keep the list's order), then
 * "Report a post".
 */
export async function suggestPrompts(answerer: Answerer, school: string, schoolName: string, asked: ReadonlyMap<string, number> = new Map()): Promise<SuggestedPrompts> {
  const covered: { question: string; clauseId: string; order: number }[] = [];
  for (const [order, question] of commonQuestions.entries()) {
    const answer = await answerer.ask(school, question);
    const clauseId = answer.feedback?.clauseIds[0];
    if (answer.intent !== 'ask' || !clauseId || !answering.has(answer.feedback?.verdict ?? 'unknown')) continue;
    // One prompt per clause: two questions answered by the same words would be one suggestion twice.
    if (!covered.some((c) => c.clauseId === clauseId)) covered.push({ question, clauseId, order });
  }
  const count = (id: string) => asked.get(id) ?? 0;
  covered.sort((a, b) => count(b.clauseId) - count(a.clauseId) || a.order - b.order);
  const questions = covered.slice(0, promptCount - 1).map((c) => ({ title: c.question, message: c.question }));
  return { title: `Ask about ${possessive(schoolName)} policy`, prompts: [...questions, reportPrompt] };
}
