// The post-ack work queue: bounded concurrency, one person's events in the order they came.

import assert from 'node:assert/strict';
import { createWorkQueue } from '../../../adapters/slack/work-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Slack work queue', () => {
  it('runs at most `concurrency` tasks at once and finishes them all', async () => {
    const q = createWorkQueue(3, () => {});
    let running = 0;
    let most = 0;
    for (let i = 0; i < 20; i++) {
      q.push(`user-${i}`, async () => {
        most = Math.max(most, ++running);
        await sleep(5);
        running--;
      });
    }
    await q.idle();
    assert.equal(most, 3);
    assert.equal(q.size, 0);
  });

  it('keeps one key\'s tasks in order while other keys go ahead', async () => {
    const q = createWorkQueue(4, () => {});
    const done: string[] = [];
    q.push('a', async () => { await sleep(20); done.push('a1'); });
    q.push('a', async () => { done.push('a2'); });
    q.push('b', async () => { done.push('b1'); });
    await q.idle();
    assert.deepEqual(done, ['b1', 'a1', 'a2']);
  });

  it('reports a failing task and carries on', async () => {
    const errors: unknown[] = [];
    const q = createWorkQueue(1, (e) => errors.push(e));
    let ran = false;
    q.push('a', async () => { throw new Error('boom'); });
    q.push('a', async () => { ran = true; });
    await q.idle();
    assert.equal(errors.length, 1);
    assert.ok(ran);
  });
});
