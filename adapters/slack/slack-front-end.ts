// Slack as one front end of the composition root: the notifier exists first (the core needs it
// when it is built), then start(bot, http) mounts the app on the shared server and checks the token.
// With OAuth (SLACK_CLIENT_ID), installations live in the store and each workspace has its own token.

import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { SlackConfig } from '../config.js';
import type { ConfiguredDirectory } from '../directory.js';
import type { PlatformFrontEnd } from '../front-end.js';
import { createSlackAdapter, type SlackAdapter } from './app.js';
import { createSlackNotifier } from './notifier.js';
import { slackInstallations } from './oauth.js';
import { createNotifierClient } from './web-client.js';

/** The Slack front end: main.ts's PlatformFrontEnd, named. */
export type SlackFrontEnd = PlatformFrontEnd & { name: 'slack' };

/** Builds the Slack front end from SLACK_* config and the shared store, directory and logger. */
export function createSlackFrontEnd(
  config: SlackConfig,
  deps: { store: Store; directory: Pick<ConfiguredDirectory, 'schoolFor' | 'mappedSchool'>; logger: Logger },
): SlackFrontEnd {
  const isMapped = (teamId: string) => deps.directory.mappedSchool('slack', teamId) !== undefined;
  const installations = config.oauth ? slackInstallations(config.oauth, { store: deps.store, isMapped }) : undefined;
  const tokenFor = installations
    ? async (teamId: string | undefined) => {
        const installation = await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        if (!installation.bot?.token) throw new Error('its installation has no bot token');
        return installation.bot.token;
      }
    : undefined;
  const notifier = createSlackNotifier(createNotifierClient(config, deps.logger), { tokenFor });
  // With OAuth a workspace BOT_CONFIG does not map has no school until a head confirms it (never the default school).
  const schoolFor = installations ? (teamId: string | undefined) => deps.directory.mappedSchool('slack', teamId) ?? '' : (teamId: string | undefined) => deps.directory.schoolFor('slack', teamId);
  let adapter: SlackAdapter | undefined;
  return {
    name: 'slack',
    notifier,
    async start(bot, http) {
      adapter = createSlackAdapter(config, { bot, store: deps.store, schoolFor, logger: deps.logger, express: http, installations, isMapped });
      await adapter.start();
    },
    async stop() {
      await adapter?.stop();
    },
  };
}
