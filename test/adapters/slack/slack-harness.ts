// Starts the Slack adapter for a test: the fake Slack Web API, the shared HTTP server on a real
// port (0), and the Bolt app mounted at POST /slack/events; returns helpers to send it requests.

import type { Bot } from '../../../bot/bot.js';
import type { Store } from '../../../bot/ports/store.js';
import { silentLogger, type Logger } from '../../../bot/ports/logger.js';
import { createHttpServer } from '../../../adapters/http/server.js';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/app.js';
import type { SlackConfig } from '../../../adapters/config.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET, eventEnvelope, interactionBody, commandBody, postSigned, type SignedPostOptions } from './slack-requests.js';

export const BOT_TOKEN = 'xoxb-test-token';

export interface SlackHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  config: SlackConfig;
  eventsUrl: string;
  sendEvent(event: Record<string, unknown>, options?: SignedPostOptions & { eventId?: string; team?: string }): ReturnType<typeof postSigned>;
  sendCommand(command: string, text: string, user: string, extra?: { channel_id?: string; channel_name?: string; team_id?: string }): ReturnType<typeof postSigned>;
  sendInteraction(payload: Record<string, unknown>, options?: SignedPostOptions): ReturnType<typeof postSigned>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The core, built once the fake Slack API's URL is known (the notifier needs it). */
  core: (config: SlackConfig) => Promise<CoreParts> | CoreParts;
  schoolFor?: (teamId: string | undefined) => string;
  logger?: Logger;
  submitDeadlineMs?: number;
  statusDelayMs?: number;
}

/** What a test's core hands the adapter; `schoolFor` routes team ids (default: every team is cadmus). */
export interface CoreParts {
  bot: Bot;
  store: Pick<Store, 'claimEvent'>;
  schoolFor?: (teamId: string | undefined) => string;
}

export async function startSlackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const api = await startFakeSlackApi(BOT_TOKEN);
  const http = createHttpServer();
  const config: SlackConfig = { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: api.url };
  const { bot, store, schoolFor } = await options.core(config);
  const adapter = createSlackAdapter(config, {
    bot,
    store,
    schoolFor: schoolFor ?? options.schoolFor ?? (() => 'cadmus'),
    logger: options.logger ?? silentLogger,
    express: http.app,
    submitDeadlineMs: options.submitDeadlineMs,
    statusDelayMs: options.statusDelayMs,
  });
  await adapter.start();
  const port = await http.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  return {
    api,
    adapter,
    config,
    eventsUrl,
    sendEvent: (event, o = {}) => postSigned(eventsUrl, eventEnvelope(event, o.eventId, o.team), 'application/json', o),
    sendCommand: (command, text, user, extra = {}) =>
      postSigned(eventsUrl, commandBody({ command, text, user_id: user, response_url: api.responseUrl(`cmd-${user}`), ...extra }), 'application/x-www-form-urlencoded'),
    sendInteraction: (payload, o = {}) => postSigned(eventsUrl, interactionBody(payload), 'application/x-www-form-urlencoded', o),
    async close() {
      await adapter.stop();
      await http.close();
      await api.close();
    },
  };
}
