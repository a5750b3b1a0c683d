// One app instance for the multi-instance tests, run as its own process (`npx tsx` this file): the
// real core and Slack adapter over the PostgreSQL store, plus a few /test routes to drive it.
// Env: TEST_DATABASE_URL, TEST_SCHEMA, SLACK_API_URL (the test's fake Slack), INSTANCE; optionally
// POLICIES_DIR (shared by the instances; watched for reloads) and POLICY_REVIEWS=on (review reminders
// on a short timer); prints "READY <port>".

import express from 'express';
import { createBot } from '../../bot/create-bot.js';
import type { Actor } from '../../bot/events.js';
import type { Logger } from '../../bot/ports/logger.js';
import { loadConfig } from '../../adapters/config.js';
import { createDirectory } from '../../adapters/directory.js';
import { createHttpServer } from '../../adapters/http/server.js';
import { createSlackAdapter } from '../../adapters/slack/app.js';
import { createSlackNotifier } from '../../adapters/slack/notifier.js';
import { createNotifierClient } from '../../adapters/slack/web-client.js';
import { createStore } from '../../adapters/store/create-store.js';
import { loadReloadingLibrary } from '../../knowledge/reloading-library.js';
import { watchPolicies } from '../../adapters/policy-watch.js';
import { createPolicyReviewer } from '../../bot/policy-review.js';

import { DSL, HEAD, TEAM } from './instances.js';
import { SEED_POLICIES } from '../seed-policies.js';

const name = process.env.INSTANCE ?? 'instance';
const logger: Logger = {
  // Policy reloads are what the reload test reads; other info lines stay quiet.
  info: (m, f) => (m.startsWith('policy') ? console.error(`[${name}] info ${m} ${JSON.stringify(f ?? {})}`) : undefined),
  warn: (m, f) => console.error(`[${name}] warn ${m} ${JSON.stringify(f ?? {})}`),
  error: (m, f) => console.error(`[${name}] error ${m} ${JSON.stringify(f ?? {})}`),
};

// The config as an operator would give it, but with the test database: never the real DATABASE_URL.
const config = loadConfig({
  SCHOOL: 'cadmus',
  POLICIES_DIR: process.env.POLICIES_DIR ?? SEED_POLICIES,
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef',
  SLACK_API_URL: process.env.SLACK_API_URL,
  SLACK_HEAD_USERS: HEAD,
  SLACK_DSL_USERS: DSL,
});
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const store = await createStore(config, { logger, clock, postgres: { schema: process.env.TEST_SCHEMA, poolSize: 10, applicationName: process.env.TEST_SCHEMA } });
const directory = createDirectory(config, 'cadmus');
const library = await loadReloadingLibrary(config.policiesDir);
const watch = watchPolicies(library, { intervalMs: 200, logger });
const notifier = createSlackNotifier(createNotifierClient(config.slack!, logger));
const bot = createBot({ library, store, notifiers: [notifier], directory, clock, logger });

const http = createHttpServer();
const slack = createSlackAdapter(config.slack!, { bot, store, schoolFor: (team) => directory.schoolFor('slack', team), logger, express: http.app });
await slack.start();

const actor = (userId: string): Actor => ({ platform: 'slack', userId, tenant: TEAM, school: 'cadmus' });
const testRoutes = express.Router();
testRoutes.use(express.json());
// Answers 200 only once the core has confirmed the report with its reference (i.e. it is stored).
testRoutes.post('/report', async (req, res) => {
  const response = await bot.handle({ type: 'form', actor: actor(req.body.user), formId: 'report', values: req.body.values });
  const text = [...response.direct, ...response.replies].map((r) => r.text).join('\n');
  const ref = /ESC-\d{4}-\d{4,}/.exec(text)?.[0];
  res.status(ref ? 200 : 503).json({ ref, text, instance: name });
});
testRoutes.post('/message', async (req, res) => {
  const response = await bot.handle({ type: 'message', actor: actor(req.body.user), text: req.body.text, where: 'dm' });
  res.json({ texts: [...response.replies, ...response.direct].map((r) => r.text), instance: name });
});
testRoutes.post('/clock', (req, res) => {
  offsetMs = Number(req.body.offsetMs) || 0;
  res.json({ now: clock.now().toISOString() });
});
testRoutes.post('/due-work', async (_req, res) => {
  await bot.runDueWork();
  res.json({ ok: true });
});
http.app.use('/test', testRoutes);

// What the composition root does: due deliveries and reminders on a timer, on every instance.
const timer = setInterval(() => void bot.runDueWork().catch(() => undefined), Number(process.env.WORK_INTERVAL_MS ?? 500));
const reviewer = createPolicyReviewer({ schools: () => library.schools(), store, notifiers: [notifier], directory, clock, logger });
const reviews = process.env.POLICY_REVIEWS === 'on' ? setInterval(() => void reviewer.run().catch(() => undefined), 100) : undefined;
const port = await http.listen(0, '127.0.0.1');
console.log(`READY ${port}`);

process.on('SIGTERM', async () => {
  clearInterval(timer);
  if (reviews) clearInterval(reviews);
  watch.stop();
  await http.close();
  await store.close();
  process.exit(0);
});
