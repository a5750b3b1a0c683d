// The pure Adaptive Card renderers: every block kind renders, text is escaped, actions carry the
// Action (Execute + Submit fallback) and round-trip, forms validate, and cards fit Teams' limit.

import assert from 'node:assert/strict';
import type { Block, Citation, FormSpec, Reply } from '../../../bot/reply.js';
import { escapeCardText, renderBlock, renderCard } from '../../../adapters/teams/adaptive-cards.js';
import { toActivity } from '../../../adapters/teams/activities.js';
import { decodeSubmission } from '../../../adapters/teams/card-actions.js';
import { CARD_BYTE_LIMIT, size } from '../../../adapters/teams/card-size.js';
import { formCard } from '../../../adapters/teams/deliver-response.js';
import { cardText, findAction } from './teams-harness.js';

const citation: Citation = { clauseId: 'cadmus-3.1', school: 'cadmus', schoolName: 'Cadmus School', ref: '3.1', heading: 'Personal use' };

const everyBlock: Block[] = [
  { kind: 'verdict', verdict: 'permission', headline: 'Only with the Head teacher’s permission.' },
  { kind: 'quote', text: 'Staff must not *ever* post [photos](x) of pupils.', citation },
  { kind: 'text', text: 'Speak to the DSL in person now.', tone: 'urgent' },
  { kind: 'heading', text: 'Who to ask' },
  { kind: 'fields', fields: [{ label: 'Ask', value: 'the Head teacher' }] },
  { kind: 'related', title: 'Related clauses', items: [{ citation: { ...citation, ref: '3.2', clauseId: 'cadmus-3.2' }, summary: 'Use at home' }] },
  { kind: 'divider' },
  {
    kind: 'actions',
    actions: [
      { label: 'Did you mean 3.2?', action: { type: 'ask.choose', clauseId: 'cadmus-3.2', question: 'can I?' } },
      { label: '👍', action: { type: 'feedback', answerId: 'a1', helpful: true } },
      { label: 'Report this', action: { type: 'report.start', description: 'a post' } },
      { label: 'Add note', action: { type: 'escalation.note', ref: 'ESC-2026-0001' } },
    ],
  },
];

const reportForm: FormSpec = {
  id: 'report',
  title: 'Report a post',
  submitLabel: 'Send report',
  fields: [
    { name: 'poster', label: 'Who posted it?', kind: 'select', required: true, options: [{ value: 'parent', label: 'A parent or carer' }] },
    { name: 'link', label: 'Link', kind: 'url', required: false },
    { name: 'description', label: 'What happened?', kind: 'textarea', required: true, maxLength: 4000 },
  ],
};

describe('Adaptive Card renderers', () => {
  it('renders every block kind into a schema 1.5 card with something in it', () => {
    for (const block of everyBlock) if (block.kind !== 'divider') assert.ok(renderBlock(block).length > 0, block.kind);
    const card = renderCard({ text: 'fallback', blocks: everyBlock });
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.5');
    const text = cardText(card);
    assert.match(text, /^🔑 Only with the Head teacher’s permission\.\n/, 'the banner is the emoji and the headline, once');
    assert.match(text, /Staff must not \*ever\* post \[photos\]\(x\) of pupils\./);
    assert.match(text, /Cadmus School social media policy, 3\.1 Personal use/);
    assert.match(text, /3\.2 Personal use: Use at home/);
  });

  it('escapes Markdown so free text shows as typed', () => {
    assert.equal(escapeCardText('*bold* _i_ [l](u)'), '\\*bold\\* \\_i\\_ \\[l\\]\\(u\\)');
    assert.equal(escapeCardText('- item\n1. one'), '\\- item\n1\\. one');
  });

  it('carries each Action as data, as Action.Execute with an Action.Submit fallback, and decodes it back', () => {
    const card = renderCard({ text: 't', blocks: everyBlock });
    const data = findAction(card, 'Did you mean 3.2?')!;
    assert.deepEqual(decodeSubmission(data.verb, data), { kind: 'action', action: { type: 'ask.choose', clauseId: 'cadmus-3.2', question: 'can I?' } });
    const execute = JSON.stringify(card).includes('"fallback":{"type":"Action.Submit"');
    assert.ok(execute);
    // The note is typed inline (ShowCard) and travels with the action.
    const note = findAction(card, 'Add note')!;
    assert.deepEqual(decodeSubmission(undefined, { ...note, in_note: 'Called the parent' }), {
      kind: 'action',
      action: { type: 'escalation.note', ref: 'ESC-2026-0001', note: 'Called the parent' },
    });
  });

  it('reads invalid Action.Submit data as nothing: unknown verbs, missing refs, wrong kinds, unknown forms', () => {
    for (const data of [
      null,
      'assistant.action',
      ['assistant.action'],
      { verb: 'assistant.action' },
      { verb: 'assistant.action', action: { type: 'escalation.ack' } },
      { verb: 'assistant.action', action: { type: 'escalation.resolve', ref: 12, outcome: 'x' } },
      { verb: 'assistant.action', action: { type: 'feedback', answerId: 'a', helpful: 'no' } },
      { verb: 'assistant.form', formId: 'toString' },
      { verb: 'assistant.form', formId: 'report', context: { ref: 5 } },
      { verb: 'something.else', action: { type: 'report.cancel' } },
    ]) {
      const submission = decodeSubmission(undefined, data);
      // A form with a non-string context keeps the form but drops the context; everything else is refused.
      if (submission?.kind === 'form') assert.equal(submission.context, undefined, JSON.stringify(data));
      else assert.equal(submission, undefined, JSON.stringify(data));
    }
  });

  it('draws a form with required inputs and error messages, and reads the values back', () => {
    const card = formCard({ ...reportForm, values: { poster: 'parent' }, errors: { description: 'Please say what happened.' } });
    const json = JSON.stringify(card);
    assert.match(json, /"type":"Input.ChoiceSet","id":"in_poster","label":"Who posted it\?","isRequired":true,"errorMessage"/);
    assert.match(json, /"value":"parent"/);
    assert.match(cardText(card), /Please say what happened\./);
    const submit = findAction(card, 'Send report')!;
    assert.deepEqual(decodeSubmission('assistant.form', { ...submit, in_poster: 'parent', in_description: 'Called her a liar', in_link: '' }), {
      kind: 'form',
      formId: 'report',
      values: { poster: 'parent', description: 'Called her a liar' },
    });
  });

  it('keeps a card with a 20,000-character text under the size limit', () => {
    const long = 'x'.repeat(20_000);
    const reply: Reply = { text: long, blocks: [{ kind: 'quote', text: long, citation }, { kind: 'text', text: long }, { kind: 'text', text: long }] };
    const card = renderCard(reply);
    assert.ok(size(card) <= CARD_BYTE_LIMIT, `card is ${size(card)} bytes`);
    assert.match(cardText(card), /shortened to fit/);
  });

  it('uses the preview, never the details, as the notification text', () => {
    const activity = toActivity({ text: 'Pupil J. in Year 6 shared…', preview: 'Urgent report ESC-2026-0002: open to view', blocks: everyBlock });
    assert.equal(activity.summary, 'Urgent report ESC-2026-0002: open to view');
    assert.equal(activity.attachments![0].content.fallbackText, 'Urgent report ESC-2026-0002: open to view');
    assert.equal(activity.text, undefined);
  });

  it('keeps the words of a text-only reply with its own preview out of the notification (a card, summary = preview)', () => {
    const update = { text: 'Your report ESC-2026-0003 has been resolved by Helen. Outcome: spoke to Jane Smith and her mother.', preview: 'Update on your report ESC-2026-0003' };
    const activity = toActivity({ ...update, blocks: [{ kind: 'text', text: update.text }] });
    assert.equal(activity.text, undefined, 'Teams notifies with a text message\'s text, whatever its summary');
    assert.equal(activity.summary, update.preview);
    assert.doesNotMatch(JSON.stringify({ summary: activity.summary, fallback: activity.attachments![0].content.fallbackText }), /Jane|mother/);
    assert.match(cardText(activity.attachments![0].content), /Jane Smith/, 'the words are in the message, once opened');
  });

  it('sends a plain text reply as plain text, never empty', () => {
    assert.deepEqual(toActivity({ text: 'Cancelled.', blocks: [{ kind: 'text', text: 'Cancelled.' }] }), { type: 'message', text: 'Cancelled.', textFormat: 'plain' });
  });
});
