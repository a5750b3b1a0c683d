// The question log's days as files beside the store file (assistant.questions.2026-03-02.jsonl),
// one JSON record a line. Logging appends the batch's lines in one write and fsyncs, so it costs
// what the new questions hold, however long the day; retention replaces a day whole (temp file,
// fsync, rename). A line cut short by a crash, or a malformed record, is handed back at load to be
// set aside (quarantined) and named, and the rest of its day loads; a day file that cannot be read
// at all is moved aside under a new name, never deleted, and never blocks start.

import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../../bot/ports/logger.js';
import type { QuestionLogRecord } from '../../../bot/ports/store.js';
import { questionSchema, recordProblem } from '../record-schemas.js';
import type { DayStorage } from './question-log.js';

/** A record that failed its check at load: where it was, what was wrong, the record (or line) as found. */
export interface BadQuestion {
  day: string;
  key: string;
  problem: string;
  record: unknown;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

async function writeSynced(file: string, text: string, flag: 'a' | 'w'): Promise<void> {
  const handle = await open(file, flag, 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const lines = (records: QuestionLogRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** Day files named `<base>.questions.<day>.jsonl` in `dir`. */
export function questionFiles(dir: string, base: string, logger?: Logger): DayStorage & { fileOf(day: string): string; load(): Promise<{ days: Map<string, QuestionLogRecord[]>; bad: BadQuestion[] }> } {
  const prefix = `${base}.questions.`;
  const fileOf = (day: string) => join(dir, `${prefix}${day}.jsonl`);

  async function readDay(day: string, bad: BadQuestion[]): Promise<QuestionLogRecord[]> {
    const text = await readFile(fileOf(day), 'utf8').catch(async (error: Error) => {
      const aside = `${fileOf(day)}.unreadable-${Date.now()}`;
      await rename(fileOf(day), aside).catch(() => undefined);
      logger?.error('store: a question log file could not be read and was moved aside; the other days load', { file: fileOf(day), movedTo: aside, problem: error.message });
      return '';
    });
    const good: QuestionLogRecord[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        bad.push({ day, key: `${day}#${i + 1}`, problem: 'not valid JSON (a line cut short?)', record: line });
        return;
      }
      const problem = recordProblem(questionSchema, record);
      if (problem) bad.push({ day, key: `${day}#${i + 1}:${String((record as { id?: unknown } | null)?.id ?? '?')}`, problem, record });
      else good.push(record as QuestionLogRecord);
    });
    return good;
  }

  async function load(): Promise<{ days: Map<string, QuestionLogRecord[]>; bad: BadQuestion[] }> {
    const days = new Map<string, QuestionLogRecord[]>();
    const bad: BadQuestion[] = [];
    for (const name of (await readdir(dir)).sort()) {
      if (!name.startsWith(prefix) || !name.endsWith('.jsonl')) continue;
      const day = name.slice(prefix.length, -'.jsonl'.length);
      if (!dayPattern.test(day)) continue;
      const good = await readDay(day, bad);
      if (good.length) days.set(day, good);
    }
    return { days, bad };
  }

  return {
    fileOf,
    load,
    readAll: async () => (await load()).days,
    append: (day, records) => writeSynced(fileOf(day), lines(records), 'a'),
    async replace(day, records) {
      const temp = join(dir, `.${prefix}${day}.jsonl.tmp`);
      await writeSynced(temp, lines(records), 'w');
      await rename(temp, fileOf(day));
    },
    remove: (day) => rm(fileOf(day), { force: true }),
  };
}
