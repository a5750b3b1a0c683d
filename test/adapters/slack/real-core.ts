// The real core for the Slack end-to-end tests: createBot over the real policy library, the
// in-memory store, the configured directory (Slack head and DSL users) and the Slack notifier.

import type { Bot } from '../../../bot/bot.js';
import { createBot } from '../../../bot/create-bot.js';
import { silentLogger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { loadConfig, type SlackConfig } from '../../../adapters/config.js';
import { createDirectory, type ConfiguredDirectory } from '../../../adapters/directory.js';
import { createSlackNotifier } from '../../../adapters/slack/notifier.js';
import { createNotifierClient } from '../../../adapters/slack/web-client.js';
import { createMemoryStore } from '../../fakes/memory-store.js';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.js';
import { SEED_POLICIES } from '../../seed-policies.js';

export const HEAD = 'UHEAD0001';
export const DSL = 'UDSL00001';
export const STAFF = 'USTAFF001';
export const OTHER = 'UOTHER001';

let library: Promise<PolicyLibrary> | undefined;

export interface RealCore {
  bot: Bot;
  store: Store;
  clock: FakeClock;
  directory: ConfiguredDirectory;
  /** Slack team id → school, as the adapter is given it in main. */
  schoolFor: (teamId: string | undefined) => string;
}

/** Builds the core as main does, with Slack people from the environment-style config (and the seed policies, unless given others). */
export async function realCore(slack: SlackConfig, env: Record<string, string> = {}, store: Store = createMemoryStore(), policies?: PolicyLibrary): Promise<RealCore> {
  library ??= loadPolicyLibrary(SEED_POLICIES);
  const config = loadConfig({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    SLACK_HEAD_USERS: HEAD,
    SLACK_DSL_USERS: DSL,
    SCHOOL: 'cadmus',
    ...env,
  });
  const directory = createDirectory(config, 'cadmus');
  const clock = createFakeClock(new Date().toISOString());
  const notifier = createSlackNotifier(createNotifierClient(slack, silentLogger));
  const bot = createBot({ library: policies ?? (await library), store, notifiers: [notifier], directory, clock, logger: silentLogger });
  return { bot, store, clock, directory, schoolFor: (teamId) => directory.schoolFor('slack', teamId) };
}
