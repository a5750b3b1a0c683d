// `npm run gaps -- --school ID [--days 30] [--json]`: what staff asked, grouped by topic with
// counts (no names, no question texts), from the assistant's own store; the same view a head gets
// on the Slack App Home, in Teams with `gaps`, and in the terminal chat.

import { parseArgs } from 'node:util';
import { AssistantError } from '../../bot/errors.js';
import { gapsBlocks } from '../../bot/gaps/gaps-reply.js';
import { blocksText } from '../../bot/report/report-flow.js';
import { defaultGapsDays, maxGapsDays, readGaps } from '../../bot/gaps/gaps-view.js';
import { systemClock, type Clock } from '../../bot/ports/clock.js';
import type { Store } from '../../bot/ports/store.js';
import { loadPolicyLibrary } from '../../knowledge/library.js';
import { cliConfig } from './cli-env.js';
import { createStore } from '../store/create-store.js';

const usage = `Usage: npm run gaps -- --school ID [--days 30] [--json]
The store is the assistant's own (DATABASE_URL, else DATA_DIR); with the embedded file store, stop the assistant first.`;

export interface GapsIo {
  out: (text: string) => void;
  err: (line: string) => void;
  env?: Record<string, string | undefined>;
  clock?: Clock;
}

/** Runs the command; resolves the exit code (0 shown, 1 the store failed, 2 usage or configuration). */
export async function main(argv: string[], io: GapsIo): Promise<number> {
  let values: { school?: string; days?: string; json?: boolean; schema?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { school: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' }, schema: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    return io.err(`${(error as Error).message}\n${usage}`), 2;
  }
  if (values.help) return io.out(`${usage}\n`), 0;
  const days = values.days === undefined ? defaultGapsDays : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > maxGapsDays) return io.err(`--days must be a whole number from 1 to ${maxGapsDays}, not "${String(values.days).slice(0, 40)}".`), 2;
  const read = cliConfig(io.env);
  if ('error' in read) return io.err(read.error), 2;
  const { config } = read;
  const library = await loadPolicyLibrary(config.policiesDir);
  const known = library.schools().map((s) => s.id);
  const school = values.school ?? config.school;
  if (!school) return io.err(`Say which school with --school ID: the known schools are ${known.join(', ') || 'none'}.`), 2;
  // Only a school this deployment serves: never another school's questions by a typo.
  if (!known.includes(school)) return io.err(`Unknown school "${school.slice(0, 60)}": the known schools are ${known.join(', ') || 'none'}.`), 2;
  let store: Store | undefined;
  try {
    store = await createStore(config, values.schema ? { postgres: { schema: values.schema } } : {});
    const view = await readGaps({ store, clause: (id) => library.clause(id) }, school, days, (io.clock ?? systemClock).now());
    // Buttons mean nothing on a command line: the text is the view without them.
    io.out(values.json ? `${JSON.stringify(view, null, 2)}\n` : `${blocksText(gapsBlocks(view).filter((b) => b.kind !== 'actions'))}\n`);
    return 0;
  } catch (error) {
    return io.err(error instanceof AssistantError ? error.message : `Could not read the questions: ${(error as Error).message}`), 1;
  } finally {
    await store?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/gaps.ts')) {
  process.exitCode = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (l) => process.stderr.write(`${l}\n`) });
}
