// A bare CloudAdapter echo bot: the baseline `npm run bench` measures the Teams adapter against
// (same HTTP server, same fake connector). Kept here so every botbuilder import stays in this folder.

import express, { type Express } from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';

/** Mounts an unauthenticated echo bot at `path` (local benchmarking only). */
export function mountEchoBot(app: Express, path: string): void {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  app.post(path, express.json(), async (req, res) => {
    await adapter.process(req as unknown as Request, res as unknown as Response, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
}
