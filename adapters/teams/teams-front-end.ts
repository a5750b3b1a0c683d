// Teams as one front end of the composition root: the notifier exists first (the core needs it when
// it is built), then start(bot, http) mounts POST /api/messages on the shared server.

import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { TeamsConfig } from '../config.js';
import type { ConfiguredDirectory } from '../directory.js';
import type { PlatformFrontEnd } from '../front-end.js';
import { createTeams } from './index.js';

/** The Teams front end: main.ts's PlatformFrontEnd, named. */
export type TeamsFrontEnd = PlatformFrontEnd & { name: 'teams' };

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
