// One assistant process serving Slack by OAuth, wired as main wires it (config from the environment,
// the directory, the Slack front end with its installations in the store, the real core), on a real
// port, against the fake Slack Web API; with helpers to install a workspace as a browser would
// ("Add to Slack" page, Slack's redirect back with code and state, the state cookie) and to send
// signed requests from any workspace.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from '../../../bot/bot.js';
import { createBot } from '../../../bot/create-bot.js';
import { silentLogger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { loadConfig } from '../../../adapters/config.js';
import { createDirectory } from '../../../adapters/directory.js';
import { createHttpServer } from '../../../adapters/http/server.js';
import { createSlackFrontEnd } from '../../../adapters/slack/slack-front-end.js';
import { createMemoryStore } from '../../fakes/memory-store.js';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { startFakeSlackApi, type FakeInstall, type FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET, blockActionPayload, commandBody, eventEnvelope, interactionBody, postSigned } from './slack-requests.js';

export const INSTALLATION_KEY = 'a passphrase for sealing Slack installations in tests';
export const STATE_SECRET = 'state-secret-for-the-oauth-tests';

let library: Promise<PolicyLibrary> | undefined;

export interface OAuthHarness {
  api: FakeSlackApi;
  store: Store;
  bot: Bot;
  clock: FakeClock;
  base: string;
  /** GET /slack/install: the page, its "Add to Slack" link's state, and the state cookie. */
  installPage(): Promise<{ status: number; html: string; state: string; cookie: string }>;
  /** Slack's redirect back to /slack/oauth_redirect, with the cookie the browser holds. */
  callback(query: Record<string, string>, cookie?: string): Promise<{ status: number; html: string }>;
  /** The whole "Add to Slack" for one workspace: resolves the success (or refusal) page. */
  install(install: Omit<FakeInstall, 'code'>): Promise<{ status: number; html: string }>;
  event(team: string, event: Record<string, unknown>): ReturnType<typeof postSigned>;
  command(team: string, command: string, text: string, user: string): ReturnType<typeof postSigned>;
  press(team: string, user: string, call: { args: Record<string, unknown>; result?: Record<string, unknown> }, value: string): ReturnType<typeof postSigned>;
  interaction(payload: Record<string, unknown>): ReturnType<typeof postSigned>;
  close(): Promise<void>;
}

/** Starts the process; `botConfig` is BOT_CONFIG's content, `env` more variables. */
export async function startOAuthHarness(botConfig: unknown, env: Record<string, string> = {}): Promise<OAuthHarness> {
  const api = await startFakeSlackApi('xoxb-not-used-with-oauth');
  const dir = mkdtempSync(join(tmpdir(), 'slack-oauth-'));
  writeFileSync(join(dir, 'bot.json'), JSON.stringify(botConfig));
  const config = loadConfig({
    SLACK_CLIENT_ID: api.oauthClient.id,
    SLACK_CLIENT_SECRET: api.oauthClient.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_INSTALLATION_KEY: INSTALLATION_KEY,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    BOT_CONFIG: join(dir, 'bot.json'),
    ...env,
  });
  const store = createMemoryStore();
  // As main chooses it: with OAuth and several policies, no default school.
  const directory = createDirectory(config, '');
  const clock = createFakeClock(new Date().toISOString());
  const frontEnd = createSlackFrontEnd(config.slack!, { store, directory, logger: silentLogger });
  const bot = createBot({ library: await (library ??= loadPolicyLibrary(SEED_POLICIES)), store, notifiers: [frontEnd.notifier], directory, clock, logger: silentLogger });
  const http = createHttpServer();
  await frontEnd.start(bot, http.app);
  const port = await http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const eventsUrl = `${base}/slack/events`;
  let codes = 0;

  const harness: OAuthHarness = {
    api,
    store,
    bot,
    clock,
    base,
    async installPage() {
      const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
      const html = await res.text();
      const link = /href="(https:[^"]*authorize[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
      const state = link ? new URL(link).searchParams.get('state') ?? '' : '';
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      return { status: res.status, html, state, cookie };
    },
    async callback(query, cookie) {
      const res = await fetch(`${base}/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
      return { status: res.status, html: await res.text() };
    },
    async install(install) {
      const code = `code-${install.team}-${++codes}`;
      api.addInstall({ ...install, code });
      const page = await harness.installPage();
      return harness.callback({ code, state: page.state }, page.cookie);
    },
    event: (team, event) => postSigned(eventsUrl, eventEnvelope({ ...event, team }, undefined, team), 'application/json'),
    command: (team, command, text, user) =>
      postSigned(eventsUrl, commandBody({ command, text, user_id: user, team_id: team, response_url: api.responseUrl(`cmd-${user}`) }), 'application/x-www-form-urlencoded'),
    press(team, user, call, value) {
      const payload = blockActionPayload({ user, value, channel: String(call.args.channel), messageTs: String(call.result?.ts), responseUrl: api.responseUrl(`press-${user}`) });
      return harness.interaction({ ...payload, team: { id: team, domain: team }, user: { ...(payload.user as object), team_id: team } });
    },
    interaction: (payload) => postSigned(eventsUrl, interactionBody(payload), 'application/x-www-form-urlencoded'),
    async close() {
      await frontEnd.stop();
      await http.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The value of the first button in a posted message whose action is of `type` (and matches `where`). */
export function buttonValue(call: { args: Record<string, unknown> }, type: string, where: (action: Record<string, unknown>) => boolean = () => true): string {
  for (const block of (call.args.blocks ?? []) as { elements?: { value?: string }[] }[]) {
    for (const element of block.elements ?? []) {
      if (!element.value) continue;
      const action = JSON.parse(element.value) as Record<string, unknown>;
      if (action.type === type && where(action)) return element.value;
    }
  }
  throw new Error(`no ${type} button in ${JSON.stringify(call.args.blocks).slice(0, 300)}`);
}
