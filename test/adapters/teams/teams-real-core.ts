// The Teams adapter over the real core for end-to-end tests: a lowdb store in a temp folder, the
// configured directory (heads, DSLs, chairs, BOT_CONFIG), the seed policies and a fake clock.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from '../../../bot/bot.js';
import { createBot } from '../../../bot/create-bot.js';
import type { Store } from '../../../bot/ports/store.js';
import { loadConfig } from '../../../adapters/config.js';
import { createDirectory } from '../../../adapters/directory.js';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.js';
import { TENANT, startHarness, type Harness } from './teams-harness.js';

export interface TeamsCore {
  h: Harness & { mount(bot: Bot): void };
  store: Store;
  bot: Bot;
  clock: FakeClock;
  library: PolicyLibrary;
  directory: ReturnType<typeof createDirectory>;
  /** Runs due work, then stops the server and the store and removes the temp folder. */
  close(): Promise<void>;
}

let library: Promise<PolicyLibrary> | undefined;

/** Starts Teams with the real core; `env` adds variables (e.g. TEAMS_CHAIR_USERS), `botConfig` is written as BOT_CONFIG. */
export async function startTeamsCore(options: { env?: Record<string, string>; botConfig?: unknown; clockStart?: string } = {}): Promise<TeamsCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'teams-core-'));
  const store = await createLowdbStore({ dataDir });
  const env: Record<string, string> = { TEAMS_ENABLED: 'true', MICROSOFT_APP_TENANT_ID: TENANT, DATA_DIR: dataDir, ...options.env };
  if (options.botConfig) {
    env.BOT_CONFIG = join(dataDir, 'bot-config.json');
    await writeFile(env.BOT_CONFIG, JSON.stringify(options.botConfig));
  }
  const config = loadConfig(env);
  const directory = createDirectory(config, 'cadmus');
  const h = await startHarness({ store, directory, config: config.teams });
  const clock = createFakeClock(options.clockStart);
  const lib = await (library ??= loadPolicyLibrary(SEED_POLICIES));
  const bot = createBot({ library: lib, store, notifiers: [h.teams.notifier], directory, clock, logger: h.logger });
  h.mount(bot);
  return {
    h, store, bot, clock, library: lib, directory,
    async close() {
      await bot.runDueWork();
      await h.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
