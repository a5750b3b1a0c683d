// What people type is cleaned once as the core receives it: control, bidi and invisible characters
// never reach a stored report or anyone's DM, and a description with nothing visible is refused.

import assert from 'node:assert/strict';
import { cleanInbound, cleanText } from '../../bot/inbound-text.js';
import { makeHarness } from './harness.js';

describe('Inbound text', () => {
  it('removes control, bidi-override and invisible characters, and keeps emoji, accents and line breaks', () => {
    assert.equal(cleanText('Evil\u202Etxt.exe\u202C'), 'Eviltxt.exe');
    assert.equal(cleanText('red \u001b[31malert\u0007 and NUL\u0000'), 'red [31malert and NUL');
    assert.equal(cleanText('line one\r\nline two\rthree\tend'), 'line one\nline two\nthree\tend');
    assert.equal(cleanText('👩\u200D💻 café\u200B'), '👩\u200D💻 café');
    assert.equal(cleanText('cafe\u0301'), 'café', 'composed (NFC)');
    assert.equal(cleanText('cut \uD83D emoji'), 'cut \uFFFD emoji');
  });

  it('turns text with nothing visible into the empty string', () => {
    for (const invisible of ['\u200B\u200B\u200B', '\u0000\u0000', '\u202E\u202D', ' \u00A0\u3000\n', '\u0301\u0301', '\uFEFF']) {
      assert.equal(cleanText(invisible), '', JSON.stringify(invisible));
    }
  });

  it('cleans every string of an event, including button fields, form values, keys and the sender\'s name', () => {
    const actor = { platform: 'slack' as const, userId: 'U1', name: 'Mallory\u202E', school: 'cadmus' };
    const form = cleanInbound({ type: 'form', actor, formId: 'report', values: { description: 'x\u0000y', ['__proto__\u200B']: 'z' } });
    assert.equal(form.type === 'form' && form.values.description, 'xy');
    assert.equal(form.actor.name, 'Mallory');
    assert.equal(Object.getPrototypeOf(form.type === 'form' ? form.values : {}), Object.prototype);
    const action = cleanInbound({ type: 'action', actor, action: { type: 'report.start', description: '\u200B' }, where: 'dm' });
    assert.deepEqual(action.type === 'action' && action.action, { type: 'report.start', description: '' });
  });

  it('refuses a report whose description is only zero-width spaces or NUL bytes, and escalates nothing', async () => {
    const h = await makeHarness();
    for (const description of ['\u200B'.repeat(50), '\u0000'.repeat(10), '\u202E\u2066 \u2069']) {
      const { response, ref } = await h.report('ann', { description });
      assert.equal(ref, '');
      assert.ok(response.formErrors?.description, `refused ${JSON.stringify(description)}`);
    }
    assert.deepEqual(await h.store.listEscalations({}), []);
  });

  it('never lets ESC, NUL or an RTL override reach the stored report or the head\'s DM', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', { description: 'Posted \u001b[2J\u0000 a threat \u202Efdp.exe', platform: 'Face\u200Bbook' });
    assert.ok(ref);
    await h.bot.runDueWork();
    const stored = await h.store.getEscalation(ref);
    assert.equal(stored?.report.description, 'Posted [2J a threat fdp.exe');
    assert.equal(stored?.report.platform, 'Facebook');
    const dms = JSON.stringify(h.notifier.sent);
    assert.ok(h.notifier.sent.length > 0);
    assert.doesNotMatch(dms, /\\u001b|\\u0000|\u202E|\u200B/);
  });
});
