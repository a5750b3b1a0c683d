// The composition root: reads the config, loads the policies, opens the store, builds the core,
// and runs the front ends: Slack and/or Teams when their credentials are set, else the terminal chat.

import { createBot } from '../bot/create-bot.js';
import type { Bot } from '../bot/bot.js';
import { AssistantError } from '../bot/errors.js';
import { systemClock } from '../bot/ports/clock.js';
import type { Logger } from '../bot/ports/logger.js';
import type { Notifier } from '../bot/ports/notifier.js';
import type { Store } from '../bot/ports/store.js';
import { unknownSchool, type PolicyLibrary } from '../knowledge/library.js';
import { loadReloadingLibrary, type ReloadingLibrary } from '../knowledge/reloading-library.js';
import { watchPolicies } from './policy-watch.js';
import { createPolicyReviewer } from '../bot/policy-review.js';
import { ConfigError } from '../bot/errors.js';
import { listenAddress, loadConfig, readDotEnv, type AppConfig } from './config.js';
import { runConsoleChat } from './console/console-chat.js';
import { createConsoleNotifier } from './console/console-notifier.js';
import { createDirectory, type ConfiguredDirectory } from './directory.js';
import type { PlatformFrontEnd } from './front-end.js';
import { createHttpServer } from './http/server.js';
import { createLogger } from './logger.js';
import { createSlackFrontEnd } from './slack/slack-front-end.js';
import { createTeamsFrontEnd } from './teams/teams-front-end.js';
import { createStore } from './store/create-store.js';

/** What every front end is built from. */
export interface Core {
  config: AppConfig;
  logger: Logger;
  library: ReloadingLibrary;
  school: string;
  directory: ConfiguredDirectory;
  store: Store;
}


/** The school this deployment serves by default: SCHOOL, else the only policy there is. */
export function chooseSchool(wanted: string | undefined, library: PolicyLibrary): string {
  const known = library.schools().map((s) => s.id);
  if (wanted) {
    if (!known.includes(wanted)) throw unknownSchool(wanted, known);
    return wanted;
  }
  if (known.length === 1) return known[0];
  throw new ConfigError('config_invalid', `SCHOOL is not set and there are ${known.length} policies; set SCHOOL to one of: ${known.join(', ') || 'none'}.`);
}

async function openCore(config: AppConfig, logger: Logger, terminal: boolean): Promise<Core> {
  const library = await loadReloadingLibrary(config.policiesDir);
  for (const p of library.problems) logger.warn('policy file skipped', p);
  // Which version of each policy answers: the log says so at start and at every reload.
  for (const s of library.schools()) logger.info('policy loaded', { school: s.id, version: s.version, clauses: library.policy(s.id)?.clauses.length });
  const school = chooseSchool(config.school, library);
  const directory = createDirectory(config, school, { withConsole: terminal });
  const store = await createStore(config, { logger });
  return { config, logger, library, school, directory, store };
}

// ── Platform hooks: the Slack and Teams adapters plug in here (one small function each). ──
async function slackFrontEnd(core: Core): Promise<PlatformFrontEnd | undefined> {
  if (!core.config.slack) return undefined;
  return createSlackFrontEnd(core.config.slack, core);
}

async function teamsFrontEnd(core: Core): Promise<PlatformFrontEnd | undefined> {
  if (!core.config.teams) return undefined;
  return createTeamsFrontEnd(core.config.teams, core);
}

/** Slack and/or Teams on the shared HTTP server, with due work on a timer; runs until a signal. */
async function runPlatforms(core: Core): Promise<void> {
  const frontEnds = (await Promise.all([slackFrontEnd(core), teamsFrontEnd(core)])).filter((f): f is PlatformFrontEnd => !!f);
  const bot = makeBot(core, frontEnds.map((f) => f.notifier));
  const http = createHttpServer();
  for (const f of frontEnds) await f.start(bot, http.app);
  const host = listenAddress(core.config);
  const port = await http.listen(core.config.port, host);
  core.logger.info('assistant started', { school: core.school, host, port, platforms: frontEnds.map((f) => f.name) });
  const timer = setInterval(() => void bot.runDueWork(), core.config.workIntervalMs);
  const watch = watchPolicies(core.library, { intervalMs: core.config.policyReloadMs, logger: core.logger });
  const reviewer = createPolicyReviewer({ schools: () => core.library.schools(), store: core.store, notifiers: frontEnds.map((f) => f.notifier), directory: core.directory, clock: systemClock, logger: core.logger });
  const review = () => void reviewer.run().catch((error: unknown) => core.logger.error('policy review pass failed', { error: (error as Error).message }));
  review();
  const reviewTimer = setInterval(review, core.config.policyReviewCheckMs);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(timer);
  clearInterval(reviewTimer);
  watch.stop();
  await Promise.all(frontEnds.map((f) => f.stop()));
  await http.close();
}

function makeBot(core: Core, notifiers: Notifier[]): Bot {
  return createBot({ library: core.library, store: core.store, notifiers, directory: core.directory, clock: systemClock, logger: core.logger });
}

async function runTerminal(core: Core): Promise<void> {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const notifier = createConsoleNotifier(print);
  const bot = makeBot(core, [notifier]);
  const watch = watchPolicies(core.library, { intervalMs: core.config.policyReloadMs, logger: core.logger });
  await runConsoleChat({
    bot,
    school: core.school,
    input: process.stdin,
    print,
    note: (text) => process.stderr.write(`${text}\n`),
    interactive: Boolean(process.stdin.isTTY),
    schoolName: core.library.policy(core.school)?.school.name ?? core.school,
    storeDescription: 'file' in core.store ? String(core.store.file) : 'PostgreSQL (DATABASE_URL)',
    workIntervalMs: core.config.workIntervalMs,
    flushDirect: notifier.flush,
  });
  watch.stop();
}

async function main(): Promise<number> {
  readDotEnv();
  const config = loadConfig();
  const terminal = !config.slack && !config.teams;
  // The terminal chat stays quiet unless asked: stderr carries only warnings and errors.
  const logger = createLogger({ level: terminal && config.logLevel === 'info' ? 'warn' : config.logLevel });
  const core = await openCore(config, logger, terminal);
  try {
    await (terminal ? runTerminal(core) : runPlatforms(core));
  } finally {
    await core.store.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One clear sentence for the operator; never a stack trace.
    const message = error instanceof AssistantError ? error.message : `Could not start: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
