// The question log on PostgreSQL: one row per question, read newest first by school and time. A
// row whose record no longer has the shape the assistant reads is skipped and named in the log,
// never blocking the others.

import type { Logger } from '../../../bot/ports/logger.js';
import type { QuestionLogRecord, Store } from '../../../bot/ports/store.js';
import { questionSchema, recordProblem } from '../record-schemas.js';
import type { Db } from './db.js';
import { jsonOf } from './record-sql.js';

type QuestionMethods = Pick<Store, 'logQuestion' | 'listQuestions' | 'getQuestion' | 'forgetQuestionsBefore'>;

export function createQuestionLogSql(db: Db, logger: Logger): QuestionMethods {
  /** The records that pass their check; a malformed one is logged (by id) and left out. */
  const checked = (rows: { id: string; record: unknown }[]): QuestionLogRecord[] =>
    rows.flatMap((r) => {
      const problem = recordProblem(questionSchema, r.record);
      if (!problem) return [r.record as QuestionLogRecord];
      logger.error('store: a malformed logged question was left out; the others are read', { question: r.id, problem });
      return [];
    });

  return {
    async logQuestion(record) {
      await db.write(
        'log a question',
        `INSERT INTO question_log (id, school, at, answer_id, record) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [record.id, record.school, new Date(record.at), record.answerId, jsonOf(record)],
      );
    },

    async listQuestions(query) {
      const rows = await db.read<{ id: string; record: unknown }>(
        'list logged questions',
        `SELECT id, record FROM question_log
         WHERE school = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
         ORDER BY at DESC, seq DESC LIMIT $4`,
        [query.school, timeOrNull(query.since), timeOrNull(query.until), Math.max(0, Math.floor(query.limit ?? 1000))],
      );
      return checked(rows);
    },

    async getQuestion(id) {
      const rows = await db.read<{ id: string; record: unknown }>('read a logged question', 'SELECT id, record FROM question_log WHERE id = $1', [id]);
      return checked(rows)[0];
    },

    async forgetQuestionsBefore(before, school) {
      const cutoff = timeOrNull(before);
      if (!cutoff) return 0;
      const rows = await db.write<{ id: string }>(
        'forget old questions',
        'DELETE FROM question_log WHERE at < $1 AND ($2::text IS NULL OR school = $2) RETURNING id',
        [cutoff, school ?? null],
      );
      return rows.length;
    },
  };
}

/** A Date for a usable ISO time, else null (an unparseable bound filters nothing out). */
function timeOrNull(iso: string | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}
