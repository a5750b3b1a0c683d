// How head questions read: the DM to the head (the question, what the policy answered, Reply), the
// reply to the member of staff, the head's answer shown to later staff (labelled as not policy),
// the list and the full view with its audit trail.

import type { Clause } from '../../knowledge/types.js';
import type { AuditEvent, Delivery } from '../escalations/model.js';
import { personName } from '../escalations/escalation-replies.js';
import { formatDate, formatTime } from '../format-time.js';
import type { Block, Button, FormSpec, Reply } from '../reply.js';
import { blocksText } from '../report/report-flow.js';
import { isShared, type HeadQuestion } from './model.js';

/** Longest reply a head may send (the same as an escalation's note). */
export const replyMax = 3000;

/** What the policy had answered, in one line, for the head. */
export function givenText(q: HeadQuestion, clause: (id: string) => Clause | undefined): string {
  const first = q.given.clauseIds.map(clause).find(Boolean);
  const where = first ? `${first.ref === first.heading ? `"${first.heading}"` : `${first.ref} (${first.heading})`}` : '';
  if (q.given.reason === 'not-covered') return 'The assistant found nothing about this in the policy.';
  if (q.given.reason === 'closest') return `The policy does not say this directly; the closest it comes is ${where || 'a clause that may not fit'}.`;
  // After a 👎, or "ask head" typed after an answer: either way they want the head's word, not a verdict on the answer.
  return `The assistant answered "${q.given.verdict}"${where ? ` from ${where}` : ''}; they would like your answer as well.`;
}

function statusLine(q: HeadQuestion): string {
  if (q.status === 'withdrawn') return `Withdrawn by the person who asked (${formatTime(q.withdrawnAt)}).`;
  if (q.status === 'open') return 'Waiting for a reply.';
  const a = q.answer!;
  const shared = a.forEveryone ? (a.withdrawnAt ? ' It was shown to staff who asked the same, until withdrawn.' : ' It is shown to staff who ask the same or a close question.') : '';
  return `Answered by ${personName(a.by)} (${formatTime(a.at)}): ${a.text}${shared}`;
}

/** The DM to each head, drawn from the question as it stands (so it is brought up to date when answered). */
export function headQuestionReply(q: HeadQuestion, clause: (id: string) => Clause | undefined): Reply {
  const blocks: Block[] = [
    { kind: 'heading', text: `A question for the head teacher: ${q.ref}` },
    { kind: 'fields', fields: [{ label: 'Asked by', value: personName(q.askedBy) }, { label: 'Asked', value: formatTime(q.createdAt) }] },
    { kind: 'text', text: `"${q.question}"` },
    { kind: 'text', text: givenText(q, clause) },
    { kind: 'text', text: statusLine(q), tone: q.status === 'open' ? 'notice' : 'normal' },
  ];
  const buttons = questionButtons(q);
  if (buttons.length) blocks.push({ kind: 'actions', actions: buttons });
  // The preview names the reference only: a policy question may name a colleague or a child.
  return { text: blocksText(blocks), blocks, preview: `A question from staff for you: ${q.ref}` };
}

function questionButtons(q: HeadQuestion): Button[] {
  if (q.status === 'open') return [{ label: 'Reply', action: { type: 'head.reply', ref: q.ref }, style: 'primary' }];
  if (isShared(q)) return [{ label: 'Withdraw the answer for everyone', action: { type: 'head.withdraw', ref: q.ref }, style: 'danger' }];
  return [];
}

/** The form a head replies with. */
export function replyForm(q: HeadQuestion): FormSpec {
  return {
    id: 'head.reply',
    title: `Reply to ${q.ref}`,
    submitLabel: 'Send reply',
    intro: [{ kind: 'text', text: `"${q.question}"` }],
    fields: [
      { name: 'reply', label: 'Your reply', kind: 'textarea', required: true, maxLength: replyMax },
      {
        name: 'share',
        label: 'Who sees it',
        kind: 'select',
        required: true,
        options: [
          { value: 'asker', label: 'Only the person who asked' },
          { value: 'everyone', label: 'Also staff who ask the same later (labelled: not part of the written policy)' },
        ],
      },
    ],
    values: { share: 'asker' },
    context: { ref: q.ref },
  };
}

/** The reply as the member of staff gets it, in their DM (threaded under their question where the platform can). */
export function answerToAsker(q: HeadQuestion): Reply {
  const a = q.answer!;
  const blocks: Block[] = [
    { kind: 'heading', text: `${personName(a.by)} (head teacher) replied to your question ${q.ref}` },
    { kind: 'text', text: `You asked: "${q.question}"` },
    { kind: 'text', text: a.text },
    { kind: 'text', text: 'This is your head teacher\'s answer, not part of the written policy.', tone: 'notice' },
  ];
  return { text: blocksText(blocks), blocks, preview: `Your head teacher replied to your question ${q.ref}` };
}

/** The label every remembered answer carries. */
export function headAnswerLabel(q: HeadQuestion): string {
  return `Your head teacher's answer (${formatDate(q.answer!.at)}) — not part of the written policy`;
}

/** A remembered answer shown under a later staff question. */
export function headAnswerBlocks(q: HeadQuestion): Block[] {
  return [
    { kind: 'heading', text: headAnswerLabel(q) },
    { kind: 'text', text: `Asked before: "${q.question}"` },
    { kind: 'text', text: q.answer!.text, tone: 'notice' },
  ];
}

/** Heads' list: open questions first, then the latest answered; no names (a single question shows who asked). */
export function questionListReply(open: HeadQuestion[], recent: HeadQuestion[]): Reply {
  const line = (q: HeadQuestion) => `${q.ref}  ${formatDate(q.createdAt)}  ${q.status}${isShared(q) ? ' (shared)' : ''}  "${clip(q.question, 100)}"`;
  const blocks: Block[] = [{ kind: 'heading', text: 'Questions for the head teacher' }];
  blocks.push({ kind: 'text', text: open.length ? `Waiting for a reply:\n${open.map(line).join('\n')}` : 'None waiting for a reply.' });
  if (recent.length) blocks.push({ kind: 'text', text: `Recently answered or withdrawn:\n${recent.map(line).join('\n')}` });
  const shown = [...open, ...recent].slice(0, 5);
  if (shown.length) blocks.push({ kind: 'actions', actions: shown.map((q) => ({ label: `Show ${q.ref}`, action: { type: 'head.show', ref: q.ref } })) });
  return { text: blocksText(blocks), blocks };
}

/** One question in full for a head: who asked, the answer, messages and the audit trail. */
export function questionFullReply(q: HeadQuestion, trail: AuditEvent[], deliveries: Delivery[], clause: (id: string) => Clause | undefined): Reply {
  const blocks: Block[] = [...headQuestionReply(q, clause).blocks.filter((b) => b.kind !== 'actions')];
  blocks.push({ kind: 'heading', text: 'Messages sent' }, { kind: 'text', text: deliveries.map((d) => `${d.purpose} to ${d.to.platform}:${d.to.userId}: ${d.state === 'sent' ? `sent ${formatTime(d.sentAt)}` : d.state}`).join('\n') || 'None.' });
  blocks.push({ kind: 'heading', text: 'Audit trail' }, { kind: 'text', text: trail.map((a) => `${formatTime(a.at)} ${personName(a.actor)} ${a.action}${a.detail ? `: ${a.detail}` : ''}`).join('\n') || 'Nothing yet.' });
  const buttons = questionButtons(q);
  if (buttons.length) blocks.push({ kind: 'actions', actions: buttons });
  return { text: blocksText(blocks), blocks, preview: `${q.ref} (details)` };
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
