// Block Kit rendering: every block kind renders, user text is escaped, limits hold however long the
// text, and actions round-trip through button values.

import assert from 'node:assert/strict';
import type { Action, Block, Citation, Reply } from '../../../bot/reply.js';
import { LIMITS, notificationText, renderBlock, renderMessage } from '../../../adapters/slack/block-kit.js';
import { decodeAction, encodeAction } from '../../../adapters/slack/action-value.js';
import { escapeMrkdwn, slackToPlain, truncateMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { modalErrors, readModalValues, renderModal } from '../../../adapters/slack/modal.js';

const citation: Citation = { clauseId: 'cadmus-3.1', school: 'cadmus', schoolName: 'Cadmus Academy', ref: '3.1', heading: 'Personal use at work' };

const everyKind: Block[] = [
  { kind: 'verdict', verdict: 'no', headline: 'Not on school computers.' },
  { kind: 'quote', text: 'Staff are not allowed to access social media websites from the school computers.', citation },
  { kind: 'text', text: 'Ask the head teacher if unsure.', tone: 'notice' },
  { kind: 'heading', text: 'Related' },
  { kind: 'fields', fields: [{ label: 'Reference', value: 'ESC-2026-0001' }] },
  { kind: 'related', title: 'See also', items: [{ citation, summary: 'Personal use' }] },
  { kind: 'actions', actions: [{ label: '👍', action: { type: 'feedback', answerId: 'a1', helpful: true } }] },
  { kind: 'form', form: { id: 'report', title: 'Report a post', submitLabel: 'Start', fields: [] } },
  { kind: 'divider' },
];

/** Every mrkdwn text in a rendered payload. */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
    return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
  }
  return [];
}

describe('Slack Block Kit rendering', () => {
  it('renders every block kind to at least one block', () => {
    for (const block of everyKind) assert.ok(renderBlock(block).length >= 1, block.kind);
  });

  it('quotes the clause and cites school, section and heading', () => {
    const [quote, cite] = renderBlock(everyKind[1]) as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    assert.match(quote.text!.text, /^>Staff are not allowed/);
    assert.match(cite.elements![0].text, /Cadmus Academy\* · 3\.1 Personal use at work/);
  });

  it('never leaves the fallback text empty, and uses the preview for notifications', () => {
    assert.ok(notificationText({ text: '', blocks: [] }).length > 0);
    const alert: Reply = { text: 'Child at risk: details …', preview: 'New urgent report ESC-2026-0002', blocks: [] };
    assert.equal(renderMessage(alert).text, 'New urgent report ESC-2026-0002');
  });

  it('escapes <!channel>, <!here>, <@U123> and <http://evil|x> in user text', () => {
    const description = 'Hey <!channel> <!here> <@U123> see <http://evil.example|x> & @everyone';
    const { blocks, text } = renderMessage({ text: description, blocks: [{ kind: 'fields', fields: [{ label: 'Description', value: description }] }, { kind: 'text', text: description }] });
    for (const t of [...mrkdwnTexts(blocks), text]) {
      assert.doesNotMatch(t, /<!channel>|<!here>|<@U123>|<http/);
      assert.ok(!/@everyone/.test(t));
    }
    assert.match(mrkdwnTexts(blocks).join('\n'), /&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;/);
    assert.match(mrkdwnTexts(blocks).join('\n'), /&amp;/);
  });

  it('shows *bold*, _italic_, ~strike~ and `code` in user text as typed, never formatted, and leaves links whole', () => {
    const description = 'He wrote *liar* and _fraud_ ~gone~ `rm -rf` at https://example.org/a_b*c';
    const { blocks } = renderMessage({ text: description, blocks: [{ kind: 'fields', fields: [{ label: 'Description', value: description }] }, { kind: 'text', text: description }] });
    const texts = mrkdwnTexts(blocks).map((t) => t.replace(/^\*Description\*\n/, ''));
    assert.ok(texts.length >= 2);
    for (const t of texts) {
      assert.doesNotMatch(t.replace('https://example.org/a_b*c', ''), /[*_~`]/, t);
      assert.match(t, /https:\/\/example\.org\/a_b\*c/);
      assert.match(t, /∗liar∗ and ˍfraudˍ ∼gone∼ ˋrm -rfˋ/);
    }
  });

  it('keeps a 20,000-character clause and description within Block Kit limits', () => {
    const long = 'The school expects staff & pupils <to> behave. '.repeat(450);
    const blocks: Block[] = [
      { kind: 'verdict', verdict: 'caution', headline: long },
      { kind: 'quote', text: long, citation: { ...citation, heading: long } },
      { kind: 'fields', fields: Array.from({ length: 25 }, (_, i) => ({ label: `F${i}`, value: long })) },
      ...Array.from({ length: 60 }, (): Block => ({ kind: 'text', text: long })),
      { kind: 'actions', actions: Array.from({ length: 30 }, (_, i) => ({ label: long, action: { type: 'ask.choose', clauseId: `c${i}`, question: long } as Action })) },
    ];
    const message = renderMessage({ text: long, blocks });
    assert.ok(message.blocks.length <= LIMITS.messageBlocks, `${message.blocks.length} blocks`);
    assert.equal(message.blocks.at(-1)!.type, 'actions', 'the buttons survive the cut');
    assert.ok(message.text.length <= LIMITS.fallbackText);
    for (const b of message.blocks as Record<string, any>[]) {
      if (b.type === 'section' && b.text) assert.ok(b.text.text.length <= 3000);
      if (b.type === 'section' && b.fields) {
        assert.ok(b.fields.length <= 10);
        for (const f of b.fields) assert.ok(f.text.length <= 2000);
      }
      if (b.type === 'context') for (const e of b.elements) assert.ok(e.text.length <= 3000);
      if (b.type === 'actions') {
        assert.ok(b.elements.length <= 25);
        for (const e of b.elements) {
          assert.ok(e.text.text.length <= 75);
          assert.ok(e.value.length <= 2000);
          assert.ok(decodeAction(e.value), 'value still decodes');
        }
      }
    }
    assert.match(JSON.stringify(message.blocks), /…/);
  });

  it('never cuts an escaped entity in half', () => {
    const cut = truncateMrkdwn(escapeMrkdwn('a'.repeat(8) + '<<<<'), 12);
    assert.doesNotMatch(cut, /&[a-z]*…/);
  });
});

describe('Slack button values', () => {
  it('carries the action as JSON, never the label, and reads it back', () => {
    const action: Action = { type: 'ask.choose', clauseId: 'cadmus-3.1', question: 'Can I post photos?' };
    const [block] = renderBlock({ kind: 'actions', actions: [{ label: 'Did you mean: photos of pupils?', action }] }) as Record<string, any>[];
    assert.deepEqual(decodeAction(block.elements[0].value), action);
    assert.doesNotMatch(block.elements[0].value, /Did you mean/);
  });

  it('shortens a long free text so the value fits in 2,000 characters', () => {
    const value = encodeAction({ type: 'report.start', description: '"quoted" \\ and more '.repeat(500) });
    assert.ok(value.length <= 2000);
    assert.equal(decodeAction(value)?.type, 'report.start');
  });

  it('rejects values that are not actions', () => {
    assert.equal(decodeAction('Acknowledge'), undefined);
    assert.equal(decodeAction('{"type":"drop.tables"}'), undefined);
    assert.equal(decodeAction('{"type":"escalation.ack"'), undefined, 'invalid JSON');
    assert.equal(decodeAction('["escalation.ack"]'), undefined);
  });

  it('rejects a known action type whose fields are missing or of the wrong kind', () => {
    for (const bad of [
      { type: 'escalation.ack' },
      { type: 'escalation.ack', ref: 42 },
      { type: 'escalation.show', ref: { $ne: null } },
      { type: 'escalation.resolve', ref: 'ESC-2026-0001', outcome: ['x'] },
      { type: 'escalation.note', ref: 'not a ref' },
      { type: 'feedback', answerId: 'a1', helpful: 'yes' },
      { type: 'feedback', answerId: 'a1', helpful: true, clauseIds: 'cadmus-3.1' },
      { type: 'ask.choose', clauseId: 'cadmus-3.1' },
      { type: 'report.start', description: 7 },
    ]) {
      assert.equal(decodeAction(JSON.stringify(bad)), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(decodeAction('{"type":"escalation.ack","ref":"ESC-2026-0001"}'), { type: 'escalation.ack', ref: 'ESC-2026-0001' });
    assert.deepEqual(decodeAction('{"type":"report.cancel"}'), { type: 'report.cancel' });
  });
});

describe('Slack modal', () => {
  const form = {
    id: 'report' as const,
    title: 'Report a post',
    submitLabel: 'Send to the head',
    fields: [
      { name: 'category', label: 'What kind', kind: 'select' as const, required: true, options: [{ value: 'abusive', label: 'Abusive or offensive' }] },
      { name: 'link', label: 'Link', kind: 'url' as const, required: false },
      { name: 'seenAt', label: 'When', kind: 'datetime' as const, required: true },
      { name: 'description', label: 'What it says', kind: 'textarea' as const, required: true, maxLength: 5000 },
    ],
    values: { description: 'x'.repeat(4000) },
    intro: Array.from({ length: 150 }, (): Block => ({ kind: 'text', text: 'Keep the evidence.' })),
  };

  it('renders one input per field, prefilled within max_length, and ≤100 blocks', () => {
    const view = renderModal(form) as Record<string, any>;
    assert.ok(view.blocks.length <= 100);
    const inputs = view.blocks.filter((b: any) => b.type === 'input');
    assert.deepEqual(inputs.map((b: any) => b.block_id), ['f:category', 'f:link', 'f:seenAt', 'f:description']);
    const description = inputs[3].element;
    assert.equal(description.max_length, 3000);
    assert.ok(description.initial_value.length <= 3000);
    assert.ok(view.title.text.length <= 24);
  });

  it('reads submitted values back by field name', () => {
    const values = readModalValues({
      'f:category': { v: { type: 'static_select', selected_option: { value: 'abusive' } } },
      'f:link': { v: { type: 'url_text_input', value: null } },
      'f:seenAt': { v: { type: 'datetimepicker', selected_date_time: 1767225600 } },
      'f:description': { v: { type: 'plain_text_input', value: 'It says <@U1>' } },
    });
    assert.deepEqual(values, { category: 'abusive', seenAt: '2026-01-01T00:00:00.000Z', description: 'It says <@U1>' });
  });

  it('puts each error on its field, and a stray one on the first field', () => {
    assert.deepEqual(modalErrors(form, { link: 'Not a link', nonsense: 'Try again' }), { 'f:link': 'Not a link', 'f:category': 'Try again' });
  });
});

describe('Slack text in', () => {
  it('turns Slack markup back into what was typed', () => {
    assert.equal(slackToPlain('Tom &amp; Jerry &lt;3 <https://x.example|link> <@U1> <!here>'), 'Tom & Jerry <3 link (https://x.example) @U1 @here');
  });
});
