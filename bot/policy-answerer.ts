// Answers questions for the dispatcher. Until the answers module lands this is a thin stand-in over
// the library's topic search: the best clause quoted and cited, and "Start a report" for incidents.

import type { PolicyLibrary } from '../knowledge/library.js';
import type { Answerer } from './answering.js';
import type { Block, Citation, Reply } from './reply.js';
import { blocksText } from './report/report-flow.js';

export type AnswerLibrary = PolicyLibrary;

const reportLike =
  /\b(posted|has posted|post(ed)? about|comment(ed)? about|abus\w*|threat\w*|troll\w*|insult\w*|racist|nude|indecent|at risk|worried about|bully\w*|called (me|her|him|them)|mocking|defam\w*|report (a|this|it))\b/i;

export function createLibraryAnswerer(library: AnswerLibrary): Answerer {
  const cite = (clauseId: string): { text: string; citation: Citation } | undefined => {
    const c = library.clause(clauseId);
    if (!c) return undefined;
    const schoolName = library.policy(c.school)?.school.name ?? c.school;
    return { text: c.text, citation: { clauseId: c.id, school: c.school, schoolName, ref: c.ref, heading: c.heading } };
  };
  const reply = (blocks: Block[]): Reply => ({ text: blocksText(blocks), blocks });
  return {
    async ask(school, question) {
      const intent = reportLike.test(question) ? 'report' : 'ask';
      const best = library.search(school, question, { limit: 1 })[0];
      const quoted = best && cite(best.clause.id);
      const blocks: Block[] = quoted
        ? [{ kind: 'text', text: "Here is what your school's policy says:" }, { kind: 'quote', ...quoted }]
        : [{ kind: 'verdict', verdict: 'unknown', headline: "Your school's policy doesn't cover that. Ask the head teacher." }];
      if (intent === 'report') blocks.push({ kind: 'actions', actions: [{ label: 'Start a report', action: { type: 'report.start', description: question }, style: 'primary' }] });
      return { intent, reply: reply(blocks) };
    },
    async forClause(clauseId) {
      const quoted = cite(clauseId);
      return quoted ? reply([{ kind: 'quote', ...quoted }]) : undefined;
    },
  };
}
