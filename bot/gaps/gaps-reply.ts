// The gaps view as a reply (Slack App Home, a Teams card, the terminal), and one logged question
// opened by a head: the only place who asked is shown, and opening it is audited.

import { formatDate, formatTime } from '../format-time.js';
import type { QuestionLogRecord } from '../ports/store.js';
import type { Block, Button, Reply } from '../reply.js';
import { blocksText } from '../report/report-flow.js';
import type { GapsView } from './gaps-view.js';

/** Topics listed in chat (the JSON has them all). */
const topicsShown = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The blocks of the view; the same numbers `npm run gaps -- --json` prints. */
export function gapsBlocks(v: GapsView): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `What staff asked: the last ${plural(v.days, 'day')} (${formatDate(v.since)} to ${formatDate(v.until)})` }];
  if (!v.questions && !v.notHelpful && !v.openAskTheHead) return [...blocks, { kind: 'text', text: 'No questions in this period.' }];
  blocks.push({
    kind: 'text',
    text: `${plural(v.questions, 'question')}: ${v.answered} answered from a clause, ${v.closest} the closest the policy comes, ${v.notCovered} not covered; ${plural(v.notHelpful, '👎', '👎')}; ${v.openAskTheHead} waiting for the head (Ask the head).`,
  });
  const lines = v.topics.slice(0, topicsShown).map((t) =>
    `• ${t.label}: asked ${t.asked} (answered ${t.answered}, closest ${t.closest}, not covered ${t.notCovered})${t.notHelpful ? `, 👎 ${t.notHelpful}` : ''}${t.openAskTheHead ? `, waiting ${t.openAskTheHead}` : ''}`,
  );
  if (v.topics.length > topicsShown) lines.push(`…and ${plural(v.topics.length - topicsShown, 'more topic')}.`);
  blocks.push({ kind: 'text', text: `By topic (where the policy falls short first):\n${lines.join('\n')}` });
  if (v.clauses.length) blocks.push({ kind: 'text', text: `Clauses most cited:\n${v.clauses.map((c) => `• ${c.ref}${c.heading && c.heading !== c.ref ? ` ${c.heading}` : ''}: ${c.cited}`).join('\n')}` });
  const open: Button[] = v.topics
    .filter((t) => t.notCovered + t.closest > 0)
    .slice(0, 5)
    .map((t) => ({ label: `Open a question: ${clip(t.label, 40)}`, action: { type: 'gaps.open', id: t.latest[0]! } }));
  if (open.length) blocks.push({ kind: 'actions', actions: open });
  return blocks;
}

export function gapsReply(v: GapsView): Reply {
  const blocks = gapsBlocks(v);
  return { text: blocksText(blocks), blocks };
}

/** One logged question for a head: what was asked, when, by whom and how it was answered. */
export function openedQuestionReply(q: QuestionLogRecord): Reply {
  const outcome = q.outcome === 'answer' ? `answered (${q.verdict})` : q.outcome === 'closest' ? 'the closest the policy comes' : 'not covered';
  const blocks: Block[] = [
    { kind: 'heading', text: 'A question staff asked' },
    { kind: 'text', text: `"${q.text}"` },
    { kind: 'fields', fields: [{ label: 'Asked', value: formatTime(q.at) }, { label: 'Asked by', value: `${q.by.platform}:${q.by.userId}` }, { label: 'Topic', value: q.topic.label }, { label: 'Answer', value: outcome }] },
    { kind: 'text', text: 'Opening a question is recorded in the audit trail.', tone: 'notice' },
  ];
  return { text: blocksText(blocks), blocks, preview: 'A question staff asked' };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
