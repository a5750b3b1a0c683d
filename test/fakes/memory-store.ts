// An in-memory Store for tests: the same operations as the lowdb store, persisted nowhere.

import { Low, Memory } from 'lowdb';
import type { Store } from '../../bot/ports/store.js';
import { createMemoryStoreOver } from '../../adapters/store/lowdb/assemble-store.js';
import { emptyStoreData, type StoreData } from '../../adapters/store/lowdb/store-data.js';

export function createMemoryStore(): Store {
  return createMemoryStoreOver(new Low<StoreData>(new Memory<StoreData>(), emptyStoreData()));
}
