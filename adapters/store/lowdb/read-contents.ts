// Everything an embedded store holds, read without opening it for writing (npm run migrate-store):
// the store file of either layout, its record files and its question log's days.

import { basename, dirname } from 'node:path';
import type { QuestionLogRecord } from '../../../bot/ports/store.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { questionFiles } from './question-files.js';
import { readRecordFiles, recordAdapters } from './record-files.js';
import type { RecordData, SingleDocument, StoreData } from './store-data.js';

/** The whole of an embedded store: the escalation document's collections, the records, the questions. */
export type StoreContents = Omit<StoreData, 'schema'> & RecordData & { questions: QuestionLogRecord[] };

/** Reads the store at `file`; null when there is no store file; StoreError naming an unusable file. */
export async function readStoreContents(file: string): Promise<StoreContents | null> {
  const main = await new AtomicJsonFile<StoreData | SingleDocument>(file).read();
  if (!main) return null;
  const dir = dirname(file);
  const base = basename(file, '.json');
  const records: RecordData = main.schema === 1 ? main : await readRecordFiles(recordAdapters(dir, base));
  const { days } = await questionFiles(dir, base).load();
  const { schema: _schema, ...rest } = main;
  return { ...rest, events: records.events, flows: records.flows, conversationRefs: records.conversationRefs, feedback: records.feedback, questions: [...days.values()].flat() };
}
