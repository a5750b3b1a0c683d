// A workspace that installed itself without a school: the installer chooses, a head of that school
// confirms (once, whoever presses first, on whichever instance), and until then nothing is answered
// from any policy. Bad input: unknown or property-name schools, a school with no head, heads out of
// reach, a damaged record, stale and forged decisions.

import assert from 'node:assert/strict';
import type { Bot } from '../../bot/bot.js';
import { createBot } from '../../bot/create-bot.js';
import type { Actor, BotResponse } from '../../bot/events.js';
import type { Directory, PersonRef, SchoolPeople } from '../../bot/people.js';
import { silentLogger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { Action } from '../../bot/reply.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { createRecordingNotifier, type RecordingNotifier } from '../fakes/recording-notifier.js';
import { allText, policies } from './harness.js';

const head = (userId: string): PersonRef => ({ platform: 'slack', userId, tenant: 'THOME' });
const directory: Directory = {
  people: (school): SchoolPeople => ({ school, heads: school === 'templemoor' ? [head('UHEAD1'), head('UHEAD2')] : [], dsls: [], chairs: [], responseHours: 24 }),
};

const newcomer = (userId: string, school = ''): Actor => ({ platform: 'slack', userId, tenant: 'TNEW', school });
const homeHead = (userId: string): Actor => ({ ...head(userId), school: 'templemoor' });
const buttons = (r: BotResponse) => [...r.replies, ...(r.update ? [r.update] : [])].flatMap((x) => x.blocks).flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.action) : []));

async function makeBot(store: Store = createMemoryStore(), notifier: RecordingNotifier = createRecordingNotifier('slack')): Promise<{ bot: Bot; store: Store; notifier: RecordingNotifier }> {
  const bot = createBot({ library: await policies(), store, notifiers: [notifier], directory, clock: createFakeClock(), logger: silentLogger });
  return { bot, store, notifier };
}

const press = (bot: Bot, actor: Actor, action: Action) => bot.handle({ type: 'action', actor, action, where: 'dm' });
const ask = (bot: Bot, actor: Actor) => bot.handle({ type: 'message', actor, text: 'Can I be friends with parents on Facebook?', where: 'dm' });

describe('a workspace joining a school', () => {
  it('asks the installer which school, offering every school whose policy is present, and answers nothing meanwhile', async () => {
    const { bot } = await makeBot();
    const installed = await bot.handle({ type: 'installed', actor: newcomer('UINST'), workspaceName: 'Oak Lane' });
    const schools = buttons(installed).flatMap((a) => (a.type === 'workspace.choose' ? [a.school] : []));
    assert.deepEqual(schools.sort(), (await policies()).schools().map((s) => s.id).sort());
    assert.match(allText(await ask(bot, newcomer('USTAFF'))), /needs to choose its school first/);
    assert.equal(buttons(await ask(bot, newcomer('USTAFF'))).length, 0, 'staff are not offered the choice');
    assert.equal(buttons(await ask(bot, newcomer('UINST'))).length, schools.length, 'the installer is offered it again');
  });

  it('refuses schools it has no policy for, property names included, and a school with no head to confirm', async () => {
    const { bot, notifier } = await makeBot();
    await bot.handle({ type: 'installed', actor: newcomer('UINST') });
    for (const school of ['__proto__', 'constructor', 'toString', 'nowhere', '']) {
      assert.match(allText(await press(bot, newcomer('UINST'), { type: 'workspace.choose', school })), /don't have that school's policy/, school);
    }
    assert.match(allText(await press(bot, newcomer('UINST'), { type: 'workspace.choose', school: 'cadmus' })), /no head teacher set up/);
    assert.equal(notifier.sent.length, 0);
    assert.match(allText(await ask(bot, newcomer('USTAFF'))), /needs to choose its school first/);
  });

  it('keeps the choice open when no head can be reached, so the installer can try again', async () => {
    const { bot, notifier } = await makeBot();
    await bot.handle({ type: 'installed', actor: newcomer('UINST') });
    notifier.failNext(Infinity);
    assert.match(allText(await press(bot, newcomer('UINST'), { type: 'workspace.choose', school: 'templemoor' })), /couldn't reach Templemoor/);
    notifier.failNext(0);
    const chosen = await press(bot, newcomer('UINST'), { type: 'workspace.choose', school: 'templemoor' });
    assert.match(allText(chosen), /waiting for Templemoor.*head teacher/);
    assert.equal(notifier.to('UHEAD1').length, 1);
    assert.equal(notifier.to('UHEAD1')[0].reply.preview, 'A workspace asks to use Templemoor Infant and Nursery School\'s policy');
  });

  it('decides once when two heads press at once on two instances; staff then get that school\'s answers', async () => {
    const first = await makeBot();
    const second = await makeBot(first.store, first.notifier);
    await first.bot.handle({ type: 'installed', actor: newcomer('UINST') });
    await press(first.bot, newcomer('UINST'), { type: 'workspace.choose', school: 'templemoor' });
    // Pressed twice: the heads are not asked twice.
    await press(first.bot, newcomer('UINST'), { type: 'workspace.choose', school: 'templemoor' });
    assert.equal(first.notifier.to('UHEAD2').length, 1);
    const decideAction = buttons({ replies: [first.notifier.to('UHEAD1')[0].reply], direct: [] }).find((a) => a.type === 'workspace.decide' && a.approve)!;
    const [a, b] = await Promise.all([press(first.bot, homeHead('UHEAD1'), decideAction), press(second.bot, homeHead('UHEAD2'), decideAction)]);
    assert.equal([a, b].filter((r) => r.update).length, 1, 'one decision');
    assert.match(allText([a, b].find((r) => !r.update)!), /Confirmed by|has just answered/);
    assert.equal(first.notifier.to('UINST').length, 1, 'the installer is told once');
    const answer = allText(await ask(second.bot, newcomer('USTAFF')));
    assert.match(answer, /Templemoor/);
    assert.doesNotMatch(answer, /waiting/);
    // An old "choose" button in the now-served workspace changes nothing.
    assert.match(allText(await press(first.bot, newcomer('UINST'), { type: 'workspace.choose', school: 'cadmus' })), /already gets answers from Templemoor/);
  });

  it('refuses a decision from someone who is not that school\'s head, a stale or forged one, and keeps a pending request on re-install', async () => {
    const { bot, notifier } = await makeBot();
    await bot.handle({ type: 'installed', actor: newcomer('UINST') });
    await press(bot, newcomer('UINST'), { type: 'workspace.choose', school: 'templemoor' });
    const real = buttons({ replies: [notifier.to('UHEAD1')[0].reply], direct: [] }).find((x) => x.type === 'workspace.decide' && x.approve) as Extract<Action, { type: 'workspace.decide' }>;
    assert.match(allText(await press(bot, { ...homeHead('USTAFF9') }, real)), /Only Templemoor.*head teacher/);
    assert.match(allText(await press(bot, homeHead('UHEAD1'), { ...real, request: 'made-up' })), /out of date/);
    assert.match(allText(await press(bot, homeHead('UHEAD1'), { ...real, tenant: '__proto__' })), /out of date/);
    assert.match(allText(await bot.handle({ type: 'installed', actor: newcomer('UOTHER') })), /waiting for Templemoor/);
    assert.match(allText(await ask(bot, newcomer('USTAFF'))), /waiting for Templemoor/);
  });

  it('treats a damaged workspace record as not set up, never as a crash or a school', async () => {
    const { bot, store } = await makeBot();
    for (const state of [null, 'text', { platform: 'slack', tenant: 'TNEW', state: 'confirmed', school: 'templemoor' }, { platform: 'slack', tenant: 'TOTHER', state: 'confirmed', school: 'templemoor', installer: { platform: 'slack', userId: 'U' } }]) {
      await store.saveFlow('workspace:slack:TNEW', state);
      const reply = allText(await ask(bot, newcomer('USTAFF')));
      assert.match(reply, /isn't set up for a school/, JSON.stringify(state));
    }
    assert.match(allText(await bot.handle({ type: 'installed', actor: { platform: 'slack', userId: 'U', school: '' } })), /isn't set up for a school/, 'no workspace id: nothing to join');
  });
});
