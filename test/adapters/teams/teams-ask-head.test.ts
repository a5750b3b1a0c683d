// "Ask the head" over Teams end to end (real CloudAdapter over HTTP, the fake Bot Connector, the
// real core and lowdb store): a not-covered question reaches the head with Reply, the head's reply
// reaches the member of staff, a later close question shows it labelled as not policy, and a
// Reply from someone who is not a head is refused.

import assert from 'node:assert/strict';
import type { ConnectorCall } from './fake-bot-connector.js';
import { cardOf, cardText, executeInvoke, findAction, personalMessage, teamsUser } from './teams-harness.js';
import { startTeamsCore, type TeamsCore } from './teams-real-core.js';

const alice = teamsUser('Alice Assistant');
const head = teamsUser('Helen Head');
const dsl = teamsUser('Dev Safeguarding');

describe('Teams: Ask the head with the real core', () => {
  let core: TeamsCore;
  const where = () => ({ serviceUrl: core.h.connector.url });
  const messages = () => core.h.connector.calls.filter((c) => c.kind === 'send' || c.kind === 'reply');
  const inChat = (user: typeof alice) => messages().filter((c) => c.conversationId === `a:personal-${user.aadObjectId}`);
  const withText = (calls: ConnectorCall[], pattern: RegExp) => [...calls].reverse().find((c) => c.body.attachments && pattern.test(cardText(cardOf(c.body))));

  beforeEach(async () => {
    core = await startTeamsCore({ env: { TEAMS_HEAD_USERS: head.aadObjectId, TEAMS_DSL_USERS: dsl.aadObjectId } });
    // Heads and staff have opened the app once (their 1:1 chats are stored).
    for (const user of [head, dsl, alice]) await core.h.post(personalMessage(user, 'hello', where()));
  });
  afterEach(() => core.close());

  /** Alice asks a question the policy does not cover and presses Ask the head; resolves the head's DM. */
  async function askTheHead(): Promise<{ ref: string; dm: ConnectorCall }> {
    await core.h.post(personalMessage(alice, 'Can I wear jeans on Fridays?', where()));
    const answer = withText(inChat(alice), /does not cover this/)!;
    const ask = findAction(cardOf(answer.body), 'Ask the head');
    assert.ok(ask, 'the not-covered answer has Ask the head');
    const pressed = await core.h.post(executeInvoke(alice, ask, answer.id!, where()));
    assert.equal(pressed.status, 200);
    await core.h.connector.waitFor(() => withText(inChat(head), /Q-\d{4}-\d{4}/) !== undefined);
    const dm = withText(inChat(head), /Q-\d{4}-\d{4}/)!;
    const ref = /Q-\d{4}-\d{4}/.exec(cardText(cardOf(dm.body)))![0];
    assert.match(cardText(cardOf(dm.body)), /Can I wear jeans on Fridays\?/);
    assert.doesNotMatch(String(dm.body.summary ?? dm.body.text ?? ''), /jeans/, 'the notification names the reference only');
    assert.match(JSON.stringify(pressed.body) + JSON.stringify(inChat(alice).map((c) => c.body)), new RegExp(`Sent to the head teacher as ${ref}`));
    return { ref, dm };
  }

  it('takes a not-covered question to the head with Reply, the reply back to the asker, and shows it for a later close question as not policy', async () => {
    const { ref, dm } = await askTheHead();
    const reply = findAction(cardOf(dm.body), 'Reply');
    assert.ok(reply, 'the head\'s DM has Reply');
    const form = await core.h.post(executeInvoke(head, reply, dm.id!, where()));
    const formCard = form.body.value;
    assert.match(JSON.stringify(formCard), /in_reply/);
    const send = findAction(formCard, 'Send reply');
    assert.ok(send, 'the reply form can be sent');
    const done = await core.h.post(executeInvoke(head, { ...send, in_reply: 'Yes, on non-uniform days only. <at>Everyone</at>', in_share: 'everyone' }, dm.id!, where()));
    assert.equal(done.status, 200);
    await core.bot.runDueWork();
    const toAlice = withText(inChat(alice), /replied to your question/);
    assert.ok(toAlice, 'the reply reached the member of staff in their chat');
    assert.match(cardText(cardOf(toAlice.body)), /Yes, on non-uniform days only[\s\S]*not part of the written policy/);
    assert.equal((await core.store.getHeadQuestion(ref))!.status, 'answered');

    await core.h.post(personalMessage(teamsUser('Tom Teacher'), 'Are we allowed to wear jeans on a Friday?', where()));
    const later = cardText(cardOf(messages().at(-1)!.body));
    assert.match(later, /Your head teacher's answer \(\d{1,2} \w{3} \d{4}\) — not part of the written policy/);
    assert.match(later, /Yes, on non-uniform days only/);
  });

  it("gives a head the gaps view as a card with 'gaps', and refuses it to staff", async () => {
    await askTheHead();
    await core.h.post(personalMessage(head, 'gaps', where()));
    const card = cardText(cardOf(inChat(head).at(-1)!.body));
    assert.match(card, /What staff asked: the last 30 days/);
    assert.match(card, /1 waiting for the head/);
    assert.doesNotMatch(card, /Alice/, 'no names');
    await core.h.post(personalMessage(alice, 'gaps', where()));
    assert.match(cardText(cardOf(inChat(alice).at(-1)!.body)), /only the school's head teacher/);
  });

  it('refuses a Reply from someone who is not a head, and records it', async () => {
    const { ref, dm } = await askTheHead();
    const reply = findAction(cardOf(dm.body), 'Reply')!;
    const refused = await core.h.post(executeInvoke(dsl, reply, dm.id!, where()));
    assert.equal(refused.status, 200);
    assert.match(JSON.stringify(refused.body) + JSON.stringify(inChat(dsl).map((c) => c.body)), /only the school's head teacher/);
    assert.equal((await core.store.getHeadQuestion(ref))!.status, 'open');
    assert.ok((await core.store.listAudit(ref)).some((a) => a.action === 'refused' && a.actor !== 'system' && a.actor.userId === dsl.aadObjectId));
  });
});
