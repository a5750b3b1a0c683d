// Maps node-postgres errors to the project's StoreError at the store boundary, so no raw pg error
// (with its SQL and connection details) reaches the core or a user.

import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';

/** Errors that mean the database could not be reached or dropped the connection. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now), 53300 (too many connections).
  if (/^08/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return true;
  return /Connection terminated|timeout exceeded when trying to connect|timeout expired|Client has encountered a connection error|Connection ended|not queryable/i.test(
    e?.message ?? '',
  );
}

/** Turns any error from a store operation into a StoreError, logging the operator's detail once. */
export function toStoreError(error: unknown, operation: string, logger: Logger): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string };
  if (isConnectionError(error)) {
    logger.error('store: PostgreSQL unavailable; the operation was not saved', { operation, code: e?.code, error: e?.message });
    return new StoreError('store_unavailable', `The database could not be reached during ${operation}; nothing was saved.`, { cause: error });
  }
  // 23505 unique violation, 40001 serialization failure, 40P01 deadlock: a conflicting concurrent write.
  if (e?.code === '23505' || e?.code === '40001' || e?.code === '40P01') {
    logger.warn('store: conflicting write in PostgreSQL', { operation, code: e.code, error: e.message });
    return new StoreError('store_conflict', `A conflicting change was being saved at the same time (${operation}).`, { cause: error });
  }
  logger.error('store: PostgreSQL operation failed', { operation, code: e?.code, error: e?.message });
  return new StoreError('store_unavailable', `The database refused ${operation} (${e?.code ?? 'no code'}).`, { cause: error });
}
