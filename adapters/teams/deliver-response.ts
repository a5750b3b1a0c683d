// The core's BotResponse played out in one Teams turn: replies in the conversation (the thread, for
// a channel mention), private things moved to the 1:1 chat, forms as cards, the pressed card
// updated in place, and for an Action.Execute invoke the card (or banner text) to answer with.

import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { BotResponse, InboundEvent } from '../../bot/events.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { FormSpec, Reply } from '../../bot/reply.js';
import { CARD_CONTENT_TYPE, renderCard, type CardElement } from './adaptive-cards.js';
import { cardAttachment, toActivity, type OutgoingActivity } from './activities.js';
import { withConnectorRetry, type RetryOptions } from './connector-retry.js';
import { fitCard } from './card-size.js';
import { renderFormElements } from './form-card.js';
import type { FormMemory } from './form-memory.js';
import type { TeamsNotifier } from './teams-notifier.js';

export interface DeliverDeps {
  notifier: TeamsNotifier;
  forms: FormMemory;
  logger: Logger;
  retry: RetryOptions;
}

/** Plays a response out; for an invoke it also answers the invoke (always, so Teams never shows an error). */
export async function deliverResponse(context: TurnContext, event: InboundEvent, response: BotResponse, deps: DeliverDeps): Promise<void> {
  const isInvoke = context.activity.type === ActivityTypes.Invoke;
  const inDm = !('where' in event) || event.where === 'dm';
  const pressedCard = context.activity.replyToId;
  const here = async (reply: Reply | OutgoingActivity) => send(context, isReply(reply) ? toActivity(reply) : reply, deps.retry);
  const toActor = async (activity: OutgoingActivity) => {
    if (inDm) await send(context, activity, deps.retry);
    else await deps.notifier.sendActivity(event.actor, activity);
  };

  // The card that replaces the one pressed: the form with its errors, the updated message, a form
  // the action opened, or (for a submitted form) the first message back, e.g. the confirmation.
  const replacement = await replacementCard(event, response, deps);
  const formInPlace = replacement !== undefined && !response.update && !response.formErrors;
  let { replies, direct } = response;
  if (response.form) {
    // NOTE: Teams has no modal: the card is the form, so the core's typed fallback for the same form
    // (the first question as a DM, "Type: note …") is not sent; a channel still hears where it went.
    direct = [];
    if (inDm) replies = [];
  }
  let card = replacement;
  if (!card && event.type === 'form' && pressedCard && !response.formErrors) {
    if (replies.length > 0) [card, replies] = [renderCard(replies[0]), replies.slice(1)];
    else if (direct.length > 0) [card, direct] = [renderCard(direct[0]), direct.slice(1)];
  }

  if (card && pressedCard) {
    await updateCard(context, pressedCard, card, deps).catch((error) => deps.logger.warn('teams: card update failed', { error: (error as Error).message }));
  }
  if (isInvoke) {
    // An invoke answers with the refreshed card, or else a banner; a note beside a card is a message.
    await answerInvoke(context, card, response.ephemeral?.text ?? 'Done.');
    if (card && response.ephemeral) await toActor(toActivity(response.ephemeral));
  } else if (response.ephemeral) {
    await toActor(toActivity(response.ephemeral));
  } else if (card && !pressedCard) {
    await here({ type: 'message', attachments: [cardAttachment(card)] });
  }

  for (const reply of replies) await here(reply);
  if (response.form && !formInPlace && !response.formErrors) {
    await rememberForm(event, response.form, deps);
    await toActor(formActivity(response.form));
    if (!inDm && replies.length === 0) {
      await here({ type: 'message', text: "I've sent you a private message to take this further.", textFormat: 'plain' });
    }
  }
  for (const reply of direct) await toActor(toActivity(reply));
}

/** The card to show in place of the pressed one, if the response calls for one. */
async function replacementCard(event: InboundEvent, response: BotResponse, deps: DeliverDeps): Promise<CardElement | undefined> {
  if (event.type === 'form' && response.formErrors) {
    const spec = response.form ?? (await deps.forms.recall(event.actor.userId, event.formId).catch(() => undefined));
    // The submitted card's own context (the escalation ref) wins over the remembered form's: the
    // person may have opened another form of the same kind since.
    const context = event.context ?? spec?.context;
    if (spec) return formCard({ ...spec, values: { ...spec.values, ...event.values }, errors: response.formErrors, ...(context ? { context } : {}) });
    return renderCard({ text: 'Please check the form.', blocks: [{ kind: 'fields', fields: Object.entries(response.formErrors).map(([label, value]) => ({ label, value })) }] });
  }
  if (response.update) return renderCard(response.update);
  // A note or outcome form asked for by an escalation button replaces that card; the report form does not.
  if (event.type === 'action' && response.form && response.form.id !== 'report') {
    await rememberForm(event, response.form, deps);
    return formCard(response.form);
  }
  return undefined;
}

/** Keeps the form for a redraw with errors; a store failure only costs the redraw (a plain list instead). */
async function rememberForm(event: InboundEvent, form: FormSpec, deps: DeliverDeps): Promise<void> {
  await deps.forms.remember(event.actor.userId, form).catch((error: unknown) =>
    deps.logger.warn('teams: could not keep the form for a redraw', { form: form.id, error: (error as Error).message }),
  );
}

function isReply(value: Reply | OutgoingActivity): value is Reply {
  return Array.isArray((value as Reply).blocks);
}

/** A form as a card of its own. */
export function formCard(form: FormSpec): CardElement {
  return fitCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: form.title,
    msteams: { width: 'Full' },
    body: renderFormElements(form),
  });
}

export function formActivity(form: FormSpec): OutgoingActivity {
  return { type: 'message', summary: form.title, attachments: [cardAttachment(formCard(form))] };
}

async function send(context: TurnContext, activity: OutgoingActivity, retry: RetryOptions): Promise<void> {
  await withConnectorRetry('a Teams reply', () => context.sendActivity(activity), retry);
}

async function updateCard(context: TurnContext, activityId: string, card: CardElement, deps: DeliverDeps): Promise<void> {
  await withConnectorRetry('updating a Teams card', () => context.updateActivity({ type: 'message', id: activityId, attachments: [cardAttachment(card)] }), deps.retry);
}

/** The invoke response: the refreshed card, or a banner message (Universal Actions' two answers). */
export async function answerInvoke(context: TurnContext, card: CardElement | undefined, banner?: string): Promise<void> {
  const body = card
    ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: banner ?? 'Done.' };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
