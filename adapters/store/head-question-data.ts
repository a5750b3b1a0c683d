// Head questions ("Ask the head") as plain data, and the pure operations on them that the embedded
// store and the in-memory test store share: references from their own per-year counter, their audit
// events and deliveries written beside the escalations' (the same trail and queue).

import type { AuditDraft, DeliveryDraft } from '../../bot/escalations/model.js';
import type { Store } from '../../bot/ports/store.js';
import { isShared, type HeadQuestion, type HeadQuestionChange, type HeadQuestionDraft, type HeadQuestionQuery } from '../../bot/head-questions/model.js';
import { addAudit, addDeliveries, nextRef, type StoreData } from './lowdb/store-data.js';

export interface HeadQuestionData {
  /** Head-question counter per year: the next ref is Q-<year>-<questionCounters[year] + 1>. */
  questionCounters: Record<string, number>;
  headQuestions: Record<string, HeadQuestion>;
}

/** Where audit events and deliveries go (the escalations' own trail and queue). */
export interface TrailWriter {
  addAudit(ref: string, drafts: AuditDraft[]): void;
  addDeliveries(ref: string, drafts: DeliveryDraft[], now: string): void;
}

export function emptyHeadQuestionData(): HeadQuestionData {
  return { questionCounters: {}, headQuestions: {} };
}

/** Adds a new head question with its audit and deliveries; returns it as stored. */
export function insertHeadQuestion(data: HeadQuestionData, trail: TrailWriter, draft: HeadQuestionDraft, audit: AuditDraft[], deliveries: DeliveryDraft[]): HeadQuestion {
  const ref = nextRef(data.questionCounters, 'Q', draft.createdAt);
  const question: HeadQuestion = { ...draft, ref, version: 1 };
  data.headQuestions[ref] = question;
  trail.addAudit(ref, audit);
  trail.addDeliveries(ref, deliveries, draft.createdAt);
  return question;
}

/** Applies a change built from a copy of the current record; undefined when there is no such question. */
export function changeHeadQuestion(
  data: HeadQuestionData,
  trail: TrailWriter,
  ref: string,
  change: (current: HeadQuestion) => HeadQuestionChange | undefined,
  now: string,
): { question: HeadQuestion; changed: boolean } | undefined {
  const current = data.headQuestions[ref];
  if (!current) return undefined;
  const result = change(structuredClone(current));
  if (!result) return { question: structuredClone(current), changed: false };
  // The store owns identity and versioning, whatever the change returned.
  const next: HeadQuestion = { ...result.question, ref, version: current.version + 1 };
  data.headQuestions[ref] = next;
  trail.addAudit(ref, result.audit);
  trail.addDeliveries(ref, result.deliveries, now);
  return { question: structuredClone(next), changed: true };
}

/** Filters and orders head questions as the query says: newest first, default 50. */
export function queryHeadQuestions(all: HeadQuestion[], q: HeadQuestionQuery): HeadQuestion[] {
  return all
    .filter((x) => !q.school || x.school === q.school)
    .filter((x) => !q.status || q.status.includes(x.status))
    .filter((x) => q.shared === undefined || isShared(x) === q.shared)
    .filter((x) => !q.askedBy || (x.askedBy.platform === q.askedBy.platform && x.askedBy.userId === q.askedBy.userId))
    .filter((x) => !q.since || x.createdAt >= q.since)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.ref.localeCompare(a.ref, 'en', { numeric: true }))
    .slice(0, q.limit ?? 50);
}

type HeadQuestionMethods = Pick<Store, 'createHeadQuestion' | 'getHeadQuestion' | 'updateHeadQuestion' | 'listHeadQuestions' | 'appendTrail'>;

/**
 * The store's head-question methods over a StoreData document changed through `write` (the
 * document store's serialised write queue), its audit events and deliveries in the same write.
 */
export function headQuestionMethods(write: <T>(apply: (data: StoreData) => T) => Promise<T>, data: () => StoreData): HeadQuestionMethods {
  const parts = (d: StoreData): { questions: HeadQuestionData; trail: TrailWriter } => {
    d.headQuestions ??= {};
    d.questionCounters ??= {};
    const questions = d as HeadQuestionData & StoreData;
    return { questions, trail: { addAudit: (ref, drafts) => addAudit(d, ref, drafts), addDeliveries: (ref, drafts, now) => addDeliveries(d, ref, drafts, now) } };
  };
  const held = (ref: string) => {
    const all = data().headQuestions;
    return all && Object.hasOwn(all, ref) ? all[ref] : undefined;
  };
  return {
    createHeadQuestion: (draft, audit, deliveries) =>
      write((d) => {
        const { questions, trail } = parts(d);
        return structuredClone(insertHeadQuestion(questions, trail, structuredClone(draft), audit, deliveries));
      }),
    getHeadQuestion: async (ref) => {
      const q = held(ref);
      return q ? structuredClone(q) : undefined;
    },
    updateHeadQuestion: (ref, change) =>
      write((d) => {
        if (!held(ref)) return undefined;
        const { questions, trail } = parts(d);
        return changeHeadQuestion(questions, trail, ref, change, new Date().toISOString());
      }),
    listHeadQuestions: async (query) => structuredClone(queryHeadQuestions(Object.values(data().headQuestions ?? {}), query)),
    appendTrail: (ref, audit, deliveries) =>
      write((d) => {
        const { trail } = parts(d);
        trail.addAudit(ref, structuredClone(audit));
        trail.addDeliveries(ref, structuredClone(deliveries), new Date().toISOString());
      }),
  };
}
