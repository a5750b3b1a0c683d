// The question log's days as files beside the store file (assistant.questions.2026-03-02.json),
// each replaced whole and atomically like the store file. A malformed record found at load is
// handed back to be set aside (quarantined) and named, and the rest of its day loads; a day file
// that cannot be read at all is moved aside under a new name, never deleted, and never blocks start.

import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../../bot/ports/logger.js';
import type { QuestionLogRecord } from '../../../bot/ports/store.js';
import { questionSchema, recordProblem } from '../record-schemas.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import type { DayStorage } from './question-log.js';

/** A record that failed its check at load: where it was, what was wrong, the record as found. */
export interface BadQuestion {
  key: string;
  problem: string;
  record: unknown;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const listProblem = (v: unknown) => (Array.isArray(v) ? undefined : 'it does not hold a list of questions');

/** Day files named `<base>.questions.<day>.json` in `dir`. */
export function questionFiles(dir: string, base: string, logger?: Logger): DayStorage & { fileOf(day: string): string; load(): Promise<{ days: Map<string, QuestionLogRecord[]>; bad: BadQuestion[] }> } {
  const prefix = `${base}.questions.`;
  const fileOf = (day: string) => join(dir, `${prefix}${day}.json`);
  const adapter = (day: string) => new AtomicJsonFile<unknown[]>(fileOf(day), listProblem);

  async function load(): Promise<{ days: Map<string, QuestionLogRecord[]>; bad: BadQuestion[] }> {
    const days = new Map<string, QuestionLogRecord[]>();
    const bad: BadQuestion[] = [];
    for (const name of (await readdir(dir)).sort()) {
      if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
      const day = name.slice(prefix.length, -'.json'.length);
      if (!dayPattern.test(day)) continue;
      const list = await adapter(day).read().catch(async (error: Error) => {
        const aside = `${fileOf(day)}.unreadable-${Date.now()}`;
        await rename(fileOf(day), aside);
        logger?.error('store: a question log file could not be read and was moved aside; the other days load', { file: fileOf(day), movedTo: aside, problem: error.message });
        return null;
      });
      const good: QuestionLogRecord[] = [];
      (list ?? []).forEach((record, i) => {
        const problem = recordProblem(questionSchema, record);
        if (problem) bad.push({ key: `${day}#${i + 1}:${String((record as { id?: unknown } | null)?.id ?? '?')}`, problem, record });
        else good.push(record as QuestionLogRecord);
      });
      if (good.length) days.set(day, good);
    }
    return { days, bad };
  }

  return {
    fileOf,
    load,
    readAll: async () => (await load()).days,
    write: (day, records) => adapter(day).write(records),
    remove: (day) => rm(fileOf(day), { force: true }),
  };
}
