// What the assistant tells people about itself: help, the home view, and a few short messages.

import type { BotContext } from './bot-context.js';
import type { Actor } from './events.js';
import { visibleEscalations } from './escalation-lists.js';
import { isManager } from './escalations/access.js';
import { listReply, myReportsReply } from './escalations/escalation-replies.js';
import { blocksText } from './report/report-flow.js';
import type { Block, Reply } from './reply.js';
import type { SchoolInfo } from '../knowledge/types.js';
import { reviewSentence } from './policy-review.js';
import { gapsForHome } from './gaps/gaps-actions.js';

export const examples = [
  'Can I be friends with a parent on Facebook?',
  'Can I post photos of a school trip on my own Instagram?',
  "A parent has posted something abusive about a colleague: what do I do?",
];

/** What heads, DSLs and the chair can type, and what each does. */
export const managerCommands: [string, string][] = [
  ['escalations', 'the open escalations you may see'],
  ['overdue', 'those not acknowledged in time'],
  ['recent', 'the latest twenty, whatever their state'],
  ['show ESC-2026-0001', 'one escalation in full: details, guidance given, messages, audit trail'],
  ['ack ESC-2026-0001', 'acknowledge it (the reporter is told)'],
  ['note ESC-2026-0001 <text>', 'add a note to it'],
  ['resolve ESC-2026-0001 <outcome>', 'resolve it, saying what was done and why'],
  ['recorded ESC-2026-0001', 'DSL: confirm a child-protection concern is recorded in the safeguarding system'],
  ['export ESC-2026-0001', 'the record ready to paste into the safeguarding system (audited)'],
  ['questions', 'head teachers: questions staff sent you with "Ask the head"'],
  ['show Q-2026-0007', 'one question in full, with who asked (audited)'],
  ['reply Q-2026-0007 <text>', 'reply to the person who asked; reply-all also shows it to staff who ask the same later'],
  ['withdraw Q-2026-0007', 'stop showing your answer to everyone'],
  ['gaps [days]', 'head teachers: what staff asked in the last 30 (or N) days, by topic, with counts only'],
];

/** The help text; heads/DSLs also see their escalation commands; the policy's review date when it gives one. */
export function helpReply(manager: boolean, school?: SchoolInfo, now: Date = new Date()): Reply {
  const blocks: Block[] = [
    { kind: 'heading', text: 'What I can do' },
    { kind: 'text', text: "Ask me whether you can do something on social media, and I'll tell you what your school's policy says, quoting it." },
    { kind: 'text', text: `For example:\n${examples.map((e) => `• ${e}`).join('\n')}` },
    { kind: 'text', text: "Type 'report' to report an abusive, threatening or worrying post by a pupil or parent; I'll pass it to the head teacher (and the DSL if a child may be at risk). 'my reports' shows yours." },
    { kind: 'text', text: "When the policy doesn't answer your question, press Ask the head (or type 'ask head') and I'll send it to the head teacher; their reply comes back here." },
  ];
  if (manager) {
    blocks.push({ kind: 'heading', text: 'For heads, DSLs and the chair of governors' });
    blocks.push({ kind: 'text', text: managerCommands.map(([command, what]) => `• ${command}: ${what}`).join('\n') });
  }
  const review = school && reviewSentence(school, now);
  if (review) blocks.push({ kind: 'text', text: `${review} It was read from ${school.source.split(/[\\/]/).pop()}${school.version ? ` (version ${school.version})` : ''}.` });
  return { text: blocksText(blocks), blocks };
}

/** The home view: how to ask and the person's own reports; for heads/DSLs, open and overdue escalations. */
export async function homeReply(ctx: BotContext, actor: Actor): Promise<Reply> {
  const people = ctx.directory.people(actor.school);
  const manager = isManager(people, actor);
  const mine = await ctx.store.listEscalations({ school: actor.school, reporter: { platform: actor.platform, userId: actor.userId }, limit: 10 });
  const blocks: Block[] = [...helpReply(manager).blocks, { kind: 'actions', actions: [{ label: 'Report a post', action: { type: 'report.start' }, style: 'primary' }] }];
  blocks.push({ kind: 'divider' }, ...myReportsReply(mine).blocks);
  // A head sees what staff asked (counts only), the same numbers as `npm run gaps -- --json`.
  const gaps = await gapsForHome(ctx, actor);
  if (gaps.length) blocks.push({ kind: 'divider' }, ...gaps);
  if (manager) {
    const open = await visibleEscalations(ctx, actor, 'open');
    const overdue = open.filter((e) => e.overdue);
    blocks.push({ kind: 'divider' }, ...listReply('Overdue escalations', overdue, 'None overdue.').blocks);
    blocks.push({ kind: 'divider' }, ...listReply('Open escalations', open, 'No open escalations.').blocks);
  }
  return { text: blocksText(blocks), blocks };
}
