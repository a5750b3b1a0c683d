// The Teams activity handler: a teams-ai Application whose routes turn activities into the core's
// events and play out its responses. Each activity is handled once (Teams retries reuse the id),
// the sender's conversation is remembered, and answers leave well inside Teams' 15 s window.

import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, MemoryStorage, TurnContext } from 'botbuilder';
import type { Bot } from '../../bot/bot.js';
import type { BotResponse, InboundEvent } from '../../bot/events.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import { textReply } from '../../bot/reply.js';
import { toActivity } from './activities.js';
import { defaultRetry, withConnectorRetry, type RetryOptions } from './connector-retry.js';
import { createConversationRecorder } from './conversation-refs.js';
import { answerInvoke, deliverResponse, type DeliverDeps } from './deliver-response.js';
import { createFormMemory } from './form-memory.js';
import { actorOf, eventOf, whereOf, type SchoolLookup } from './inbound-event.js';
import type { TeamsConnection } from './teams-connection.js';
import type { TeamsNotifier } from './teams-notifier.js';

export interface TeamsAppDeps {
  bot: Bot;
  store: Store;
  directory: SchoolLookup;
  logger: Logger;
  notifier: TeamsNotifier;
  retry?: RetryOptions;
  /** How long the core may take before the user is told the answer will follow (ms). */
  deadlineMs?: number;
}

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a minute.';
const STILL_WORKING = 'This is taking longer than usual. I will post the answer here as soon as it is ready.';

/** Builds the Application; run it with `connection.adapter.process(req, res, (c) => app.run(c))`. */
export function createTeamsApp(connection: TeamsConnection, deps: TeamsAppDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: connection.adapter,
    botAppId: connection.appId,
    // teams-ai keeps only its own turn state here; the assistant's data lives in the project Store.
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const conversations = createConversationRecorder(deps.store, undefined, connection.authenticated);
  const deliver: DeliverDeps = { notifier: deps.notifier, forms: createFormMemory(deps.store), logger: deps.logger, retry: deps.retry ?? defaultRetry };

  const welcome = async (context: TurnContext) => {
    await remember(context);
    const added = context.activity.membersAdded;
    if (added && !added.some((m) => m.id === context.activity.recipient.id)) return;
    if (!(await deps.store.claimEvent(`teams:welcome:${context.activity.conversation.id}`))) return;
    // The greeting names the school the tenant is served as, with its suggested questions to press.
    const opened = await deps.bot.handle({ type: 'open', actor: actorOf(context.activity, deps.directory), where: whereOf(context.activity) });
    for (const reply of opened.replies) await withConnectorRetry('the welcome card', () => context.sendActivity(toActivity(reply)), deliver.retry);
  };
  app.conversationUpdate('membersAdded', welcome);
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    if (String(context.activity.action ?? '').startsWith('add')) await welcome(context);
  });
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => handleTurn(context),
    true,
  );
  app.activity(ActivityTypes.Message, async (context) => handleTurn(context));

  async function remember(context: TurnContext): Promise<void> {
    await conversations.remember(context.activity).catch((error) =>
      deps.logger.warn('teams: could not store the conversation reference', { error: (error as Error).message }),
    );
  }

  async function handleTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const isInvoke = activity.type === ActivityTypes.Invoke;
    if (activity.id && !(await deps.store.claimEvent(`teams:${activity.conversation.id}:${activity.id}`))) {
      // NOTE: Teams re-sends an activity it thinks went unanswered; the first delivery did the work.
      if (isInvoke) await answerInvoke(context, undefined, 'Already done.');
      return;
    }
    await remember(context);
    const event = eventOf(activity, deps.directory);
    if (!event) {
      if (isInvoke) await answerInvoke(context, undefined, 'This card is out of date. Please ask again.');
      return;
    }
    const response = await handleWithDeadline(context, event);
    if (response) await deliverResponse(context, event, response, deliver);
  }

  /** The core's response, or undefined when it is late (it then follows proactively). */
  async function handleWithDeadline(context: TurnContext, event: InboundEvent): Promise<BotResponse | undefined> {
    const handling = deps.bot.handle(event).catch((error: unknown) => {
      deps.logger.error('teams: the core failed on an event', { error: (error as Error).message, type: event.type });
      return { replies: [textReply(APOLOGY)], direct: [] } as BotResponse;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deps.deadlineMs ?? 10_000);
    });
    const first = await Promise.race([handling, late]);
    clearTimeout(timer);
    if (first !== 'late') return first;
    deps.logger.warn('teams: the core is slow; answering later', { type: event.type });
    if (context.activity.type === ActivityTypes.Invoke) await answerInvoke(context, undefined, STILL_WORKING);
    else await context.sendActivity(toActivity(textReply(STILL_WORKING)));
    const reference = TurnContext.getConversationReference(context.activity);
    void handling.then((response) =>
      connection.adapter
        // NOTE: the original turn context is revoked once its HTTP request has been answered.
        .continueConversationAsync(connection.appId, reference, async (later) => deliverResponse(later, event, response, deliver))
        .catch((error) => deps.logger.error('teams: late answer could not be sent', { error: (error as Error).message })),
    );
    return undefined;
  }

  return app;
}
