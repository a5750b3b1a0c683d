// The files of the per-message records beside the store file (assistant.events.json,
// assistant.flows.json, assistant.conversation-refs.json, assistant.feedback.json), each replaced
// whole and atomically. A file that is not the right kind of JSON stops start-up, named and left
// untouched, like the store file; a malformed record in it is set aside and named, the rest load.

import { join } from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile } from './atomic-json-file.js';
import type { RecordDocs } from './record-docs.js';
import { emptyRecordData, keyed, recordCollections, type RecordData } from './store-data.js';

const fileNames: Record<keyof RecordData, string> = { events: 'events', flows: 'flows', conversationRefs: 'conversation-refs', feedback: 'feedback' };

/** The file holding `collection` beside the store file `<dir>/<base>.json`. */
export function recordFile(dir: string, base: string, collection: keyof RecordData): string {
  return join(dir, `${base}.${fileNames[collection]}.json`);
}

function shapeProblem(collection: keyof RecordData): (v: unknown) => string | undefined {
  return collection === 'feedback'
    ? (v) => (Array.isArray(v) ? undefined : 'it does not hold a list')
    : (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'it does not hold a JSON object');
}

/** Adapters for the record files (nothing read yet). */
export function recordAdapters(dir: string, base: string): { [K in keyof RecordData]: AtomicJsonFile<RecordData[K]> } {
  const make = <K extends keyof RecordData>(c: K) => new AtomicJsonFile<RecordData[K]>(recordFile(dir, base, c), shapeProblem(c));
  return { events: make('events'), flows: make('flows'), conversationRefs: make('conversationRefs'), feedback: make('feedback') };
}

/** Reads every record file (a missing one is empty); rejects with StoreError naming an unusable one. */
export async function readRecordFiles(adapters: ReturnType<typeof recordAdapters>): Promise<RecordData> {
  const data = emptyRecordData();
  const read = async <K extends keyof RecordData>(c: K) => {
    const held = await adapters[c].read();
    if (held) data[c] = (Array.isArray(held) ? held : keyed(held as Record<string, unknown>)) as RecordData[K];
  };
  for (const c of recordCollections) await read(c);
  return data;
}

/** Writes every record file from `data`. */
export async function writeRecordFiles(adapters: ReturnType<typeof recordAdapters>, data: RecordData): Promise<void> {
  for (const c of recordCollections) await adapters[c].write(data[c] as never);
}

/** The documents over the files, holding `data` as read. */
export function recordDocs(adapters: ReturnType<typeof recordAdapters>, data: RecordData): RecordDocs {
  const doc = <K extends keyof RecordData>(c: K) => {
    const low = new Low<RecordData[K]>(adapters[c], data[c]);
    const reload = async () => {
      const held = await adapters[c].read();
      const fresh = held ?? emptyRecordData()[c];
      return (Array.isArray(fresh) ? fresh : keyed(fresh as Record<string, unknown>)) as RecordData[K];
    };
    return { low, reload, describe: `the store file ${adapters[c].file}` };
  };
  return { events: doc('events'), flows: doc('flows'), conversationRefs: doc('conversationRefs'), feedback: doc('feedback') };
}
