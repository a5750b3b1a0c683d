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
import { unknownSchools } from './bot-config.js';
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


/**
 * The school this deployment serves by default: SCHOOL, else the only policy there is, else none
 * when BOT_CONFIG maps workspaces or tenants (an unmapped one is then told it is not set up).
 */
export function chooseSchool(wanted: string | undefined, library: PolicyLibrary, mapped = false): string {
  const known = library.schools().map((s) => s.id);
  if (wanted) {
    if (!known.includes(wanted)) throw unknownSchool(wanted, known);
    return wanted;
  }
  if (known.length === 1) return known[0];
  if (mapped) return '';
  throw new ConfigError('config_invalid', `SCHOOL is not set and there are ${known.length} policies; set SCHOOL to one of: ${known.join(', ') || 'none'}.`);
}

async function openCore(config: AppConfig, logger: Logger, terminal: boolean): Promise<Core> {
  const library = await loadReloadingLibrary(config.policiesDir);
  for (const p of library.problems) logger.warn('policy file skipped', p);
  // Which version of each policy answers: the log says so at start and at every reload.
  for (const s of library.schools()) logger.info('policy loaded', { school: s.id, version: s.version, clauses: library.policy(s.id)?.clauses.length });
  const known = library.schools().map((s) => s.id);
  const unknown = unknownSchools({ slack: config.slackTeams, teams: config.teamsTenants, schools: config.schools }, known);
  if (unknown.length) throw new ConfigError('config_invalid', `BOT_CONFIG names schools with no policy here: ${unknown.join(', ')}. The schools are: ${known.join(', ')}.`);
  // Workspaces that install by Slack OAuth bring their own school (BOT_CONFIG, or a head's confirmation).
  const mapped = Object.keys(config.slackTeams).length + Object.keys(config.teamsTenants).length > 0 || Boolean(config.slack?.oauth);
  const school = chooseSchool(config.school, library, mapped && !terminal);
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

/** How long a stop waits for requests and due work in flight before it closes anyway. */
const stopGraceMs = 10_000;

/** Slack and/or Teams on the shared HTTP server, with due work on a timer; runs until SIGTERM or SIGINT. */
async function runPlatforms(core: Core): Promise<{ signal: string; waitedMs: number }> {
  const frontEnds = (await Promise.all([slackFrontEnd(core), teamsFrontEnd(core)])).filter((f): f is PlatformFrontEnd => !!f);
  const bot = makeBot(core, frontEnds.map((f) => f.notifier));
  const http = createHttpServer({ health: () => core.store.health() });
  for (const f of frontEnds) await f.start(bot, http.app);
  const host = listenAddress(core.config);
  const port = await http.listen(core.config.port, host);
  core.logger.info('assistant started', { school: core.school, host, port, platforms: frontEnds.map((f) => f.name) });
  let work: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    work = bot.runDueWork().catch((error: unknown) => core.logger.error('due work failed', { error: (error as Error).message }));
  }, core.config.workIntervalMs);
  const watch = watchPolicies(core.library, { intervalMs: core.config.policyReloadMs, logger: core.logger });
  const reviewer = createPolicyReviewer({ schools: () => core.library.schools(), store: core.store, notifiers: frontEnds.map((f) => f.notifier), directory: core.directory, clock: systemClock, logger: core.logger });
  const review = () => void reviewer.run().catch((error: unknown) => core.logger.error('policy review pass failed', { error: (error as Error).message }));
  review();
  const reviewTimer = setInterval(review, core.config.policyReviewCheckMs);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  // Stop taking requests, let those in flight and the current delivery pass finish (bounded); the
  // store is flushed and closed by main.
  clearInterval(timer);
  clearInterval(reviewTimer);
  watch.stop();
  const started = Date.now();
  await Promise.race([
    Promise.all([http.close(stopGraceMs), ...frontEnds.map((f) => f.stop()), work]),
    new Promise((r) => setTimeout(r, stopGraceMs + 1_000).unref()),
  ]);
  return { signal, waitedMs: Date.now() - started };
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

/** Exit 2 for what the operator must change (configuration, a port in use), 1 for anything else. */
function exitCodeFor(error: unknown): number {
  return error instanceof ConfigError ? 2 : 1;
}

async function main(): Promise<number> {
  readDotEnv();
  const config = loadConfig();
  const terminal = !config.slack && !config.teams;
  // The terminal chat stays quiet unless asked: stderr carries only warnings and errors.
  const logger = createLogger({ level: terminal && config.logLevel === 'info' ? 'warn' : config.logLevel });
  const core = await openCore(config, logger, terminal);
  let stopped: { signal: string; waitedMs: number } | undefined;
  try {
    if (terminal) await runTerminal(core);
    else stopped = await runPlatforms(core);
  } finally {
    // Closing the store lets its queued writes finish first (the file store's are on disk after).
    await core.store.close();
  }
  if (stopped) logger.info('assistant stopped', stopped);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One clear sentence for the operator; never a stack trace.
    const message = error instanceof AssistantError ? error.message : `Could not start: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(exitCodeFor(error));
  },
);
