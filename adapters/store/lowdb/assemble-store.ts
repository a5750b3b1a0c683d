// One Store from the embedded store's parts: the escalation document, the per-message record
// documents and the question log's days. The lowdb store gives them files; the in-memory store of
// the tests gives them memory, so both run exactly the same code.

import { Low, Memory } from 'lowdb';
import type { Logger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { createDataStore, type EscalationMethods } from './data-store.js';
import { createQuestionLog, memoryDays, type QuestionLogMethods } from './question-log.js';
import { createRecordStore, type RecordDocs, type RecordMethods } from './record-docs.js';
import { emptyRecordData, type RecordData, type StoreData } from './store-data.js';

type Closing = { close(): Promise<void> };

/** The parts as one Store; close() closes the log and the records before the escalation document (which releases the lock). */
export function assembleStore(escalations: EscalationMethods, records: RecordMethods & Closing, questions: QuestionLogMethods & Closing): Store {
  return {
    ...escalations,
    ...records,
    ...questions,
    close: async () => {
      await questions.close();
      await records.close();
      await escalations.close();
    },
  };
}

/** A Store kept in memory only, over the escalation document `low` (tests reach into it). */
export function createMemoryStoreOver(low: Low<StoreData>, logger?: Logger): Store {
  const escalations = createDataStore(low, { describe: 'the in-memory store', reload: async () => low.data, logger });
  const empty = emptyRecordData();
  const doc = <K extends keyof RecordData>(name: K) => {
    const memory = new Low<RecordData[K]>(new Memory<RecordData[K]>(), empty[name]);
    return { low: memory, reload: async () => memory.data, describe: `the in-memory ${name}` };
  };
  const docs: RecordDocs = { events: doc('events'), flows: doc('flows'), conversationRefs: doc('conversationRefs'), feedback: doc('feedback') };
  return assembleStore(escalations, createRecordStore(docs), createQuestionLog(new Map(), memoryDays(), 'the in-memory question log'));
}
