// The weekly digest to each head teacher, on the school's day and hour (off unless configured):
// the week's questions, not covered, 👎, questions waiting for the head, and the policy's review
// date. Once per school per week across instances (one claimed try an hour, the week closed by its
// trail, so a store failure mid-way is tried again the next hour), queued through the deliveries
// queue; a week with nothing to say sends nothing.

import type { SchoolInfo } from '../../knowledge/types.js';
import type { BotContext } from '../bot-context.js';
import { isoWeek, reviewSentence } from '../policy-review.js';
import type { Block, Reply } from '../reply.js';
import { blocksText } from '../report/report-flow.js';
import { readGaps, type GapsView } from '../gaps/gaps-view.js';
import { isDigestTime } from './digest-schedule.js';

export interface DigestSender {
  /** Queues this week's digests that are due and not yet queued by any instance; resolves how many schools got one. */
  run(): Promise<number>;
}

/** A sender that remembers the claims it already made, so a pass every few seconds costs no store write. */
export function createDigestSender(ctx: BotContext, schools: () => SchoolInfo[]): DigestSender {
  const claimed = new Set<string>();
  return {
    async run() {
      let queued = 0;
      for (const school of schools()) if (await digestFor(ctx, school, claimed)) queued++;
      return queued;
    },
  };
}

async function digestFor(ctx: BotContext, school: SchoolInfo, claimed: Set<string>): Promise<boolean> {
  const now = ctx.clock.now();
  const people = ctx.directory.people(school.id);
  if (!people.digest || !people.heads.length || !isDigestTime(people.digest, now)) return false;
  const key = `digest:${school.id}:${isoWeek(now)}`;
  // One try an hour, by one instance (the store's claim); the week is done once its trail says so.
  const attempt = `${key}:${now.toISOString().slice(0, 13)}`;
  if (claimed.has(key) || claimed.has(attempt)) return false;
  claimed.add(attempt);
  if ((await ctx.store.listAudit(key)).some((a) => a.action === 'digest-sent' || a.action === 'digest-skipped')) {
    claimed.add(key);
    return false;
  }
  if (!(await ctx.store.claimEvent(attempt))) return false;
  const at = now.toISOString();
  const view = await readGaps({ store: ctx.store, clause: (id) => ctx.library.clause(id) }, school.id, 7, now);
  if (!view.questions && !view.notHelpful && !view.openAskTheHead) {
    await ctx.store.appendTrail(key, [{ at, actor: 'system', action: 'digest-skipped', detail: 'nothing to say this week' }], []);
    claimed.add(key);
    ctx.logger.info('weekly digest: nothing to say this week; none sent', { school: school.id });
    return false;
  }
  const reply = digestReply(view, school, now);
  // A failure from here leaves the week open: the next hour's try (any instance) queues it.
  await ctx.store.appendTrail(key, [{ at, actor: 'system', action: 'digest-sent', detail: `to ${people.heads.map((h) => `${h.platform}:${h.userId}`).join(', ')}` }], people.heads.map((to) => ({ to, purpose: 'digest', reply, nextAttemptAt: at })));
  claimed.add(key);
  ctx.logger.info('weekly digest queued', { school: school.id, heads: people.heads.length });
  ctx.worker.kick();
  return true;
}

/** The digest: counts only, as in the gaps view. */
export function digestReply(v: GapsView, school: SchoolInfo, now: Date): Reply {
  const review = reviewSentence(school, now);
  const blocks: Block[] = [
    { kind: 'heading', text: `This week's questions to the assistant: ${school.name}` },
    {
      kind: 'fields',
      fields: [
        { label: 'Questions asked', value: String(v.questions) },
        { label: 'Not covered by the policy', value: String(v.notCovered) },
        { label: 'The closest it comes', value: String(v.closest) },
        { label: '👎 not helpful', value: String(v.notHelpful) },
        { label: 'Waiting for you (Ask the head)', value: String(v.openAskTheHead) },
      ],
    },
  ];
  const short = v.topics.filter((t) => t.notCovered + t.closest > 0).slice(0, 3);
  if (short.length) blocks.push({ kind: 'text', text: `Where the policy fell short: ${short.map((t) => `${t.label} (${t.notCovered + t.closest})`).join('; ')}.` });
  if (review) blocks.push({ kind: 'text', text: review, tone: 'notice' });
  blocks.push({ kind: 'text', text: "Type 'gaps' for the last 30 days by topic, or 'questions' for the questions waiting for you." });
  return { text: blocksText(blocks), blocks, preview: `This week's questions to the assistant (${v.questions})` };
}
