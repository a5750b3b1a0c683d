// What every chat platform's front end gives the composition root: its notifier goes into the
// core first, then it is started with the bot on the shared HTTP server.

import type { Express } from 'express';
import type { Bot } from '../bot/bot.js';
import type { Notifier } from '../bot/ports/notifier.js';

export interface PlatformFrontEnd {
  name: string;
  notifier: Notifier;
  start(bot: Bot, http: Express): Promise<void>;
  stop(): Promise<void>;
}
