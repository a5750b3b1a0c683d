// The seam between the dispatcher and the answers module: "what does the policy say about this
// question?" as one small port, so the dispatcher does not depend on how answers are made.

import type { FeedbackRecord, QuestionLogRecord } from './ports/store.js';
import type { Reply } from './reply.js';

export interface AnsweredQuestion {
  intent: 'ask' | 'report';
  reply: Reply;
  /** What a 👍/👎 on this answer should record (keyed by the answer id the reply's buttons carry). */
  feedback?: Pick<FeedbackRecord, 'answerId' | 'school' | 'question' | 'clauseIds' | 'verdict'>;
  /** How a policy question was answered and what it is about, for the question log (absent for reports and unread text). */
  log?: Pick<QuestionLogRecord, 'outcome' | 'topic'>;
}

export interface Answerer {
  ask(school: string, question: string): Promise<AnsweredQuestion>;
  /** The answer when the person picked a clause from "did you mean". */
  forClause(clauseId: string, question: string): Promise<Reply | undefined>;
}
