// An in-memory Store for tests: the same operations as the lowdb store, persisted nowhere.

import { Low, Memory } from 'lowdb';
import type { Store } from '../../bot/ports/store.js';
import { createDataStore } from '../../adapters/store/lowdb/data-store.js';
import { createQuestionLog, memoryDays, withQuestionLog } from '../../adapters/store/lowdb/question-log.js';
import { emptyStoreData, type StoreData } from '../../adapters/store/lowdb/store-data.js';

export function createMemoryStore(): Store {
  const low = new Low<StoreData>(new Memory<StoreData>(), emptyStoreData());
  const rest = createDataStore(low, { describe: 'the in-memory store', reload: async () => low.data });
  return withQuestionLog(rest, createQuestionLog(new Map(), memoryDays(), 'the in-memory question log'));
}
