// The Slack app: a Bolt App over HTTP (mounted at POST /slack/events on the shared express server)
// or over Socket Mode when SLACK_APP_TOKEN is set. Transports carry no business logic.

import { App, ExpressReceiver, SocketModeReceiver, webApi, type Installation, type InstallationStore, type Receiver } from '@slack/bolt';
import type { Express } from 'express';
import type { Bot } from '../../bot/bot.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import { ConfigError, PlatformError } from '../../bot/errors.js';
import type { SlackConfig, SlackOAuthConfig } from '../config.js';
import { toPlatformError } from './errors.js';
import { registerAgent } from './agent.js';
import { registerListeners, type ListenerDeps } from './listeners.js';
import { slackRequestGuard } from './request-guard.js';
import { interactiveClientOptions, slackApiUrl, toSlackLogger } from './web-client.js';
import { deliver } from './deliver.js';
import { toActor } from './inbound.js';
import { oauthReceiverOptions, SLACK_INSTALL_PATH } from './oauth.js';
import { registerUninstall } from './uninstall.js';

/** The one URL Slack posts events, commands and interactivity to. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slash commands and the message shortcut, as named in manifest.yml. */
export const SLACK_NAMES = { policyCommand: '/policy', reportCommand: '/report', reportShortcut: 'report_message' } as const;

export interface SlackAdapterDeps {
  bot: Bot;
  store: Pick<Store, 'claimEvent'>;
  /** Team id → school (`directory.schoolFor('slack', teamId)`). */
  schoolFor: (teamId: string | undefined) => string;
  logger: Logger;
  /** The shared express app (HTTP mode): the receiver mounts POST /slack/events on it. */
  express?: Express;
  /** Overrides for tests. */
  names?: Partial<ListenerDeps['names']>;
  submitDeadlineMs?: number;
  /** Events answered at once after their ack (default 16; the rest wait, already acked). */
  eventConcurrency?: number;
  /** How long an answer may take before the DM shows a status line (default 1 s: a quick answer needs none). */
  statusDelayMs?: number;
  /** With Slack OAuth: the installations (shared with the notifier) and which teams BOT_CONFIG maps. */
  installations?: InstallationStore;
  isMapped?: (teamId: string) => boolean;
}

export interface SlackAdapter {
  readonly mode: 'http' | 'socket';
  readonly app: App;
  /** Checks the token (auth.test) and, in Socket Mode, connects. Throws ConfigError/PlatformError. */
  start(): Promise<void>;
  /** Resolves when every acked event has been handled (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Slack app for the bot; HTTP unless the config has an app token. */
export function createSlackAdapter(config: SlackConfig, deps: SlackAdapterDeps): SlackAdapter {
  const slackLogger = toSlackLogger(deps.logger);
  const socket = Boolean(config.appToken);
  // Many workspaces, each with its own token from its install: Bolt authorizes each event from the installations.
  const oauth = config.oauth && !socket ? (config as SlackConfig & { oauth: SlackOAuthConfig }) : undefined;
  let receiver: Receiver;
  if (socket) {
    // SLACK_API_URL reaches apps.connections.open too, so the whole Socket Mode path can be tested locally.
    receiver = new SocketModeReceiver({ appToken: config.appToken!, logger: slackLogger, installerOptions: { clientOptions: { slackApiUrl: slackApiUrl(config) } } });
  } else {
    if (!deps.express) throw new ConfigError('config_invalid', 'Slack over HTTP needs the shared HTTP server.');
    if (!config.signingSecret) throw new ConfigError('config_invalid', 'Slack over HTTP needs SLACK_SIGNING_SECRET.');
    // Mounted first, so a request with a skewed timestamp, a bad signature or one replayed never reaches Bolt.
    deps.express.post(SLACK_EVENTS_PATH, ...slackRequestGuard({ signingSecret: config.signingSecret, store: deps.store, logger: deps.logger }));
    receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      app: deps.express,
      endpoints: SLACK_EVENTS_PATH,
      logger: slackLogger,
      // NOTE: Slack wants an answer within 3 s: ack first, then do the work (false is Bolt's default).
      processBeforeResponse: false,
      ...(oauth ? oauthReceiverOptions(oauth, oauthStore(deps), { store: deps.store, logger: deps.logger, isMapped: deps.isMapped ?? (() => false), onInstalled: (i) => greetInstaller(i) }) : {}),
    });
  }
  const app = new App({
    token: config.botToken,
    receiver,
    logger: slackLogger,
    clientOptions: interactiveClientOptions(config, deps.logger),
    convoStore: false,
    // NOTE: auth.test runs in start(), where a bad token is a clear error, not an unhandled rejection.
    deferInitialization: true,
  });
  app.error(async (error) => {
    const code = (error as { code?: string }).code;
    // With OAuth, an event from a workspace with no installation (removed, or refused) is expected: it is acked and ignored.
    if (oauth && code === 'slack_bolt_authorization_error') return void deps.logger.warn('slack: an event from a workspace that is not installed was ignored', { error: error.message });
    deps.logger.error('slack: a listener failed', { error: error.message, code });
  });
  const shared = registerListeners(app, {
    bot: deps.bot,
    store: deps.store,
    schoolFor: deps.schoolFor,
    logger: deps.logger,
    names: { ...SLACK_NAMES, ...deps.names },
    submitDeadlineMs: deps.submitDeadlineMs ?? 2_500,
    eventConcurrency: deps.eventConcurrency ?? 16,
    statusDelayMs: deps.statusDelayMs ?? 1000,
  });
  registerAgent(app, shared);
  if (oauth) registerUninstall(app, oauthStore(deps), deps.logger);
  const work = shared.work;

  /** The installer's first message, with the new install's own token: a greeting, or which school? */
  async function greetInstaller(installation: Installation): Promise<void> {
    const teamId = installation.team?.id;
    const userId = installation.user?.id;
    const token = installation.bot?.token;
    if (!teamId || !userId || !token) return;
    const actor = toActor(userId, teamId, deps.schoolFor);
    const response = await deps.bot.handle({ type: 'installed', actor, ...(installation.team?.name ? { workspaceName: installation.team.name } : {}) });
    const client = new webApi.WebClient(token, interactiveClientOptions(config, deps.logger));
    await deliver(client, { ...response, prompts: undefined }, { userId, replyVia: 'dm' }, deps.logger);
  }

  return {
    mode: socket ? 'socket' : 'http',
    app,
    async start() {
        if (oauth) {
        // No token of its own to check: each workspace's comes from its install.
        await app.init();
        deps.logger.info(`slack: listening at POST ${SLACK_EVENTS_PATH}, installs at GET ${SLACK_INSTALL_PATH}`);
        return;
      }
      try {
        await app.init();
      } catch (error) {
        const failure = toPlatformError(error, 'auth.test');
        // A refused token is Slack's answer (invalid_auth, account_inactive…); no answer, or a 5xx,
        // is the network or Slack itself, and the token may be fine.
        if (failure.details.status === undefined || failure.details.status >= 500) {
          throw new PlatformError('platform_error', `Could not reach Slack to check SLACK_BOT_TOKEN (${failure.message}). Check this machine can reach ${config.apiUrl ?? 'slack.com'} (network, proxy, firewall), then start again.`, { retryable: true, cause: failure });
        }
        throw new ConfigError('config_invalid', `Slack did not accept SLACK_BOT_TOKEN (${failure.message}).`, { cause: failure });
      }
      if (socket) await app.start();
      deps.logger.info(socket ? 'slack: connected over Socket Mode' : `slack: listening at POST ${SLACK_EVENTS_PATH}`);
    },
    idle: () => work.idle(),
    async stop() {
      if (socket) await app.stop().catch(() => undefined);
      // Let acked events finish (they were promised an answer), but never hang a shutdown on them.
      await Promise.race([work.idle(), new Promise((r) => setTimeout(r, 5_000).unref())]);
    },
  };
}

function oauthStore(deps: SlackAdapterDeps): InstallationStore {
  if (!deps.installations) throw new ConfigError('config_invalid', 'Slack OAuth needs the installation store.');
  return deps.installations;
}
