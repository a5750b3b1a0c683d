// A direct message whose "sent" could not be recorded (the store failed right after Slack took it)
// is not sent again when its lease runs out: the next claim finds it in the DM by the delivery key
// carried in the message's metadata, and records that instead. (Teams has no such look-up.)

import assert from 'node:assert/strict';
import { createSlackNotifier, DELIVERY_EVENT } from '../../../adapters/slack/notifier.js';
import { createNotifierClient } from '../../../adapters/slack/web-client.js';
import { createDeliveryWorker } from '../../../bot/delivery/delivery-worker.js';
import { StoreError } from '../../../bot/errors.js';
import { textReply } from '../../../bot/reply.js';
import { silentLogger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { createFakeClock } from '../../fakes/fake-clock.js';
import { createMemoryStore } from '../../fakes/memory-store.js';
import { alert, created, draft } from '../store/store-fixtures.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';

const head = { platform: 'slack' as const, userId: 'UHEAD', tenant: 'T0SCHOOL1' };

/** The memory store, with recording a successful send failing while `failing` is set. */
function flakyStore(): Store & { failing: boolean } {
  const store = createMemoryStore();
  const flaky = Object.assign(Object.create(null), store, { failing: false }) as Store & { failing: boolean };
  flaky.recordDelivery = async (id, result) => {
    if (result.ok && flaky.failing) throw new StoreError('store_unavailable', 'the database went away (test)');
    return store.recordDelivery(id, result);
  };
  return flaky;
}

describe('Slack direct messages sent once', () => {
  let api: FakeSlackApi;
  beforeEach(async () => {
    api = await startFakeSlackApi('xoxb-test-token');
  });
  afterEach(() => api.close());

  async function setUp() {
    const store = flakyStore();
    const clock = createFakeClock('2026-03-02T09:15:00.000Z');
    const notifier = createSlackNotifier(createNotifierClient({ botToken: 'xoxb-test-token', signingSecret: 's', apiUrl: api.url }, silentLogger));
    const worker = createDeliveryWorker({ store, notifiers: [notifier], clock, logger: silentLogger });
    const e = await store.createEscalation(draft(), created(), [alert('2026-03-02T09:15:00.000Z', head)]);
    return { store, clock, worker, ref: e.ref };
  }

  it('carries the delivery key in the message metadata', async () => {
    const { worker, store, ref } = await setUp();
    await worker.runOnce();
    const [post] = api.callsTo('chat.postMessage');
    const [d] = await store.listDeliveries(ref);
    assert.deepEqual(post.args.metadata, { event_type: DELIVERY_EVENT, event_payload: { key: d.id } });
    assert.equal(api.callsTo('conversations.history').length, 0, 'no look-up for a first try');
  });

  it('finds the message it sent but could not record, and records it instead of sending it again', async () => {
    const { store, clock, worker, ref } = await setUp();
    store.failing = true;
    await worker.runOnce();
    assert.equal(api.callsTo('chat.postMessage').length, 1);
    const [stuck] = await store.listDeliveries(ref);
    assert.notEqual(stuck.state, 'sent');

    store.failing = false;
    clock.advance(61_000); // the lease runs out
    await worker.runOnce();
    assert.equal(api.callsTo('chat.postMessage').length, 1, 'not sent twice');
    assert.equal(api.callsTo('conversations.history').length, 1);
    const [d] = await store.listDeliveries(ref);
    assert.equal(d.state, 'sent');
    assert.equal(d.messageId, `DUHEAD:${api.callsTo('chat.postMessage')[0].result?.ts}`);
  });

  it('never sends the stored placeholder when the alert cannot be drawn from the store now: it waits and sends the real one', async () => {
    const { store, clock, ref } = await setUp();
    let storeDown = true;
    const render = async () => {
      if (storeDown) throw new StoreError('store_unavailable', 'the database went away (test)');
      return textReply(`Alert ${ref}`);
    };
    const notifier = createSlackNotifier(createNotifierClient({ botToken: 'xoxb-test-token', signingSecret: 's', apiUrl: api.url }, silentLogger));
    const worker = createDeliveryWorker({ store, notifiers: [notifier], clock, logger: silentLogger, render });
    await worker.runOnce();
    assert.equal(api.callsTo('chat.postMessage').length, 0, 'nothing sent while the alert cannot be drawn');
    assert.notEqual((await store.listDeliveries(ref))[0].state, 'sent');
    storeDown = false;
    clock.advance(10 * 60_000);
    await worker.runOnce();
    const posts = api.callsTo('chat.postMessage');
    assert.equal(posts.length, 1);
    assert.match(String(posts[0].args.text), new RegExp(`Alert ${ref}`));
    assert.equal((await store.listDeliveries(ref))[0].state, 'sent');
  });

  it('sends it when an earlier claim ended before anything was sent', async () => {
    const { store, clock, worker, ref } = await setUp();
    await store.claimDueDeliveries(clock.now(), 10, 60_000); // a worker that died at once
    clock.advance(61_000);
    await worker.runOnce();
    assert.equal(api.callsTo('conversations.history').length, 1, 'it looked first');
    assert.equal(api.callsTo('chat.postMessage').length, 1);
    assert.equal((await store.listDeliveries(ref))[0].state, 'sent');
  });
});
