// What staff asked, for the head: the questions of the last N days grouped by topic (the topic the
// question log gives each question), with how each was answered, 👎 counts and open "Ask the head"
// questions, and the clauses most cited. Counts only: no staff names and no question texts.

import { answerId } from '../answer/answer-question.js';
import type { HeadQuestion } from '../head-questions/model.js';
import type { FeedbackRecord, QuestionLogRecord, Store } from '../ports/store.js';

export interface GapTopic {
  key: string;
  label: string;
  asked: number;
  answered: number;
  closest: number;
  notCovered: number;
  notHelpful: number;
  openAskTheHead: number;
  /** The latest few questions of the topic (ids in the question log), for a head to open one. */
  latest: string[];
}

export interface GapsView {
  school: string;
  days: number;
  since: string;
  until: string;
  questions: number;
  answered: number;
  closest: number;
  notCovered: number;
  notHelpful: number;
  openAskTheHead: number;
  /** Where the policy falls short first: not covered, closest, 👎 and waiting questions, then how often asked. */
  topics: GapTopic[];
  clauses: { id: string; ref: string; heading: string; cited: number }[];
}

/** What the view is drawn from; `clause` names a cited clause. */
export interface GapsInput {
  school: string;
  days: number;
  now: Date;
  questions: QuestionLogRecord[];
  feedback: FeedbackRecord[];
  openAsks: HeadQuestion[];
  clause: (id: string) => { ref: string; heading: string } | undefined;
}

export const defaultGapsDays = 30;
export const maxGapsDays = 366;
/** Most questions read for one view (a year of a large school's questions). */
const questionsMax = 100_000;
const feedbackMax = 100_000;
const latestMax = 3;

/** Reads the view's records from the store and computes it. */
export async function readGaps(deps: { store: Store; clause: GapsInput['clause'] }, school: string, days: number, now: Date): Promise<GapsView> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const [questions, feedback, openAsks] = await Promise.all([
    deps.store.listQuestions({ school, since, until: now.toISOString(), limit: questionsMax }),
    deps.store.listFeedback(feedbackMax),
    deps.store.listHeadQuestions({ school, status: ['open'], limit: 1000 }),
  ]);
  return computeGaps({ school, days, now, questions, feedback: feedback.filter((f) => f.school === school && f.at >= since), openAsks, clause: deps.clause });
}

/** The view from its records (pure). */
export function computeGaps(input: GapsInput): GapsView {
  const topics = new Map<string, GapTopic>();
  const byAnswer = new Map<string, GapTopic>();
  const cited = new Map<string, number>();
  const view: GapsView = {
    school: input.school, days: input.days, since: new Date(input.now.getTime() - input.days * 86_400_000).toISOString(), until: input.now.toISOString(),
    questions: 0, answered: 0, closest: 0, notCovered: 0, notHelpful: 0, openAskTheHead: input.openAsks.length, topics: [], clauses: [],
  };
  // Newest first, so each topic's `latest` are its newest questions.
  for (const q of [...input.questions].sort((a, b) => b.at.localeCompare(a.at))) {
    const t = topics.get(q.topic.key) ?? { key: q.topic.key, label: q.topic.label, asked: 0, answered: 0, closest: 0, notCovered: 0, notHelpful: 0, openAskTheHead: 0, latest: [] };
    topics.set(t.key, t);
    if (!byAnswer.has(q.answerId)) byAnswer.set(q.answerId, t);
    t.asked++;
    view.questions++;
    const outcome = q.outcome === 'answer' ? 'answered' : q.outcome === 'closest' ? 'closest' : 'notCovered';
    t[outcome]++;
    view[outcome]++;
    if (t.latest.length < latestMax) t.latest.push(q.id);
    const first = q.clauseIds[0];
    if (first && q.outcome === 'answer') cited.set(first, (cited.get(first) ?? 0) + 1);
  }
  for (const f of input.feedback) {
    if (f.helpful) continue;
    view.notHelpful++;
    const t = byAnswer.get(f.answerId);
    if (t) t.notHelpful++;
  }
  for (const a of input.openAsks) {
    const t = byAnswer.get(answerId(a.school, a.question));
    if (t) t.openAskTheHead++;
  }
  const shortfall = (t: GapTopic) => t.notCovered + t.closest + t.notHelpful + t.openAskTheHead;
  view.topics = [...topics.values()].sort((a, b) => shortfall(b) - shortfall(a) || b.asked - a.asked || a.label.localeCompare(b.label));
  view.clauses = [...cited.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([id, n]) => ({ id, ref: input.clause(id)?.ref ?? id, heading: input.clause(id)?.heading ?? '', cited: n }));
  return view;
}
