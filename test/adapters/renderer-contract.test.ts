// One contract for every renderer of the core's Reply (Slack Block Kit, Teams Adaptive Cards, the
// terminal): each block kind renders, fallback text is never empty, user text cannot inject
// markup, and every action a button carries comes back exactly as it went out.

import assert from 'node:assert/strict';
import type { Action, Block, BlockKind, Citation, Reply } from '../../bot/reply.js';
import { renderBlock as slackBlock, renderMessage } from '../../adapters/slack/block-kit.js';
import { decodeAction } from '../../adapters/slack/action-value.js';
import { renderBlock as teamsBlock, renderCard } from '../../adapters/teams/adaptive-cards.js';
import { decodeSubmission } from '../../adapters/teams/card-actions.js';
import { toActivity } from '../../adapters/teams/activities.js';
import { renderText } from '../../adapters/console/render-text.js';

const citation: Citation = { clauseId: 'cadmus-7.9', school: 'cadmus', schoolName: 'Cadmus Family of Schools', ref: '7.9', heading: 'Inappropriate use' };
const hostile = 'Mr <@U123> said <!channel> *lies* [click](javascript:alert(1)) <https://evil.example|here> & more';

/** One of every block kind: adding a kind to the Reply model fails to compile here until it is covered. */
const oneOfEach: { [K in BlockKind]: Extract<Block, { kind: K }> } = {
  verdict: { kind: 'verdict', verdict: 'no', headline: 'No — Cadmus Family of Schools’ policy does not allow this.' },
  quote: { kind: 'quote', text: `Interacting with parents/carers of pupils via social media. ${hostile}`, citation },
  text: { kind: 'text', text: hostile, tone: 'urgent' },
  heading: { kind: 'heading', text: 'What the policy says' },
  fields: { kind: 'fields', fields: [{ label: 'What it says', value: hostile }] },
  related: { kind: 'related', title: 'Related clauses', items: [{ citation, summary: hostile }] },
  actions: { kind: 'actions', actions: [{ label: 'Acknowledge', action: { type: 'escalation.ack', ref: 'ESC-2026-0042' } }] },
  form: { kind: 'form', form: { id: 'report', title: 'Report a post', submitLabel: 'Send', fields: [] } },
  divider: { kind: 'divider' },
};

const actions: Action[] = [
  { type: 'ask', question: 'can I add a parent on fb? <!channel>' },
  { type: 'ask.choose', clauseId: 'cadmus-7.9', question: 'can I add a parent on fb?' },
  { type: 'feedback', answerId: 'a-1234567890', helpful: false, question: 'can I?', verdict: 'no', clauseIds: ['cadmus-7.9'] },
  { type: 'report.start', description: hostile },
  { type: 'report.cancel' },
  { type: 'escalation.show', ref: 'ESC-2026-0042' },
  { type: 'escalation.ack', ref: 'ESC-2026-0042' },
  { type: 'escalation.note', ref: 'ESC-2026-0042' },
  { type: 'escalation.resolve', ref: 'ESC-2026-0042' },
  { type: 'escalation.recorded', ref: 'ESC-2026-0042' },
  { type: 'workspace.choose', school: 'cadmus' },
  { type: 'workspace.decide', platform: 'slack', tenant: 'T0123', request: 'r-1', approve: true },
];

const reply: Reply = { text: 'fallback', blocks: [...Object.values(oneOfEach), { kind: 'actions', actions: actions.map((action, i) => ({ label: `Button ${i}`, action })) }] };

function collect(value: unknown, pick: (o: Record<string, unknown>) => unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, pick));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = pick(o);
  return [...(own === undefined ? [] : [own]), ...Object.values(o).flatMap((v) => collect(v, pick))];
}

describe('every renderer of a Reply', () => {
  it('Slack: renders every kind, never injects a mention or link, and round-trips every action', () => {
    for (const block of Object.values(oneOfEach)) if (block.kind !== 'divider') assert.ok(slackBlock(block).length > 0, block.kind);
    const message = renderMessage(reply);
    assert.ok(message.text.trim().length > 0);
    const mrkdwn = collect(message.blocks, (o) => (o.type === 'mrkdwn' ? o.text : undefined)).join('\n');
    assert.doesNotMatch(mrkdwn, /<@U123>|<!channel>|<https:\/\/evil/);
    const values = collect(message.blocks, (o) => (o.type === 'button' ? o.value : undefined)) as string[];
    for (const action of actions) assert.ok(values.some((v) => JSON.stringify(decodeAction(v)) === JSON.stringify(action)), action.type);
  });

  it('Teams: renders every kind, never injects a link, and round-trips every action', () => {
    for (const block of Object.values(oneOfEach)) if (block.kind !== 'divider') assert.ok(teamsBlock(block).length > 0, block.kind);
    const activity = toActivity(reply);
    assert.ok(String(activity.summary ?? activity.text ?? '').trim().length > 0);
    const card = renderCard(reply);
    const texts = collect(card, (o) => (o.type === 'TextBlock' ? o.text : undefined)).join('\n');
    assert.doesNotMatch(texts, /\[click\]\(javascript:/);
    const data = collect(card, (o) => (o.type === 'Action.Execute' ? o : undefined)) as { verb?: string; data: unknown }[];
    for (const action of actions) {
      assert.ok(
        data.some((a) => {
          const back = decodeSubmission(a.verb, a.data);
          return back?.kind === 'action' && JSON.stringify(back.action) === JSON.stringify(action);
        }),
        action.type,
      );
    }
  });

  it('terminal: renders every kind as text and numbers every button with its action', () => {
    for (const block of Object.values(oneOfEach)) {
      if (block.kind === 'divider' || block.kind === 'actions') continue;
      assert.ok(renderText({ text: 'x', blocks: [block] }).text.trim().length > 0, block.kind);
    }
    const { text, buttons } = renderText(reply);
    assert.ok(text.includes(hostile), 'typed text is printed as typed');
    assert.deepEqual(buttons.slice(-actions.length).map((b) => b.action), actions);
  });
});
