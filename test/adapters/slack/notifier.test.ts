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

describe('Slack notifier with a token per workspace (OAuth)', () => {
  let api: FakeSlackApi;
  let notifier: Notifier;
  const tokens: Record<string, string> = { T1: 'xoxb-one', T2: 'xoxb-two' };

  beforeEach(async () => {
    api = await startFakeSlackApi('xoxb-one');
    // Both workspaces' tokens are known to the fake (installed).
    api.addInstall({ code: 'c2', team: 'T2', token: 'xoxb-two', installer: 'U' });
    await fetch(`${api.url}oauth.v2.access`, { method: 'POST', body: new URLSearchParams({ code: 'c2', client_id: api.oauthClient.id, client_secret: api.oauthClient.secret }) });
    notifier = createSlackNotifier(createNotifierClient({ signingSecret: 's', apiUrl: api.url }, silentLogger), {
      tokenFor: async (tenant) => {
        if (!tenant || !Object.hasOwn(tokens, tenant)) throw new Error(`no Slack installation for T:${tenant}`);
        return tokens[tenant];
      },
    });
  });
  afterEach(() => api.close());

  it('sends each DM with the token of the person\'s own workspace', async () => {
    await notifier.sendDirect({ platform: 'slack', userId: 'UA', tenant: 'T1' }, alert);
    const { messageId } = await notifier.sendDirect({ platform: 'slack', userId: 'UB', tenant: 'T2' }, alert);
    await notifier.updateDirect({ platform: 'slack', userId: 'UB', tenant: 'T2' }, messageId, alert);
    assert.deepEqual(api.callsTo('chat.postMessage').map((c) => c.token), ['xoxb-one', 'xoxb-two']);
    assert.equal(api.callsTo('chat.update')[0].token, 'xoxb-two');
  });

  it('makes a workspace with no installation, or a revoked token, a retryable wait, never "unreachable"', async () => {
    const missing = await notifier.sendDirect({ platform: 'slack', userId: 'UC', tenant: 'T9' }, alert).catch((e: unknown) => e);
    assert.ok(missing instanceof PlatformError);
    assert.equal(missing.details.retryable, true);
    assert.match(missing.message, /not installed in workspace T9/);
    api.revoke('xoxb-two');
    const revoked = await notifier.sendDirect({ platform: 'slack', userId: 'UB', tenant: 'T2' }, alert).catch((e: unknown) => e);
    assert.ok(revoked instanceof PlatformError);
    assert.equal(revoked.code, 'platform_error');
    assert.equal(revoked.details.retryable, true);
    assert.match(revoked.message, /token_revoked.*installed again/);
    api.failNext('chat.postMessage', { error: 'account_inactive' });
    const inactive = await notifier.sendDirect({ platform: 'slack', userId: 'UA', tenant: 'T1' }, alert).catch((e: unknown) => e);
    assert.ok(inactive instanceof PlatformError);
    assert.equal(inactive.details.retryable, true);
  });
});
