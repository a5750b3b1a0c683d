// Submissions per second into the store: lowdb (one process, the only way it can run) beside
// PostgreSQL with one and with two instances (separate processes, one database). Each submission
// is what the core writes for a report: the escalation, its audit event and an alert delivery.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../bot/ports/store.js';
import { createLowdbStore } from '../adapters/store/lowdb/lowdb-store.js';
import { createPostgresStore } from '../adapters/store/postgres/postgres-store.js';
import { alert, created, draft } from '../test/adapters/store/store-fixtures.js';
import { dropSchema, freshSchema } from '../test/adapters/store/postgres-test-db.js';

const submissions = 2_000;
const concurrency = 50;

/** Sends `count` submissions, `concurrency` at a time; resolves the elapsed milliseconds. */
async function submit(store: Store, count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      await store.createEscalation(draft({ createdAt: new Date().toISOString() }), created(), [alert()]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

async function lowdbRate(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-lowdb-'));
  const store = await createLowdbStore({ dataDir: dir });
  try {
    return (submissions / (await submit(store, submissions))) * 1000;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `instances` processes at once against one fresh schema; total submissions over wall time. */
async function postgresRate(url: string, instances: number): Promise<number> {
  const schema = freshSchema('bench');
  const setup = await createPostgresStore({ databaseUrl: url, schema });
  await setup.close();
  try {
    const per = Math.floor(submissions / instances);
    const started = performance.now();
    await Promise.all(Array.from({ length: instances }, () => runWorker(url, schema, per)));
    return ((per * instances) / (performance.now() - started)) * 1000;
  } finally {
    await dropSchema(url, schema);
  }
}

function runWorker(url: string, schema: string, count: number): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--worker', url, schema, String(count)], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench worker exited ${code}`)))));
}

/** `npm run bench -- postgres`: prints submissions per second side by side. */
export async function run(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL?.trim();
  const lowdb = await lowdbRate();
  console.log(`store submissions/s (${submissions} reports, ${concurrency} at a time per instance)`);
  console.log(`  lowdb, 1 instance (baseline)   ${lowdb.toFixed(0).padStart(6)}`);
  if (!url) {
    console.log('  PostgreSQL skipped: TEST_DATABASE_URL is not set (.ci/run sets it when a local server answers)');
    return;
  }
  const one = await postgresRate(url, 1);
  const two = await postgresRate(url, 2);
  console.log(`  PostgreSQL, 1 instance         ${one.toFixed(0).padStart(6)}   ${(one / lowdb).toFixed(2)}× lowdb`);
  console.log(`  PostgreSQL, 2 instances        ${two.toFixed(0).padStart(6)}   ${(two / lowdb).toFixed(2)}× lowdb, ${(two / one).toFixed(2)}× one instance`);
}

// A worker process: one instance's store, its share of the submissions, then exit.
if (process.argv[2] === '--worker') {
  const [url, schema, count] = process.argv.slice(3);
  const store = await createPostgresStore({ databaseUrl: url, schema, migrate: false });
  await submit(store, Number(count));
  await store.close();
}
