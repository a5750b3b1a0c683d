// How often each clause of a school's policy has answered a question: the "most-asked topics" the
// suggested prompts are ranked by. Counts only (no question text, no names), kept in the store so
// every instance ranks alike; a lost increment (two instances writing at once, a crash before a
// flush) only blurs a rank.

import type { Store } from '../ports/store.js';

/** The store key of a school's counts (a record beside the report flows). */
const keyFor = (school: string) => `asked-topics:${school}`;
/** Most clauses counted per school: the long tail is never shown and would only grow the record. */
const maxClauses = 200;

type Counts = [clauseId: string, count: number][];

function readCounts(state: unknown): Counts {
  const list = (state as { counts?: unknown } | undefined)?.counts;
  if (!Array.isArray(list)) return [];
  // A damaged record counts as empty rather than breaking the prompts.
  return list.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && Number.isFinite(e[1]));
}

/** Adds questions answered by each clause to the school's stored counts. */
export async function addAsked(store: Pick<Store, 'getFlow' | 'saveFlow'>, school: string, added: ReadonlyMap<string, number>): Promise<void> {
  const counts = new Map(readCounts((await store.getFlow(keyFor(school)))?.state));
  for (const [id, n] of added) counts.set(id, (counts.get(id) ?? 0) + n);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).slice(0, maxClauses);
  await store.saveFlow(keyFor(school), { counts: sorted });
}

/**
 * Counts answered questions in memory and adds them to the store on `flush` (the due-work timer),
 * so answering a question costs no store write of its own.
 */
export interface AskedCounter {
  count(school: string, clauseId: string): void;
  flush(): Promise<void>;
}

export function createAskedCounter(store: Pick<Store, 'getFlow' | 'saveFlow'>): AskedCounter {
  let pending = new Map<string, Map<string, number>>();
  return {
    count(school, clauseId) {
      const counts = pending.get(school) ?? new Map<string, number>();
      counts.set(clauseId, (counts.get(clauseId) ?? 0) + 1);
      pending.set(school, counts);
    },
    async flush() {
      const taken = pending;
      pending = new Map();
      for (const [school, counts] of taken) await addAsked(store, school, counts);
    },
  };
}

/** Clause id → how many questions it answered, for one school (a Map: ids are never object keys). */
export async function askedCounts(store: Pick<Store, 'getFlow'>, school: string): Promise<Map<string, number>> {
  return new Map(readCounts((await store.getFlow(keyFor(school)))?.state));
}
