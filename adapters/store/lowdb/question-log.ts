// The question log of the embedded store: one log per day asked (UTC), through one write queue:
// logging appends the new questions to their day (never rewriting the school's history), retention
// replaces or removes whole days. All days are held in memory, indexed by id.

import type { QuestionLogRecord, QuestionQuery, Store } from '../../../bot/ports/store.js';
import { createWriteQueue } from './write-queue.js';

/** Where the days are kept: files under DATA_DIR, or memory (tests). */
export interface DayStorage {
  /** Every day kept, with its records (already validated). */
  readAll(): Promise<Map<string, QuestionLogRecord[]>>;
  /** Adds records to a day, keeping what it holds. */
  append(day: string, records: QuestionLogRecord[]): Promise<void>;
  /** Replaces a day whole. */
  replace(day: string, records: QuestionLogRecord[]): Promise<void>;
  remove(day: string): Promise<void>;
}

export type QuestionLogMethods = Pick<Store, 'logQuestion' | 'listQuestions' | 'getQuestion' | 'forgetQuestionsBefore'>;

interface Days {
  byDay: Map<string, QuestionLogRecord[]>;
  byId: Map<string, QuestionLogRecord>;
  /** Records added since the last write, by day. */
  added: Map<string, QuestionLogRecord[]>;
  /** Days to replace whole at the next write (retention took some away). */
  replaced: Set<string>;
}

const clone = <T>(v: T): T => structuredClone(v);

/** The UTC day an ISO time falls on ("2026-03-02"); a time that does not parse files under its first ten characters. */
export function dayOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}

function indexed(byDay: Map<string, QuestionLogRecord[]>): Days {
  const byId = new Map<string, QuestionLogRecord>();
  for (const list of byDay.values()) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  return { byDay, byId, added: new Map(), replaced: new Set() };
}

/** The question log over `storage`, whose days have been read into `initial`. */
export function createQuestionLog(initial: Map<string, QuestionLogRecord[]>, storage: DayStorage, describe: string): QuestionLogMethods & { close(): Promise<void> } {
  const doc = {
    data: indexed(initial),
    async write() {
      const { added, replaced, byDay } = this.data;
      this.data.added = new Map();
      this.data.replaced = new Set();
      await Promise.all([
        ...[...replaced].map((day) => (byDay.get(day)?.length ? storage.replace(day, byDay.get(day)!) : storage.remove(day))),
        ...[...added].filter(([day]) => !replaced.has(day)).map(([day, records]) => storage.append(day, records)),
      ]);
    },
  };
  const queue = createWriteQueue<Days>(doc, { describe, reload: async () => indexed(await storage.readAll()) });

  return {
    logQuestion: (record) =>
      queue.write((d) => {
        if (d.byId.has(record.id)) return;
        const day = dayOf(record.at);
        const copy = clone(record);
        for (const into of [d.byDay, d.added]) {
          const list = into.get(day);
          if (list) list.push(copy);
          else into.set(day, [copy]);
        }
        d.byId.set(copy.id, copy);
      }),

    listQuestions: async (query) => clone(select(doc.data, query)),

    getQuestion: async (id) => {
      const r = doc.data.byId.get(id);
      return r ? clone(r) : undefined;
    },

    forgetQuestionsBefore: (before, school) =>
      queue.write((d) => {
        const cutoff = Date.parse(before);
        if (Number.isNaN(cutoff)) return 0;
        const lastDay = dayOf(before);
        let removed = 0;
        for (const [day, list] of d.byDay) {
          if (day > lastDay) continue;
          const kept = list.filter((r) => !(Date.parse(r.at) < cutoff && (school === undefined || r.school === school)));
          if (kept.length === list.length) continue;
          const keep = new Set(kept);
          for (const r of list) if (!keep.has(r)) d.byId.delete(r.id);
          removed += list.length - kept.length;
          if (kept.length) d.byDay.set(day, kept);
          else d.byDay.delete(day);
          d.replaced.add(day);
        }
        return removed;
      }),

    close: () => queue.close(),
  };
}

/** One school's questions in [since, until), newest first. */
function select(d: Days, q: QuestionQuery): QuestionLogRecord[] {
  // An unparseable bound filters nothing out (as on PostgreSQL).
  const since = timeOf(q.since, -Infinity);
  const until = timeOf(q.until, Infinity);
  const firstDay = Number.isFinite(since) ? dayOf(q.since!) : '';
  const lastDay = Number.isFinite(until) ? dayOf(q.until!) : '\uffff';
  const limit = Math.max(0, Math.floor(q.limit ?? 1000));
  const out: QuestionLogRecord[] = [];
  for (const day of [...d.byDay.keys()].sort().reverse()) {
    if (day < firstDay || day > lastDay) continue;
    const list = d.byDay.get(day)!;
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i];
      const t = Date.parse(r.at);
      if (r.school === q.school && t >= since && t < until) out.push(r);
    }
    // Days are visited newest first: once a whole day is in, no older day can come before it.
    if (out.length >= limit) break;
  }
  return out.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, limit);
}

function timeOf(iso: string | undefined, otherwise: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? otherwise : t;
}

/** Days kept in memory only (the in-memory store of tests). */
export function memoryDays(): DayStorage {
  const kept = new Map<string, QuestionLogRecord[]>();
  return {
    readAll: async () => new Map([...kept].map(([day, list]) => [day, clone(list)])),
    append: async (day, records) => void kept.set(day, [...(kept.get(day) ?? []), ...clone(records)]),
    replace: async (day, records) => void kept.set(day, clone(records)),
    remove: async (day) => void kept.delete(day),
  };
}
