// Turns an Answer into the platform-neutral Reply the adapters draw: verdict line, quoted clause
// with its citation, who to ask, related clauses, "did you mean" choices, report offer, feedback.

import type { PolicyLibrary } from '../../knowledge/library.js';
import type { Clause } from '../../knowledge/types.js';
import type { Block, Button, Citation, Reply } from '../reply.js';
import { MAX_QUESTION_LENGTH, type Answer } from './answer-question.js';
import { headline } from './headline.js';
import { possessive } from '../english.js';

/** The reply for an answer. */
export function answerReply(answer: Answer, _library?: PolicyLibrary): Reply {
  if (answer.problem === 'empty') return plain('Please type a question about the social media policy, for example "Can I accept a friend request from a parent?"');
  if (answer.problem === 'too_long') {
    return plain(`That message is too long to answer (${answer.question.trim().length.toLocaleString('en-GB')} characters): please ask in ${MAX_QUESTION_LENGTH.toLocaleString('en-GB')} characters or fewer.`);
  }
  const blocks: Block[] = [];
  // The verdict line names the school as a colleague would; the citation keeps its full name.
  const name = answer.school.shortName ?? answer.school.name;
  if (answer.verdict === 'unknown' && answer.problem === 'not_direct' && answer.clauses[0]) {
    // Near but not the same thing (a rule on pupils for a question about a parent): say so, show it, never guess.
    const near = answer.clauses[0].clause;
    blocks.push({ kind: 'verdict', verdict: 'unknown', headline: `${possessive(name)} policy does not say this directly.`.replace(/^./, (c) => c.toUpperCase()) });
    blocks.push({ kind: 'text', text: 'The closest it comes is:' });
    blocks.push({ kind: 'quote', text: near.text, citation: citation(near, answer) });
    blocks.push({ kind: 'text', text: `That may not cover your question, so I won't guess. Please ask ${answer.whoToAsk}.` });
  } else if (answer.verdict === 'unknown') {
    blocks.push({ kind: 'verdict', verdict: 'unknown', headline: headline('unknown', name) });
    blocks.push({ kind: 'text', text: `I can't find anything about this in ${possessive(name)} social media policy, so I won't guess. Please ask ${answer.whoToAsk}.` });
  } else {
    const lead = answer.intent === 'report'
      ? `This sounds like something to report. Here is what ${possessive(name)} policy says to do.`
      : headline(answer.verdict, name, answer.permissionFrom);
    blocks.push({ kind: 'verdict', verdict: answer.verdict, headline: lead });
    const best = answer.clauses[0]!.clause;
    const key = answer.decidingSentence;
    if (key) {
      // A paragraph of several rules: the sentence that decides comes first, then the clause whole.
      blocks.push({ kind: 'quote', text: key, citation: citation(best, answer) });
      blocks.push({ kind: 'text', text: `In full: ${best.text}` });
    } else blocks.push({ kind: 'quote', text: best.text, citation: citation(best, answer) });
    blocks.push({ kind: 'text', text: `If in doubt, ask ${answer.whoToAsk}.` });
    const related = answer.clauses.slice(1, 4);
    if (related.length && !answer.didYouMean) {
      blocks.push({ kind: 'related', title: 'Related clauses', items: related.map((m) => ({ citation: citation(m.clause, answer), summary: summary(m.clause.text) })) });
    }
  }
  if (answer.didYouMean?.length) {
    blocks.push({ kind: 'text', text: 'Did you mean one of these?' });
    blocks.push({ kind: 'actions', actions: answer.didYouMean.map((m) => chooseButton(m.clause, answer)) });
  }
  if (answer.intent === 'report') {
    blocks.push({ kind: 'actions', actions: [{ label: 'Start a report', style: 'primary', action: { type: 'report.start', description: answer.question.trim() } }] });
  }
  blocks.push({ kind: 'actions', actions: feedbackButtons(answer.id) });
  return { text: fallbackText(blocks), blocks };
}

function citation(clause: Clause, answer: Answer): Citation {
  return { clauseId: clause.id, school: answer.school.id, schoolName: answer.school.name, ref: clause.ref, heading: clause.heading };
}

function chooseButton(clause: Clause, answer: Answer): Button {
  const where = clause.section ? `${clause.section} ` : '';
  return { label: `${where}${summary(clause.text, 60)}`, action: { type: 'ask.choose', clauseId: clause.id, question: answer.question } };
}

function feedbackButtons(answerId: string): Button[] {
  return [
    { label: '👍 Helpful', action: { type: 'feedback', answerId, helpful: true } },
    { label: '👎 Not helpful', action: { type: 'feedback', answerId, helpful: false } },
  ];
}

/** Where a clause stands, as a reader would cite it ("Cadmus Family of Schools, section 3.1 (Personal use…)"). */
export function citeText(c: Citation): string {
  return c.ref === c.heading ? `${c.schoolName}, "${c.heading}"` : `${c.schoolName}, section ${c.ref} (${c.heading})`;
}

function summary(text: string, max = 140): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

function plain(text: string): Reply {
  return { text, blocks: [{ kind: 'text', text, tone: 'notice' }] };
}

/** The whole reply as text, block by block (what a terminal shows and notifications fall back to). */
function fallbackText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'verdict') lines.push(b.headline);
    else if (b.kind === 'text' || b.kind === 'heading') lines.push(b.text);
    else if (b.kind === 'quote') lines.push(b.text.split('\n').map((l) => `> ${l}`).join('\n'), `— ${citeText(b.citation)}`);
    else if (b.kind === 'related') lines.push(`${b.title}:`, ...b.items.map((i) => `  • ${citeText(i.citation)}: ${i.summary}`));
    else if (b.kind === 'actions' && b.actions.some((a) => a.action.type !== 'feedback')) {
      lines.push(...b.actions.filter((a) => a.action.type !== 'feedback').map((a) => `  [${a.label}]`));
    }
  }
  return lines.join('\n');
}
