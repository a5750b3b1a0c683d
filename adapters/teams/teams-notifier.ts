// The Notifier port for Teams: direct messages to heads, DSLs and reporters through their stored
// 1:1 conversation, or a 1:1 conversation created in their tenant when they were never seen.
// Every failure leaves as a PlatformError; the core's delivery queue records and retries it.

import type { ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { PlatformError } from '../../bot/errors.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Notifier } from '../../bot/ports/notifier.js';
import type { Store } from '../../bot/ports/store.js';
import type { PersonRef } from '../../bot/people.js';
import type { Reply } from '../../bot/reply.js';
import { toActivity, type OutgoingActivity } from './activities.js';
import { defaultRetry, withConnectorRetry, type RetryOptions } from './connector-retry.js';
import { personalReference, tenantRoute } from './conversation-refs.js';
import type { TeamsConnection } from './teams-connection.js';

export interface TeamsNotifierOptions {
  store: Store;
  logger: Logger;
  /** Used to create a chat when no route for the tenant has been seen yet (Teams' global URL by default). */
  defaultServiceUrl?: string;
  retry?: RetryOptions;
}

/** Teams' public service URL, valid for creating conversations in any commercial tenant. */
export const TEAMS_GLOBAL_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Sends and updates direct messages; extra `sendActivity` for the handler's moved-to-DM replies. */
export interface TeamsNotifier extends Notifier {
  sendActivity(to: PersonRef, activity: OutgoingActivity): Promise<{ messageId: string }>;
}

/** Builds the notifier; it shares the connection (CloudAdapter) with the activity handler. */
export function createTeamsNotifier(connection: TeamsConnection, options: TeamsNotifierOptions): TeamsNotifier {
  const { store, logger } = options;
  const retry = options.retry ?? defaultRetry;

  async function reference(to: PersonRef): Promise<Partial<ConversationReference>> {
    return (await personalReference(store, to.userId)) ?? (await createPersonalChat(to));
  }

  async function createPersonalChat(to: PersonRef): Promise<Partial<ConversationReference>> {
    const tenantId = to.tenant ?? connection.tenantId ?? (await tenantRoute(store, undefined))?.tenantId;
    if (!tenantId) {
      throw new PlatformError('platform_unreachable_user', `No Teams tenant is known for ${to.userId}: set MICROSOFT_APP_TENANT_ID or BOT_CONFIG, or ask them to message the assistant once.`, { retryable: true });
    }
    const route = await tenantRoute(store, tenantId);
    const serviceUrl = route?.serviceUrl ?? options.defaultServiceUrl ?? TEAMS_GLOBAL_SERVICE_URL;
    const botId = route?.botId ?? `28:${connection.appId}`;
    const parameters = {
      isGroup: false,
      bot: { id: botId, name: '' },
      members: [{ id: to.userId, name: to.name ?? '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let created: Partial<ConversationReference> | undefined;
    await withConnectorRetry('creating a Teams chat', () =>
      surfaceErrors((logic) => connection.adapter.createConversationAsync(connection.appId, 'msteams', serviceUrl, undefined as unknown as string, parameters, logic), async (context: TurnContext) => {
        const activity = context.activity;
        created = {
          channelId: 'msteams',
          serviceUrl,
          bot: { id: botId, name: '' },
          user: { id: to.userId, name: to.name ?? '', aadObjectId: to.userId },
          conversation: { id: activity.conversation.id, conversationType: 'personal', isGroup: false, tenantId, name: '' },
        };
      }),
      retry,
    );
    if (!created) throw new PlatformError('platform_error', `Teams created no chat for ${to.userId}.`, { retryable: true });
    await store.saveConversationRef('teams', to.userId, created);
    logger.info('teams: created a 1:1 chat', { userId: to.userId, tenantId });
    return created;
  }

  async function sendActivity(to: PersonRef, activity: OutgoingActivity): Promise<{ messageId: string }> {
    const ref = await reference(to);
    let messageId = '';
    await withConnectorRetry('a Teams direct message', () =>
      surfaceErrors((logic) => connection.adapter.continueConversationAsync(connection.appId, ref, logic), async (context: TurnContext) => {
        const sent = await context.sendActivity(activity);
        messageId = sent?.id ?? '';
      }),
      retry,
    );
    return { messageId };
  }

  return {
    platform: 'teams',
    sendActivity,
    sendDirect: (to: PersonRef, reply: Reply) => sendActivity(to, toActivity(reply)),
    async updateDirect(to: PersonRef, messageId: string, reply: Reply): Promise<void> {
      const ref = await personalReference(store, to.userId);
      if (!ref) throw new PlatformError('not_found', `No Teams chat is stored for ${to.userId}, so message ${messageId} cannot be updated.`, { retryable: false });
      await withConnectorRetry('updating a Teams message', () =>
        surfaceErrors((logic) => connection.adapter.continueConversationAsync(connection.appId, ref, logic), async (context: TurnContext) => {
          await context.updateActivity({ ...toActivity(reply), id: messageId });
        }),
        retry,
      );
    },
  };
}

/**
 * Runs a proactive turn and rethrows what failed inside it.
 * NOTE: the adapter hands errors thrown in turn logic to `onTurnError` instead of rejecting, so a
 * failed proactive send would otherwise look like a success.
 */
async function surfaceErrors(run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | undefined;
  await run(async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}
