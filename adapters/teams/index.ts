// The Teams adapter's front door for the composition root: the notifier the core needs at
// construction, then the handler mounted on the shared HTTP server once the core exists.

import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import type { Bot } from '../../bot/bot.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { TeamsConfig } from '../config.js';
import type { RetryOptions } from './connector-retry.js';
import type { SchoolLookup } from './inbound-event.js';
import { createTeamsApp } from './teams-app.js';
import { createTeamsConnection, type TeamsConnection } from './teams-connection.js';
import { createTeamsNotifier, type TeamsNotifier } from './teams-notifier.js';

export { createTeamsConnection, type TeamsConnection } from './teams-connection.js';
export { createTeamsNotifier, type TeamsNotifier } from './teams-notifier.js';
export { createTeamsApp } from './teams-app.js';

/** The route Teams posts activities to. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsOptions {
  config: TeamsConfig;
  store: Store;
  directory: SchoolLookup;
  logger: Logger;
  /** Where to create chats before any activity from the tenant was seen (tests: the fake connector). */
  defaultServiceUrl?: string;
  retry?: RetryOptions;
  deadlineMs?: number;
}

/** Teams, in two steps: `notifier` for createBot, then `mount(app, bot)` on the shared server. */
export interface TeamsAdapterHandle {
  connection: TeamsConnection;
  notifier: TeamsNotifier;
  mount(app: Express, bot: Bot): void;
}

/** Builds the connection and the notifier; the handler is mounted later, once the bot exists. */
export function createTeams(options: TeamsOptions): TeamsAdapterHandle {
  const connection = createTeamsConnection(options.config, options.logger);
  const notifier = createTeamsNotifier(connection, {
    store: options.store,
    logger: options.logger,
    ...(options.defaultServiceUrl ? { defaultServiceUrl: options.defaultServiceUrl } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return {
    connection,
    notifier,
    mount(app, bot) {
      const teamsApp = createTeamsApp(connection, { ...options, bot, notifier });
      // NOTE: JSON body parsing on this route only; Slack's route needs the raw body.
      app.post(
        TEAMS_MESSAGES_PATH,
        express.json({ limit: '1mb' }),
        async (req: Request, res: Response) => {
          const tokenProblem = connection.authenticated ? bearerTokenProblem(req.headers.authorization) : undefined;
          if (tokenProblem) {
            // Refused here so a request that cannot be a Bot Framework token never reaches the SDK
            // (which would log it to the console, or try to fetch signing keys for it).
            options.logger.warn('teams: refused a request without a usable token', { problem: tokenProblem, ip: req.ip });
            res.status(401).end();
            return;
          }
          const problem = activityProblem(req.body) ?? (connection.authenticated ? undefined : unauthenticatedProblem(req.body));
          if (problem) {
            options.logger.warn('teams: refused a malformed activity', { problem, ip: req.ip });
            res.status(400).json({ error: `Not a Bot Framework activity: ${problem}.` });
            return;
          }
          try {
            await connection.adapter.process(req as unknown as BotRequest, withoutInternals(res, options.logger), async (context) => {
              await teamsApp.run(context);
            });
          } catch (error) {
            options.logger.error('teams: an activity could not be processed', { error: (error as Error).message });
            if (!res.headersSent) res.status(400).json({ error: 'The activity could not be processed.' });
          }
        },
        // A body that is not JSON: a short answer, never express's default page with a stack trace.
        (error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
          options.logger.warn('teams: refused a request body', { error: error.message });
          res.status(error.status && error.status < 500 ? error.status : 400).json({ error: 'The request body is not a JSON activity.' });
        },
      );
      options.logger.info('teams: listening for activities', { path: TEAMS_MESSAGES_PATH });
    },
  };
}

/** Why an Authorization header cannot hold a Bot Framework token (RS256-signed JWT), or undefined. */
export function bearerTokenProblem(header: string | undefined): string | undefined {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(header ?? '');
  if (!m) return header ? 'not a bearer JWT' : 'no Authorization header';
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  } catch {
    return 'its header is not JSON';
  }
  // NOTE: Bot Framework and Entra ID sign with RS256; `none` and HMAC tokens are forgeries.
  return alg === 'RS256' ? undefined : `alg ${JSON.stringify(alg)} is not RS256`;
}

/**
 * Without authentication anyone can post an activity, so only a local Bot Connector (the Bot
 * Framework Emulator, a test's fake) may be answered: a remote serviceUrl could point replies at an
 * attacker's host, or hold the request while it times out.
 */
export function unauthenticatedProblem(body: unknown): string | undefined {
  const url = (body as { serviceUrl?: unknown }).serviceUrl;
  if (url === undefined) return undefined;
  try {
    const host = new URL(String(url)).hostname;
    return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(host) ? undefined : 'without MICROSOFT_APP_ID only a local serviceUrl is answered';
  } catch {
    return 'its serviceUrl is not a URL';
  }
}

/** The response as the SDK writes it, but an error status goes out with a short body, never the SDK's message. */
function withoutInternals(res: Response, logger: Logger): BotResponse {
  let status = 200;
  return {
    socket: res.socket,
    header: (name: string, value: unknown) => void res.header(name, value as string),
    status: (code: number) => void res.status((status = code)),
    send: (body?: unknown) => {
      if (status < 400) return void res.send(body);
      logger.warn('teams: the SDK refused an activity', { status, detail: typeof body === 'string' ? body.slice(0, 200) : undefined });
      if (status >= 500) res.json({ error: 'The activity could not be processed.' });
    },
    end: () => void (res.writableEnded || res.end()),
  } as unknown as BotResponse;
}

/**
 * What is wrong with a posted body as an activity, or undefined when it has what the handler reads:
 * a type and, for messages and invokes, who sent it, in which conversation and where to answer.
 */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const a = body as { type?: unknown; from?: { id?: unknown }; conversation?: { id?: unknown }; serviceUrl?: unknown };
  if (typeof a.type !== 'string' || a.type === '') return 'it has no type';
  if (a.type !== 'message' && a.type !== 'invoke') return undefined;
  if (typeof a.from?.id !== 'string' || a.from.id === '') return 'it has no from.id';
  if (typeof a.conversation?.id !== 'string' || a.conversation.id === '') return 'it has no conversation.id';
  if (typeof a.serviceUrl !== 'string' || a.serviceUrl === '') return 'it has no serviceUrl';
  return undefined;
}
