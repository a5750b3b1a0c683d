// Slack as one front end of the composition root: the notifier exists first (the core needs it
// when it is built), then start(bot, http) mounts the app on the shared server and checks the token.

import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { SlackConfig } from '../config.js';
import type { ConfiguredDirectory } from '../directory.js';
import type { PlatformFrontEnd } from '../front-end.js';
import { createSlackAdapter, type SlackAdapter } from './app.js';
import { createSlackNotifier } from './notifier.js';
import { createNotifierClient } from './web-client.js';

/** The Slack front end: main.ts's PlatformFrontEnd, named. */
export type SlackFrontEnd = PlatformFrontEnd & { name: 'slack' };

/** Builds the Slack front end from SLACK_* config and the shared store, directory and logger. */
export function createSlackFrontEnd(
  config: SlackConfig,
  deps: { store: Store; directory: Pick<ConfiguredDirectory, 'schoolFor'>; logger: Logger },
): SlackFrontEnd {
  const notifier = createSlackNotifier(createNotifierClient(config, deps.logger));
  let adapter: SlackAdapter | undefined;
  return {
    name: 'slack',
    notifier,
    async start(bot, http) {
      adapter = createSlackAdapter(config, {
        bot,
        store: deps.store,
        schoolFor: (teamId) => deps.directory.schoolFor('slack', teamId),
        logger: deps.logger,
        express: http,
      });
      await adapter.start();
    },
    async stop() {
      await adapter?.stop();
    },
  };
}
