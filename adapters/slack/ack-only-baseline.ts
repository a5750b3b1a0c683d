// The benchmark's baseline: a bare Bolt app that verifies, acknowledges every event and does
// nothing else. It lives here because every Slack SDK import stays in adapters/slack/.

import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../bot/ports/logger.js';
import type { SlackConfig } from '../config.js';
import { toSlackLogger } from './web-client.js';

/** Starts the ack-only app on 127.0.0.1 (port 0); resolves its events URL and a way to stop it. */
export async function startAckOnlySlackApp(config: SlackConfig): Promise<{ url: string; close: () => Promise<void> }> {
  const web = express();
  const logger = toSlackLogger(silentLogger);
  const receiver = new ExpressReceiver({ signingSecret: config.signingSecret, app: web, logger });
  const app = new App({ token: config.botToken, receiver, logger, clientOptions: { slackApiUrl: config.apiUrl }, convoStore: false, deferInitialization: true });
  app.event('message', async () => {});
  await app.init();
  const server: Server = await new Promise((resolve) => {
    const s = web.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
