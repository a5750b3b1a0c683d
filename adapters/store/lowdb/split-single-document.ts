// Start-up conversion of a store file of the earlier layout (schema 1: everything in one document)
// into the escalation document and one file per per-message collection. The old file is first
// copied aside as a backup; the record files are written next, the store file last, so a crash at
// any point leaves a schema 1 file that is converted again at the next start.

import { copyFile } from 'node:fs/promises';
import type { Logger } from '../../../bot/ports/logger.js';
import { keyed, type RecordData, type SingleDocument, type StoreData } from './store-data.js';
import { writeRecordFiles, type recordAdapters } from './record-files.js';

/** Converts `single` (read from `file`) in place on disk; resolves the escalation document. */
export async function splitSingleDocument(
  single: SingleDocument,
  file: string,
  adapters: ReturnType<typeof recordAdapters>,
  writeMain: (data: StoreData) => Promise<void>,
  logger?: Logger,
): Promise<{ main: StoreData; records: RecordData }> {
  const backup = `${file}.schema1-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
  await copyFile(file, backup);
  const { events, flows, conversationRefs, feedback, schema: _old, ...rest } = single;
  const records: RecordData = { events: keyed(events), flows: keyed(flows), conversationRefs: keyed(conversationRefs), feedback };
  await writeRecordFiles(adapters, records);
  const main: StoreData = { ...rest, schema: 2 };
  await writeMain(main);
  logger?.info('store: converted to one file per collection (handled events, flows, conversation references and feedback now have files of their own)', {
    file,
    backup,
  });
  return { main, records };
}
