// The work done after an Events API ack: at most `concurrency` tasks at once, so a burst of events
// cannot starve the acks of the next ones, and one person's messages handled in the order received.

export interface WorkQueue {
  /** Queues a task; tasks with the same key run one after another, in order. */
  push(key: string, task: () => Promise<void>): void;
  /** Tasks queued or running. */
  readonly size: number;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

export function createWorkQueue(concurrency: number, onError: (error: unknown) => void): WorkQueue {
  const ready: { key: string; task: () => Promise<void> }[] = [];
  const waiting = new Map<string, (() => Promise<void>)[]>();
  let running = 0;
  let size = 0;
  let idleWaiters: (() => void)[] = [];

  function pump(): void {
    while (running < concurrency && ready.length > 0) {
      const { key, task } = ready.shift()!;
      running++;
      // NOTE: start on the next turn of the event loop, so pending requests are read and acked first.
      setImmediate(() => {
        task()
          .catch(onError)
          .finally(() => finish(key));
      });
    }
  }

  function finish(key: string): void {
    running--;
    size--;
    const next = waiting.get(key);
    if (next && next.length > 0) ready.push({ key, task: next.shift()! });
    else waiting.delete(key);
    if (size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
    pump();
  }

  return {
    push(key, task) {
      size++;
      const chain = waiting.get(key);
      if (chain) chain.push(task);
      else {
        waiting.set(key, []);
        ready.push({ key, task });
      }
      pump();
    },
    get size() {
      return size;
    },
    idle: () => (size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  };
}
