// Sends the queued direct messages: claims due deliveries from the store, sends each through the
// notifier for its platform, records the outcome. Failures are retried with backoff, never dropped.

import { PlatformError } from '../errors.js';
import { updatePurposes, type Delivery, type Escalation } from '../escalations/model.js';
import { samePerson } from '../people.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';
import type { Store } from '../ports/store.js';
import type { Reply } from '../reply.js';
import { retryDelayMs } from './backoff.js';

export interface DeliveryWorkerDeps {
  store: Store;
  notifiers: Notifier[];
  clock: Clock;
  logger: Logger;
  /** The reply to send now (alerts are drawn from the escalation as it stands); undefined keeps the stored one. */
  render?: (delivery: Delivery) => Promise<Reply | undefined>;
  /** What to tell the reporter when an alert still has not reached someone after a few tries. */
  troubleReply?: (escalation: Escalation, to: Delivery['to']) => Reply;
}

export interface DeliveryWorker {
  /** Sends everything due now; resolves how many deliveries were attempted. */
  runOnce(): Promise<number>;
  /** Starts a pass without waiting for it (after a new escalation); passes never overlap. */
  kick(): void;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
}

const batchSize = 25;
const leaseMs = 60_000;
/** Tries at recording a sent message (100 ms, then 400 ms apart) before leaving it to the lease. */
const recordTries = 3;
/** An update waits for the message it edits; check again soon. */
const waitForOriginalMs = 5_000;
/** After this many failed tries of an alert, the reporter is told once, so they can speak to the person. */
export const tellReporterAfterAttempts = 3;

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  let running: Promise<number> | undefined;
  let again = false;

  async function pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await deps.store.claimDueDeliveries(deps.clock.now(), batchSize, leaseMs);
      // One delivery that fails in an unforeseen way must not stop the others in its batch.
      await Promise.all(
        due.map((d) =>
          attempt(d).catch((error: unknown) => deps.logger.error('a delivery could not be attempted; its lease will run out and it is retried', { id: d?.id, error: (error as Error)?.message })),
        ),
      );
      total += due.length;
      if (due.length < batchSize) return total;
    }
  }

  async function attempt(d: Delivery): Promise<void> {
    const notifier = deps.notifiers.find((n) => n.platform === d.to.platform);
    let messageId: string;
    try {
      if (!notifier) throw new PlatformError('platform_error', `No notifier for platform ${d.to.platform}`, { retryable: true });
      // Drawn afresh (the alert's reference and state are known only once stored). If that cannot
      // be read now, the delivery waits and is tried again: the stored placeholder ("new report")
      // is never sent in its place.
      const reply = (await deps.render?.(d)) ?? d.reply;
      messageId = await send(notifier, d, reply);
    } catch (error) {
      await failed(d, error);
      return;
    }
    // Sent: from here on a store failure must never be recorded as a failed send (that would send
    // the DM again). The record is tried a few times; if it still fails, the lease runs out and the
    // next claim looks for the message before sending it again (where the platform allows).
    try {
      await recordSent(d, messageId);
    } catch (error) {
      deps.logger.error('could not record a sent delivery', { id: d.id, ref: d.ref, error: (error as Error).message });
      return;
    }
    if (d.purpose === 'alert' || d.purpose === 'reminder') {
      await audit(d, 'notified', `${d.purpose} sent to ${d.to.platform}:${d.to.userId}`).catch((error: unknown) =>
        deps.logger.error('could not add a "notified" audit line', { id: d.id, ref: d.ref, error: (error as Error).message }),
      );
    }
  }

  async function send(notifier: Notifier, d: Delivery, reply: Reply): Promise<string> {
    // More claims than attempts: an earlier claim ended (crash, lost connection) before recording
    // what happened; or an earlier attempt failed, perhaps after the platform took the message (a
    // timeout). Either way the message may already be in the person's DM.
    const maybeSent = (d.claims ?? 1) > d.attempts + 1 || d.attempts > 0;
    if (!updatePurposes.includes(d.purpose)) return (await notifier.sendDirect(d.to, reply, { key: d.id, maybeSent, ...(d.thread ? { thread: d.thread } : {}) })).messageId;
    const original = d.updates ? await deps.store.getDelivery(d.updates) : undefined;
    if (!original) return 'nothing-to-update';
    if (!original.messageId) {
      throw new PlatformError('platform_error', 'the message it updates has not been sent yet', { retryable: true, retryAfterMs: waitForOriginalMs });
    }
    await notifier.updateDirect(d.to, original.messageId, reply);
    return original.messageId;
  }

  async function recordSent(d: Delivery, messageId: string): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        await deps.store.recordDelivery(d.id, { ok: true, messageId, at: deps.clock.now().toISOString() });
        return;
      } catch (error) {
        if (tries >= recordTries) throw error;
        await new Promise((r) => setTimeout(r, 100 * 4 ** (tries - 1)));
      }
    }
  }

  async function failed(d: Delivery, error: unknown): Promise<void> {
    const retryAfterMs = error instanceof PlatformError ? error.details.retryAfterMs : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const now = deps.clock.now();
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(d.attempts, retryAfterMs)).toISOString();
    deps.logger.warn('delivery failed', { id: d.id, ref: d.ref, purpose: d.purpose, to: `${d.to.platform}:${d.to.userId}`, attempts: d.attempts + 1, error: message, nextAttemptAt });
    try {
      await deps.store.recordDelivery(d.id, { ok: false, error: message, nextAttemptAt, at: now.toISOString() });
      if (d.attempts === 0) await audit(d, 'delivery-failed', `${d.purpose} to ${d.to.platform}:${d.to.userId}: ${message}; retrying`);
      if (d.purpose === 'alert' && d.attempts + 1 === tellReporterAfterAttempts) await tellReporter(d, now);
    } catch (storeError) {
      // The lease runs out and another pass retries it; nothing is lost.
      deps.logger.error('could not record a delivery failure', { id: d.id, error: (storeError as Error).message });
    }
  }

  /** Queues one DM to the reporter: the alert has not reached this person yet (retries go on). */
  async function tellReporter(d: Delivery, now: Date): Promise<void> {
    const trouble = deps.troubleReply;
    if (!trouble) return;
    await deps.store.updateEscalation(d.ref, (e) => {
      if (samePerson(e.reporter, d.to)) return undefined;
      return {
        escalation: e,
        audit: [{ at: now.toISOString(), actor: 'system', action: 'delivery-failed', detail: `reporter told that ${d.to.platform}:${d.to.userId} has not been reached yet` }],
        deliveries: [{ to: e.reporter, purpose: 'reporter-update', reply: trouble(e, d.to), nextAttemptAt: now.toISOString() }],
      };
    });
  }

  async function audit(d: Delivery, action: 'notified' | 'delivery-failed', detail: string): Promise<void> {
    await deps.store.updateEscalation(d.ref, (e) => ({
      escalation: e,
      audit: [{ at: deps.clock.now().toISOString(), actor: 'system', action, detail }],
      deliveries: [],
    }));
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => {
        deps.logger.error('delivery pass failed', { error: (error as Error).message });
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void runOnce();
        }
      });
    return running;
  }

  return {
    runOnce,
    kick: () => void runOnce(),
    idle: async () => {
      while (running) await running;
    },
  };
}
