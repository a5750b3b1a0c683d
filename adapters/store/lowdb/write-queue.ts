// One document's write queue: changes waiting while a write is in flight are applied together and
// written once (group commit), and each caller is answered only after its change is on disk. Every
// file of the embedded store has its own queue, so a write costs what its own document holds.

import { StoreError } from '../../../bot/errors.js';

/** A document held in memory and written whole (a lowdb `Low`, or the question log's days). */
export interface Persisted<D> {
  data: D;
  write(): Promise<void>;
}

export interface WriteQueueOptions<D> {
  /** Names the document in errors ("the store file /data/assistant.json"). */
  describe: string;
  /** Re-reads the last good document after a failed write, so memory never runs ahead of disk. */
  reload: () => Promise<D>;
}

export interface WriteQueue<D> {
  /** Queues a change; it must validate before it mutates, so a throw leaves the data untouched. */
  write<T>(apply: (data: D) => T): Promise<T>;
  /** Lets queued changes finish, then refuses new ones. */
  close(): Promise<void>;
}

interface Pending<D> {
  apply: (data: D) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createWriteQueue<D>(doc: Persisted<D>, options: WriteQueueOptions<D>): WriteQueue<D> {
  const queue: Pending<D>[] = [];
  let running = false;
  let closed = false;

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.splice(0);
      const results = batch.map((p) => {
        try {
          return { ok: true as const, value: p.apply(doc.data) };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
      let writeError: unknown;
      if (results.some((r) => r.ok)) {
        try {
          await doc.write();
        } catch (cause) {
          writeError = new StoreError('store_unavailable', `Could not write ${options.describe}: ${(cause as Error).message}`, { cause });
          doc.data = await options.reload().catch(() => doc.data);
        }
      }
      batch.forEach((p, i) => {
        const r = results[i];
        if (!r.ok) p.reject(r.error);
        else if (writeError) p.reject(writeError);
        else p.resolve(r.value);
      });
    }
    running = false;
  }

  function write<T>(apply: (data: D) => T): Promise<T> {
    if (closed) return Promise.reject(new StoreError('store_unavailable', `${options.describe} is closed.`));
    return new Promise<T>((resolve, reject) => {
      queue.push({ apply, resolve: resolve as (v: unknown) => void, reject });
      if (!running) void drain();
    });
  }

  return {
    write,
    async close() {
      if (closed) return;
      await write(() => undefined).catch(() => undefined);
      closed = true;
    },
  };
}
