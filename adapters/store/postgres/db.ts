// The connection pool and the three ways the store talks to PostgreSQL: a read (retried once on a
// dropped connection), a single-statement write, and a transaction. Every pg error leaves as a StoreError.

import pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';
import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';
import { isConnectionError, toStoreError } from './errors.js';

export interface DbConfig {
  databaseUrl: string;
  /** Schema holding every table (tests use one per run); created if missing. Default: the server's search_path (normally `public`). */
  schema?: string;
  /** Connections per instance (default 10). */
  poolSize?: number;
  /** How long to wait for the server to accept a new connection before answering store_unavailable (default 5000 ms). */
  connectionTimeoutMs?: number;
  /** How long a request may queue for a free pooled connection under load (default 30000 ms). */
  poolWaitMs?: number;
  applicationName?: string;
  logger: Logger;
}

export interface Db {
  readonly schema: string;
  readonly logger: Logger;
  read<R extends QueryResultRow>(operation: string, sql: string, params?: unknown[]): Promise<R[]>;
  write<R extends QueryResultRow>(operation: string, sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs `work` on one connection without a transaction of its own (one statement is atomic); not retried. */
  run<T>(operation: string, work: (client: PoolClient) => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction; `idempotent` work (safe to repeat whole) is retried once on a dropped connection. */
  transaction<T>(operation: string, work: (client: PoolClient) => Promise<T>, options?: { idempotent?: boolean }): Promise<T>;
  close(): Promise<void>;
}

const schemaName = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Opens a pool (lazily: no connection until the first query) that survives dropped connections. */
export function createDb(config: DbConfig): Db {
  const schema = config.schema ?? 'public';
  if (!schemaName.test(schema)) throw new StoreError('store_unavailable', `"${schema}" is not a usable PostgreSQL schema name.`);
  const { logger } = config;
  const connectMs = config.connectionTimeoutMs ?? 5000;
  // NOTE: pg-pool uses connectionTimeoutMillis both for queueing for a free client and for each new
  // client's connect. A burst of requests must queue, not fail as "unreachable", so the pool gets
  // the longer wait and each client keeps the short connect timeout.
  class Client extends pg.Client {
    constructor(options: pg.ClientConfig) {
      super({ ...options, connectionTimeoutMillis: connectMs });
      // NOTE: every client listens for 'error' from birth. The pool's own listener is removed while
      // a client is handed out, and a server that ends a session just as it finishes connecting
      // (57P01 in the same packet as ReadyForQuery) emits 'error' synchronously in that gap: with
      // no listener Node kills the process. The operation in flight rejects and is retried or
      // answered store_unavailable; this listener only keeps the process alive.
      this.on('error', (error: Error & { code?: string }) =>
        logger.warn('store: a PostgreSQL connection was lost; the pool will reconnect', { code: error.code, error: error.message }),
      );
    }
  }
  const pool = new pg.Pool({
    Client: Client as unknown as new () => pg.ClientBase,
    connectionString: config.databaseUrl,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: Math.max(connectMs, config.poolWaitMs ?? 30_000),
    idleTimeoutMillis: 30_000,
    application_name: config.applicationName ?? 'school-assistant',
    // With a schema named, every connection resolves unqualified table names there only. Without
    // one, no startup option is sent (some poolers, e.g. PgBouncer, refuse `options`).
    ...(config.schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // NOTE: an idle client whose server connection drops emits 'error' on the pool; without a
  // listener Node treats it as unhandled and the process dies. The pool discards that client and
  // opens a new one on the next query, which is how it reconnects.
  pool.on('error', (error) => {
    logger.error('store: an idle PostgreSQL connection was lost; the pool will reconnect', { error: error.message });
  });

  async function connect(operation: string): Promise<PoolClient> {
    try {
      return await pool.connect();
    } catch (error) {
      throw toStoreError(error, operation, logger);
    }
  }

  /** Runs `attempt` with a fresh client; retried once only when `retryable` says nothing was written. */
  async function withClient<T>(operation: string, attempt: (client: PoolClient) => Promise<T>, retryable: (e: unknown) => boolean): Promise<T> {
    for (let tries = 1; ; tries++) {
      const client = await connect(operation);
      try {
        const result = await attempt(client);
        client.release();
        return result;
      } catch (error) {
        // A broken client must not go back to the pool.
        client.release(isConnectionError(error) ? (error as Error) : undefined);
        if (tries < 2 && isConnectionError(error) && retryable(error)) continue;
        throw mapError(error, operation);
      }
    }
  }

  function mapError(error: unknown, operation: string): unknown {
    // Errors thrown by the caller's own code (a change function) pass through unchanged.
    if (error instanceof pg.DatabaseError || isConnectionError(error) || error instanceof StoreError) return toStoreError(error, operation, logger);
    return error;
  }

  return {
    schema,
    logger,
    read: (operation, sql, params) => withClient(operation, async (c) => (await c.query(sql, params)).rows, () => true),
    write: (operation, sql, params) => withClient(operation, async (c) => (await c.query(sql, params)).rows, () => false),
    run: (operation, work) => withClient(operation, work, () => false),
    transaction(operation, work, options = {}) {
      let begun = false;
      return withClient(
        operation,
        async (client) => {
          begun = false;
          await client.query('BEGIN');
          begun = true;
          try {
            const result = await work(client);
            await client.query('COMMIT');
            return result;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
        },
        // A connection that died before BEGIN succeeded wrote nothing, so one retry is safe.
        () => !begun || options.idempotent === true,
      );
    },
    async close() {
      await pool.end().catch((error: Error) => logger.warn('store: error while closing the pool', { error: error.message }));
    },
  };
}
