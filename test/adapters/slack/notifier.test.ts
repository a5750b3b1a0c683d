// The Slack notifier against the fake Web API: DMs through conversations.open + chat.postMessage,
// updates in place, and Slack's failures as PlatformErrors the delivery queue can act on.

import assert from 'node:assert/strict';
import { PlatformError } from '../../../bot/errors.js';
import { silentLogger } from '../../../bot/ports/logger.js';
import type { Notifier } from '../../../bot/ports/notifier.js';
import { createSlackNotifier } from '../../../adapters/slack/notifier.js';
import { createNotifierClient } from '../../../adapters/slack/web-client.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';

const head = { platform: 'slack' as const, userId: 'UHEAD', tenant: 'T0SCHOOL1' };
const alert = { text: 'Urgent report ESC-2026-0001: a child may be at risk. Details…', preview: 'Urgent report ESC-2026-0001', blocks: [{ kind: 'text' as const, text: 'Details <!channel>' }] };

describe('Slack notifier', () => {
  let api: FakeSlackApi;
  let notifier: Notifier;

  beforeEach(async () => {
    api = await startFakeSlackApi('xoxb-n');
    notifier = createSlackNotifier(createNotifierClient({ botToken: 'xoxb-n', signingSecret: 's', apiUrl: api.url.replace(/\/$/, '') }, silentLogger));
  });
  afterEach(() => api.close());

  it('opens the DM once, posts the preview as notification text, and updates in place', async () => {
    const { messageId } = await notifier.sendDirect(head, alert);
    await notifier.sendDirect(head, alert);
    assert.equal(api.callsTo('conversations.open').length, 1);
    const post = api.callsTo('chat.postMessage')[0];
    assert.equal(post.args.channel, 'DUHEAD');
    assert.equal(post.args.text, 'Urgent report ESC-2026-0001');
    assert.match(JSON.stringify(post.args.blocks), /&lt;!channel&gt;/);
    await notifier.updateDirect(head, messageId, { text: 'Acknowledged', blocks: [] });
    const update = api.callsTo('chat.update')[0];
    assert.equal(update.args.channel, 'DUHEAD');
    assert.equal(`${update.args.channel}:${update.args.ts}`, messageId);
    assert.match(String(update.args.ts), /^1700000000\.\d{6}$/);
  });

  it('turns a 429 into a retryable PlatformError carrying Retry-After, at once', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const started = Date.now();
    const error = await notifier.sendDirect(head, alert).catch((e: unknown) => e);
    assert.ok(error instanceof PlatformError);
    assert.equal(error.code, 'platform_rate_limited');
    assert.equal(error.details.retryAfterMs, 7000);
    assert.equal(error.details.retryable, true);
    assert.ok(Date.now() - started < 2000, 'the delivery queue waits, not the notifier');
  });

  it('turns a 500 into a retryable PlatformError, and a missing user into an unreachable one', async () => {
    api.failNext('chat.postMessage', { status: 500 });
    const e500 = await notifier.sendDirect(head, alert).catch((e: unknown) => e);
    assert.ok(e500 instanceof PlatformError);
    assert.equal(e500.details.status, 500);
    assert.equal(e500.details.retryable, true);
    api.failNext('conversations.open', { error: 'user_not_found' });
    const gone = await notifier.sendDirect({ ...head, userId: 'UGONE' }, alert).catch((e: unknown) => e);
    assert.ok(gone instanceof PlatformError);
    assert.equal(gone.code, 'platform_unreachable_user');
    assert.equal(gone.details.retryable, false);
  });
});
