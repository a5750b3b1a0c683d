// Test harness: the real Teams adapter (CloudAdapter + teams-ai Application) on the shared express
// server on a real port, a fake Bot Connector, and activity builders shaped as Teams posts them.

import { randomUUID } from 'node:crypto';
import type { Bot } from '../../../bot/bot.js';
import type { Logger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import type { TeamsConfig } from '../../../adapters/config.js';
import { createHttpServer, type HttpServer } from '../../../adapters/http/server.js';
import { createTeams, type TeamsAdapterHandle } from '../../../adapters/teams/index.js';
import type { RetryOptions } from '../../../adapters/teams/connector-retry.js';
import type { SchoolLookup } from '../../../adapters/teams/inbound-event.js';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT_ID = '28:fake-bot-id';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(name: string): TeamsUser {
  return { id: `29:${name.toLowerCase().replace(/\W/g, '')}-teams-id`, aadObjectId: randomUUID(), name };
}

/** A logger that keeps lines for assertions. */
export function recordingLogger(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, ...(fields ? { fields } : {}) });
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

export const fastRetry: RetryOptions = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20, budgetMs: 9000 };

export interface Harness {
  connector: FakeBotConnector;
  server: HttpServer;
  teams: TeamsAdapterHandle;
  baseUrl: string;
  logger: ReturnType<typeof recordingLogger>;
  /** POSTs an activity to /api/messages; resolves the HTTP status and JSON body (invoke responses). */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  store: Store;
  /** The bot; may be given later through `mount` when it needs the notifier first. */
  bot?: Bot;
  config?: Partial<TeamsConfig>;
  schoolFor?: (tenant?: string) => string;
  /** The real directory (tenant → school); else `schoolFor`, else every tenant is cadmus. */
  directory?: SchoolLookup;
  deadlineMs?: number;
}

/** Starts the fake connector and the server; `mount(bot)` when the bot was not given. */
export async function startHarness(options: HarnessOptions): Promise<Harness & { mount(bot: Bot): void }> {
  const connector = await startFakeBotConnector();
  const logger = recordingLogger();
  const server = createHttpServer();
  const teams = createTeams({
    config: { appId: '', appPassword: '', appType: 'MultiTenant', ...options.config },
    store: options.store,
    directory: options.directory ?? { schoolFor: (_platform, tenant) => options.schoolFor?.(tenant) ?? 'cadmus' },
    logger,
    defaultServiceUrl: connector.url,
    retry: fastRetry,
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
  });
  if (options.bot) teams.mount(server.app, options.bot);
  const port = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    connector,
    server,
    teams,
    baseUrl,
    logger,
    mount: (bot) => teams.mount(server.app, bot),
    async post(activity, headers = {}) {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body };
    },
    async close() {
      await server.close();
      await connector.close();
    },
  };
}

let sequence = 0;

interface Where {
  serviceUrl: string;
  conversationId?: string;
  tenant?: string;
}

function base(type: string, user: TeamsUser, where: Where, conversationType: 'personal' | 'channel' | 'groupChat'): Record<string, any> {
  const tenant = where.tenant ?? TENANT;
  const conversationId = where.conversationId ?? `a:personal-${user.aadObjectId}`;
  return {
    type,
    id: `f:activity-${++sequence}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: where.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: BOT_ID, name: 'Policy Assistant' },
    conversation: { id: conversationId, conversationType, tenantId: tenant, ...(conversationType !== 'personal' ? { isGroup: true } : {}) },
    channelData: { tenant: { id: tenant }, ...(conversationType === 'channel' ? { teamsChannelId: '19:general@thread.tacv2', teamsTeamId: '19:team@thread.tacv2', channel: { id: '19:general@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } } : {}) },
    locale: 'en-GB',
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
  };
}

/** A message in the user's 1:1 chat with the bot. */
export function personalMessage(user: TeamsUser, text: string, where: Where): Record<string, any> {
  return { ...base('message', user, where, 'personal'), text, textFormat: 'plain' };
}

/** A channel message that @mentions the bot, in a thread (conversation id carries `;messageid=`). */
export function channelMention(user: TeamsUser, text: string, where: Where): Record<string, any> {
  const root = `${Date.now()}${++sequence}`;
  const conversationId = where.conversationId ?? `19:general@thread.tacv2;messageid=${root}`;
  const activity = base('message', user, { ...where, conversationId }, 'channel');
  return {
    ...activity,
    text: `<at>Policy Assistant</at> ${text}`,
    textFormat: 'plain',
    entities: [
      ...activity.entities,
      { type: 'mention', text: '<at>Policy Assistant</at>', mentioned: { id: BOT_ID, name: 'Policy Assistant' } },
    ],
  };
}

/** An Action.Execute press (Universal Actions invoke) on the card with id `replyToId`. */
export function executeInvoke(user: TeamsUser, data: Record<string, unknown>, replyToId: string, where: Where): Record<string, any> {
  return {
    ...base('invoke', user, where, 'personal'),
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb: data.verb, data }, trigger: 'manual' },
  };
}

/** An Action.Submit press: a message with no text and the card's data (inputs merged) as value. */
export function submitMessage(user: TeamsUser, value: Record<string, unknown>, replyToId: string, where: Where): Record<string, any> {
  return { ...base('message', user, where, 'personal'), replyToId, value };
}

/** The app installed in the user's personal scope. */
export function installUpdate(user: TeamsUser, where: Where): Record<string, any> {
  return { ...base('conversationUpdate', user, where, 'personal'), membersAdded: [{ id: BOT_ID }, { id: user.id, aadObjectId: user.aadObjectId }] };
}

/** The card data of the first Action.Execute titled `title` found anywhere in a card. */
export function findAction(card: unknown, title: string): Record<string, any> | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = findAction(item, title);
      if (found) return found;
    }
    return undefined;
  }
  if (!card || typeof card !== 'object') return undefined;
  const node = card as Record<string, any>;
  if (node.type === 'Action.Execute' && node.title === title) return node.data;
  for (const value of Object.values(node)) {
    const found = findAction(value, title);
    if (found) return found;
  }
  return undefined;
}

/** The Adaptive Card carried by a recorded activity. */
export function cardOf(body: Record<string, any>): Record<string, any> {
  const attachment = body.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!attachment) throw new Error(`no card in ${JSON.stringify(body).slice(0, 300)}`);
  return attachment.content;
}

/** Every TextBlock text and fact in a card, joined, with Markdown escapes removed. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, any>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'FactSet') for (const f of n.facts ?? []) out.push(`${f.title}: ${f.value}`);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out.join('\n').replace(/\\(.)/g, '$1');
}
