// 👍/👎 on an answer: the buttons carry what the feedback record needs (question, verdict, clauses),
// so feedback pressed after a restart, or on another instance, still records what was asked.

import type { Actor } from './events.js';
import type { FeedbackRecord } from './ports/store.js';
import type { Action, Block, Reply, Verdict } from './reply.js';

/** Longest question a button carries: Slack's button value holds 2,000 characters of JSON in all. */
export const feedbackQuestionMax = 300;
/** Most clause ids a button carries (the answer quotes one or two; related ones are not needed). */
export const feedbackClauseMax = 5;
const clauseIdMax = 120;

const verdicts: readonly Verdict[] = ['yes', 'no', 'permission', 'caution', 'must', 'info', 'unknown'];

type FeedbackAction = Extract<Action, { type: 'feedback' }>;

export interface FeedbackContext {
  question: string;
  verdict?: string;
  clauseIds?: string[];
}

/**
 * The reply with its feedback buttons carrying the question, verdict and clause ids. What the
 * context leaves out is read from the reply itself (its verdict block and quoted clauses).
 */
export function withFeedbackContext(reply: Reply, context: FeedbackContext): Reply {
  const verdict = context.verdict ?? reply.blocks.find((b): b is Extract<Block, { kind: 'verdict' }> => b.kind === 'verdict')?.verdict;
  const clauseIds = context.clauseIds ?? reply.blocks.flatMap((b) => (b.kind === 'quote' ? [b.citation.clauseId] : []));
  const carried = {
    question: context.question.trim().slice(0, feedbackQuestionMax),
    ...(verdict ? { verdict } : {}),
    clauseIds: clauseIds.slice(0, feedbackClauseMax),
  };
  const blocks = reply.blocks.map((b): Block =>
    b.kind === 'actions' && b.actions.some((x) => x.action.type === 'feedback')
      ? { ...b, actions: b.actions.map((x) => (x.action.type === 'feedback' ? { ...x, action: { ...x.action, ...carried } } : x)) }
      : b,
  );
  return { ...reply, blocks };
}

/** The record for a pressed button; fields a forged or old button lacks are recorded as unknown. */
export function feedbackRecord(action: FeedbackAction, actor: Actor, at: Date): FeedbackRecord {
  const question = typeof action.question === 'string' ? action.question.slice(0, feedbackQuestionMax) : '';
  const verdict = verdicts.find((v) => v === action.verdict) ?? 'unknown';
  const clauseIds = Array.isArray(action.clauseIds)
    ? action.clauseIds.filter((id): id is string => typeof id === 'string').slice(0, feedbackClauseMax).map((id) => id.slice(0, clauseIdMax))
    : [];
  return {
    answerId: String(action.answerId).slice(0, clauseIdMax),
    school: actor.school,
    question,
    clauseIds,
    verdict,
    helpful: action.helpful === true,
    by: { platform: actor.platform, userId: actor.userId },
    at: at.toISOString(),
  };
}
