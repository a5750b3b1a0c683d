// The Teams adapter end to end with the real core (createBot, the real policy library, the lowdb
// store in a temp dir): activities POSTed as the Bot Connector posts them, and what the fake
// connector received asserted: answers, the report card, DMs to heads, head actions, failures.

import assert from 'node:assert/strict';
import type { Bot } from '../../../bot/bot.js';
import { createBot } from '../../../bot/create-bot.js';
import type { Store } from '../../../bot/ports/store.js';
import type { createDirectory } from '../../../adapters/directory.js';
import type { PolicyLibrary } from '../../../knowledge/library.js';
import type { FakeClock } from '../../fakes/fake-clock.js';
import type { ConnectorCall } from './fake-bot-connector.js';
import {
  TENANT,
  cardOf,
  cardText,
  channelMention,
  executeInvoke,
  findAction,
  installUpdate,
  personalMessage,
  startHarness,
  submitMessage,
  teamsUser,
  type Harness,
} from './teams-harness.js';
import { startTeamsCore, type TeamsCore } from './teams-real-core.js';

const alice = teamsUser('Alice Assistant');
const head = teamsUser('Helen Head');
const dsl = teamsUser('Dev Safeguarding');
const OTHER_TENANT = 'a1b2c3d4-0000-4000-8000-000000000002';
const otherHead = teamsUser('Olu Other-Head');

const goodReport = {
  in_category: 'abusive',
  in_poster: 'parent',
  in_about: 'colleague',
  in_platform: 'Facebook',
  in_link: 'https://facebook.com/groups/parents/posts/1',
  in_seenAt: 'today 8am',
  in_evidenceKept: 'yes',
  in_replied: 'no',
  in_description: 'A parent called the Year 3 teacher a liar in the class group.',
};

describe('Teams with the real core', function () {
  let library: PolicyLibrary;
  let h: Harness & { mount(bot: Bot): void };
  let store: Store;
  let bot: Bot;
  let clock: FakeClock;
  let directory: ReturnType<typeof createDirectory>;
  const where = () => ({ serviceUrl: h.connector.url });

  let core: TeamsCore;
  beforeEach(async () => {
    core = await startTeamsCore({
      env: { TEAMS_HEAD_USERS: head.aadObjectId, TEAMS_DSL_USERS: dsl.aadObjectId },
      botConfig: { teams: { [OTHER_TENANT]: { school: 'templemoor', heads: [otherHead.aadObjectId] } } },
    });
    ({ h, store, bot, clock, directory, library } = core);
  });

  afterEach(() => core.close());

  /** Posts "report" in Alice's chat and resolves the form card's submit data and its activity id. */
  async function openReportForm(): Promise<{ submit: Record<string, any>; cardId: string }> {
    await h.post(personalMessage(alice, 'report', where()));
    const formCall = h.connector.calls.find((c) => c.body.attachments && JSON.stringify(c.body).includes('in_description'));
    assert.ok(formCall, 'the report form was sent as a card');
    return { submit: findAction(cardOf(formCall.body), 'Send to the head')!, cardId: formCall.id! };
  }

  /** Submits the report card (Action.Execute) and resolves the escalation ref from the confirmation. */
  async function submitReport(values = goodReport, beforeSubmit: () => void = () => {}): Promise<{ ref: string; body: any }> {
    const { submit, cardId } = await openReportForm();
    beforeSubmit();
    const { body } = await h.post(executeInvoke(alice, { ...submit, ...values }, cardId, where()));
    const ref = /ESC-\d{4}-\d{4}/.exec(cardText(body.value))?.[0];
    assert.ok(ref, `a reference in ${cardText(body.value)}`);
    return { ref, body };
  }

  /** Messages the bot posted into a conversation (proactive ones go as replies to the continuation). */
  const postedTo = (conversationId: string) => h.connector.calls.filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.conversationId === conversationId);
  const alertFor = (calls: ConnectorCall[], ref: string) => calls.find((c) => (c.kind === 'send' || c.kind === 'reply') && JSON.stringify(c.body).includes(ref) && findAction(c.body, 'Acknowledge'));

  it('answers a 1:1 question as a card quoting the clause with its citation', async () => {
    await h.post(personalMessage(alice, 'Can I go on Facebook on the school computer?', where()));
    const text = cardText(cardOf(h.connector.sent('reply')[0].body));
    assert.match(text, /Staff are not allowed to access social media websites from the school computers/);
    assert.match(text, /Cadmus.*3\.1/);
  });

  it('welcomes on install naming the school the tenant is served as, with its suggested questions to press', async () => {
    await h.post(installUpdate(alice, where()));
    const welcome = cardOf(h.connector.sent()[0].body);
    assert.match(cardText(welcome), /Cadmus Family of Schools/);
    const first = findAction(welcome, 'Can I accept parents as friends?');
    assert.ok(first, 'the first suggested question is a button');
    assert.ok(findAction(welcome, 'Report a post'));
    const { body } = await h.post(executeInvoke(alice, first, h.connector.sent()[0].id!, where()));
    assert.equal(body.statusCode, 200);
    assert.equal(h.connector.sent().length, 2, 'the pressed question is answered in the chat');
    const answer = cardText(cardOf(h.connector.sent()[1].body));
    assert.match(answer, /Cadmus Family of Schools/);
    assert.match(answer, /7\.9/);

    const other = { serviceUrl: h.connector.url, tenant: OTHER_TENANT };
    await h.post(installUpdate(teamsUser('Tina Templemoor'), other));
    assert.match(cardText(cardOf(h.connector.sent().at(-1)!.body)), /Templemoor Infant and Nursery School/);
  });

  it('reads a follow-up in the 1:1 chat with the question before it, and says so', async () => {
    await h.post(personalMessage(alice, 'can I follow a pupil on Instagram?', where()));
    await h.post(personalMessage(alice, 'what about ex-pupils?', where()));
    const text = cardText(cardOf(h.connector.sent('reply')[1].body));
    assert.match(text, /Reading this as: can I follow ex-pupils on Instagram\?/);
    assert.match(text, /Cadmus.*7\.10/);
  });

  it('answers from the school the tenant is mapped to, and sends its reports to that school’s head', async () => {
    const other = { serviceUrl: h.connector.url, tenant: OTHER_TENANT };
    const staff = teamsUser('Tina Templemoor');
    await h.post(personalMessage(staff, 'Can I go on Facebook on the school computer?', other));
    assert.match(cardText(cardOf(h.connector.sent('reply')[0].body)), /Templemoor/);
    await h.post(personalMessage(staff, 'report', other));
    const form = h.connector.calls.find((c) => JSON.stringify(c.body).includes('in_description'))!;
    const { body } = await h.post(executeInvoke(staff, { ...findAction(cardOf(form.body), 'Send to the head'), ...goodReport }, form.id!, other));
    const ref = /ESC-\d{4}-\d{4}/.exec(cardText(body.value))![0];
    assert.equal((await store.getEscalation(ref))?.school, 'templemoor');
    await h.connector.waitFor((calls) => calls.some((c) => c.kind === 'create' && c.body.members[0].id === otherHead.aadObjectId));
    assert.equal(h.connector.sent('create').find((c) => c.body.members[0].id === otherHead.aadObjectId)?.body.tenantId, OTHER_TENANT);
  });

  it('answers a channel mention in the thread', async () => {
    const mention = channelMention(alice, 'can I use Facebook on the school computers?', where());
    await h.post(mention);
    const [reply] = h.connector.sent('reply');
    assert.equal(reply.conversationId, mention.conversation.id);
    assert.match(reply.conversationId!, /;messageid=/);
    assert.equal(reply.body.replyToId, mention.id);
    assert.match(cardText(cardOf(reply.body)), /school computers/);
  });

  it('takes a report raised in a channel to the 1:1 chat', async () => {
    const mention = channelMention(alice, 'report', where());
    await h.post(mention);
    const thread = h.connector.sent('reply', mention.conversation.id);
    assert.equal(thread.length, 1);
    assert.doesNotMatch(JSON.stringify(thread[0].body), /in_description/, 'no form in the channel');
    const [created] = h.connector.sent('create');
    assert.deepEqual(created.body.members, [{ id: alice.aadObjectId, name: alice.name }]);
    assert.match(JSON.stringify(postedTo(created.id!)[0].body), /in_description/);
  });

  it('takes the whole report through the card, with a validation error, and DMs the head seen before', async () => {
    await h.post(personalMessage(head, 'hello', where()));
    const { submit, cardId } = await openReportForm();
    const missing = await h.post(executeInvoke(alice, { ...submit, ...goodReport, in_description: '' }, cardId, where()));
    assert.equal(missing.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(missing.body.value), /Please check one answer below/);
    assert.match(JSON.stringify(missing.body.value), /"value":"Facebook"/, 'what was typed is kept');
    assert.equal((await store.listEscalations({})).length, 0);

    const done = await h.post(executeInvoke(alice, { ...submit, ...goodReport }, cardId, where()));
    const ref = /ESC-\d{4}-\d{4}/.exec(cardText(done.body.value))?.[0]!;
    assert.ok(ref);
    assert.ok(h.connector.sent('update').some((u) => u.activityId === cardId && cardText(cardOf(u.body)).includes(ref)), 'the form card became the confirmation');

    await h.connector.waitFor((calls) => alertFor(calls, ref) !== undefined);
    const alert = alertFor(h.connector.calls, ref)!;
    assert.equal(alert.conversationId, `a:personal-${head.aadObjectId}`, 'sent in the head’s stored chat');
    assert.equal(h.connector.sent('create').length, 0);
    assert.match(alert.body.summary, new RegExp(ref));
  });

  it('redraws the form with its errors on another instance sharing the store (no form kept in process memory)', async () => {
    const { submit, cardId } = await openReportForm();
    const second = await startHarness({ store, directory });
    try {
      second.mount(createBot({ library, store, notifiers: [second.teams.notifier], directory, clock, logger: second.logger }));
      const missing = await second.post(executeInvoke(alice, { ...submit, ...goodReport, in_description: '' }, cardId, where()));
      assert.equal(missing.body.type, 'application/vnd.microsoft.card.adaptive');
      const card = missing.body.value;
      assert.match(cardText(card), /Please check one answer below/);
      assert.match(JSON.stringify(card), /"id":"in_description"/, 'the whole form is drawn again, not a list of errors');
      assert.match(JSON.stringify(card), /"value":"Facebook"/, 'what was typed is kept');
      assert.ok(findAction(card, 'Send to the head'), 'and it can be sent again');
    } finally {
      await second.close();
    }
  });

  it('reaches a DSL never seen by creating the 1:1 chat in the tenant, with no details in the notification', async () => {
    const { ref } = await submitReport({ ...goodReport, in_category: 'child-at-risk', in_about: 'pupil', in_description: 'A pupil in Year 6 says she is being asked to meet an adult.' });
    await h.connector.waitFor((calls) => calls.filter((c) => c.kind === 'create').length >= 2 && calls.filter((c) => alertFor([c], ref)).length >= 2);
    const creations = h.connector.sent('create');
    const members = creations.map((c) => c.body.members[0].id).sort();
    assert.deepEqual(members, [dsl.aadObjectId, head.aadObjectId].sort());
    for (const c of creations) {
      assert.equal(c.body.isGroup, false);
      assert.equal(c.body.tenantId, TENANT);
      assert.deepEqual(c.body.channelData, { tenant: { id: TENANT } });
      const alert = alertFor(postedTo(c.id!), ref)!;
      assert.ok(alert, 'the alert went to the created chat');
      assert.doesNotMatch(alert.body.summary, /Year 6|meet an adult/);
      assert.doesNotMatch(alert.body.attachments[0].content.fallbackText, /Year 6|meet an adult/);
    }
  });

  it('lets the head acknowledge, add a note and resolve, updating the card and telling the reporter', async () => {
    await h.post(personalMessage(head, 'hello', where()));
    const { ref } = await submitReport();
    await h.connector.waitFor((calls) => alertFor(calls, ref) !== undefined);
    const alert = alertFor(h.connector.calls, ref)!;
    const press = async (title: string, extra: Record<string, string> = {}) => {
      const data = findAction(cardOf(alert.body), title)!;
      const { body } = await h.post(executeInvoke(head, { ...data, ...extra }, alert.id!, where()));
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', `${title} answers with the refreshed card`);
      assert.ok(h.connector.sent('update').some((u) => u.activityId === alert.id), `${title} updated the card in place`);
      return cardText(body.value);
    };
    const toAlice = () => postedTo(`a:personal-${alice.aadObjectId}`).map((c) => JSON.stringify(c.body)).join('\n');

    assert.match(await press('Acknowledge'), /acknowledged/i);
    await h.connector.waitFor(() => /acknowledged/i.test(toAlice()));
    assert.match(await press('Add note', { in_note: 'Spoke to the parent by phone.' }), /Spoke to the parent by phone/);
    assert.match(await press('Resolve', { in_outcome: 'Post removed by the parent after a meeting.' }), /resolved/i);
    await h.connector.waitFor(() => /Post removed by the parent after a meeting/.test(toAlice()));
    const e = await store.getEscalation(ref);
    assert.equal(e?.status, 'resolved');
    assert.equal(e?.notes[0].text, 'Spoke to the parent by phone.');
  });

  it('refuses a card action from anyone else, and changes nothing', async () => {
    const { ref } = await submitReport();
    const { body } = await h.post(executeInvoke(alice, { verb: 'assistant.action', action: { type: 'escalation.ack', ref } }, '1:some-card', where()));
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.match(body.value, /head|safeguarding|only/i);
    assert.equal((await store.getEscalation(ref))?.status, 'open');
    assert.equal(h.connector.sent('update').filter((u) => u.activityId === '1:some-card').length, 0);
  });

  it('handles the Action.Submit fallback (a message with a value) like Action.Execute', async () => {
    const { submit, cardId } = await openReportForm();
    await h.post(submitMessage(alice, { ...submit, ...goodReport }, cardId, where()));
    const update = h.connector.sent('update').find((u) => u.activityId === cardId);
    assert.match(cardText(cardOf(update!.body)), /ESC-\d{4}-\d{4}/);
    assert.equal((await store.listEscalations({})).length, 1);
  });

  it('handles a retried activity once: one escalation for a submission Teams sent twice', async () => {
    const { submit, cardId } = await openReportForm();
    const invoke = executeInvoke(alice, { ...submit, ...goodReport }, cardId, where());
    await h.post(invoke);
    const again = await h.post(invoke);
    assert.equal(again.status, 200);
    assert.equal((await store.listEscalations({})).length, 1);
  });

  it('retries a DM the connector answers with 429 and 500, and delivers it', async () => {
    await h.post(personalMessage(head, 'hello', where()));
    const { ref } = await submitReport(goodReport, () => h.connector.failNext({ status: 429, kind: 'reply' }, { status: 500, kind: 'reply' }));
    await h.connector.waitFor((calls) => alertFor(calls, ref) !== undefined, 10_000);
    assert.deepEqual(h.connector.failures.map((f) => f.status), [429, 500]);
    // The connector has the DM; let the delivery pass that sent it finish recording it.
    await bot.runDueWork();
    const [delivery] = (await store.listDeliveries(ref)).filter((d) => d.purpose === 'alert');
    assert.equal(delivery.state, 'sent');
  });

  it('records an unreachable head (403 BotNotInConversationRoster), keeps the escalation and delivers on a later pass', async () => {
    await h.post(personalMessage(head, 'hello', where()));
    const { ref } = await submitReport(goodReport, () => h.connector.failNext({ status: 403, code: 'BotNotInConversationRoster', kind: 'reply' }));
    await bot.runDueWork();
    const [failed] = (await store.listDeliveries(ref)).filter((d) => d.purpose === 'alert');
    assert.equal(failed.state, 'retrying');
    assert.match(failed.lastError ?? '', /BotNotInConversationRoster/);
    assert.ok((await store.listAudit(ref)).some((a) => a.action === 'delivery-failed'));
    assert.equal((await store.getEscalation(ref))?.status, 'open');

    clock.advance(10 * 60_000);
    await bot.runDueWork();
    assert.ok(alertFor(h.connector.calls, ref), 'delivered once the head can be reached');
    assert.equal((await store.listDeliveries(ref)).find((d) => d.id === failed.id)?.state, 'sent');
  });

  it('keeps the escalation when the connector keeps failing with 500, and delivers when it recovers', async () => {
    await h.post(personalMessage(head, 'hello', where()));
    const { ref } = await submitReport(goodReport, () => h.connector.failNext(...Array.from({ length: 40 }, () => ({ status: 500, kind: 'reply' as const }))));
    await bot.runDueWork();
    const [failed] = (await store.listDeliveries(ref)).filter((d) => d.purpose === 'alert');
    assert.equal(failed.state, 'retrying');
    h.connector.clear();
    clock.advance(10 * 60_000);
    await bot.runDueWork();
    assert.ok(alertFor(h.connector.calls, ref));
  });
});
