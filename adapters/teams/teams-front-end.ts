// Teams as one front end of the composition root: the notifier exists first (the core needs it when
// it is built), then start(bot, http) mounts POST /api/messages on the shared server.

import type { Express } from 'express';
import type { Bot } from '../../bot/bot.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Notifier } from '../../bot/ports/notifier.js';
import type { Store } from '../../bot/ports/store.js';
import type { TeamsConfig } from '../config.js';
import type { ConfiguredDirectory } from '../directory.js';
import { createTeams } from './index.js';

/** The shape main.ts's PlatformFrontEnd expects. */
export interface TeamsFrontEnd {
  name: 'teams';
  notifier: Notifier;
  start(bot: Bot, http: Express): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Teams front end from the MICROSOFT_APP_* config and the shared store, directory and logger. */
export function createTeamsFrontEnd(
  config: TeamsConfig,
  deps: { store: Store; directory: Pick<ConfiguredDirectory, 'schoolFor'>; logger: Logger },
): TeamsFrontEnd {
  const teams = createTeams({ config, store: deps.store, directory: deps.directory, logger: deps.logger });
  return {
    name: 'teams',
    notifier: teams.notifier,
    async start(bot, http) {
      teams.mount(http, bot);
    },
    // Nothing of its own to close: the shared HTTP server stops the route.
    async stop() {},
  };
}
