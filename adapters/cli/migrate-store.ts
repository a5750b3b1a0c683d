// `npm run migrate-store [-- --from FILE_OR_DIR]`: copies the embedded lowdb store into the
// PostgreSQL database named by DATABASE_URL. Safe to run twice; prints what it copied.

import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AssistantError } from '../../bot/errors.js';
import type { Logger } from '../../bot/ports/logger.js';
import { loadConfig, readDotEnv } from '../config.js';
import { describeDatabase } from '../store/create-store.js';
import { readStoreContents } from '../store/lowdb/read-contents.js';
import { defaultStoreFileName } from '../store/lowdb/lowdb-store.js';
import { createDb } from '../store/postgres/db.js';
import { copyStoreData, type CopySummary } from '../store/postgres/import-lowdb.js';

const usage = `Usage: npm run migrate-store [-- --from DATA_DIR_OR_FILE] [--schema NAME]
Copies the embedded store (default DATA_DIR/${defaultStoreFileName}) into PostgreSQL at DATABASE_URL.
Stop the assistant first. Running it again copies only what is not there yet.`;

/** Runs the command; resolves the exit code (0 copied, 1 failed, 2 usage). */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let args: { from?: string; schema?: string; help?: boolean };
  try {
    args = parseArgs({ args: argv, options: { from: { type: 'string' }, schema: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (args.help) return out(usage), 0;
  try {
    readDotEnv();
    const config = loadConfig();
    if (!config.databaseUrl) return err('DATABASE_URL is not set: set it to the PostgreSQL database to copy into (see README, "Moving to PostgreSQL").'), 2;
    const file = await sourceFile(args.from ?? config.dataDir);
    await refuseIfInUse(file);
    const data = await readStoreContents(file);
    if (!data) return err(`There is no store file at ${file}: nothing to copy. Pass --from with the DATA_DIR (or file) the assistant used.`), 1;
    out(`Copying ${file} into PostgreSQL at ${describeDatabase(config.databaseUrl)}${args.schema ? ` (schema ${args.schema})` : ''} …`);
    const db = createDb({ databaseUrl: config.databaseUrl, schema: args.schema, poolSize: 2, logger: stderrLogger(err) });
    try {
      report(await copyStoreData(db, data), out);
    } finally {
      await db.close();
    }
    out(`Done. Set DATABASE_URL for every instance and start them; keep ${file} as a backup.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AssistantError)) return err(`migrate-store failed: ${(error as Error).stack ?? error}`), 1;
    err(`migrate-store: ${error.message}`);
    if (error.code === 'store_unavailable' && /database/i.test(error.message)) err('Check that PostgreSQL is running and that DATABASE_URL names it; nothing was copied.');
    return 1;
  }
}

/** A folder means its store file; a file is taken as it is. */
async function sourceFile(from: string): Promise<string> {
  const path = resolve(from);
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? join(path, defaultStoreFileName) : path;
}

/** An assistant still writing the file would make the copy stale the moment it finishes. */
async function refuseIfInUse(file: string): Promise<void> {
  const pid = Number((await readFile(`${file}.lock`, 'utf8').catch(() => '')).trim());
  if (!pid || pid === process.pid) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return; // a stale lock: nobody is writing
  }
  throw new AssistantError('store_unavailable', `${file} is in use by a running assistant (process ${pid}); stop it first, then copy.`);
}

function report(s: CopySummary, out: (line: string) => void): void {
  const line = (label: string, c: { inFile: number; written: number }) =>
    out(`  ${label.padEnd(24)} ${String(c.inFile).padStart(6)} in file, ${String(c.written).padStart(6)} copied${c.inFile > c.written ? ` (${c.inFile - c.written} already there)` : ''}`);
  line('escalations', s.escalations);
  line('audit events', s.audit);
  line('deliveries', s.deliveries);
  line('report flows', s.flows);
  line('conversation references', s.conversationRefs);
  line('feedback', s.feedback);
  line('processed events', s.events);
  line('logged questions', s.questions);
  const counters = Object.entries(s.counters).map(([year, n]) => `${year} → ${n}`);
  out(`  ${'reference counters'.padEnd(24)} ${counters.length ? counters.join(', ') : 'none yet'}`);
}

function stderrLogger(err: (line: string) => void): Logger {
  const log = (message: string, fields?: Record<string, unknown>) => err(`${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { info: () => undefined, warn: log, error: log };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('migrate-store.ts')) {
  process.exitCode = await main(process.argv.slice(2));
}
