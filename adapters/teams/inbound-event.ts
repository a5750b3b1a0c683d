// A Teams activity as the core's inbound event: who acts (Azure AD object id, tenant → school),
// where (1:1 chat or a channel / group chat), and what (text with the @mention removed, a button's
// Action, or a submitted form). Pure apart from the directory lookup.

import type { Activity } from 'botbuilder';
import type { Actor, InboundEvent, Where } from '../../bot/events.js';
import type { Platform } from '../../bot/people.js';
import { decodeSubmission } from './card-actions.js';
import { isPersonal, teamsUserId, tenantOf } from './conversation-refs.js';

/** The school a tenant belongs to (adapters/directory.ts `schoolFor`). */
export interface SchoolLookup {
  schoolFor(platform: Platform, tenant?: string): string;
}

/** The actor of an activity. */
export function actorOf(activity: Partial<Activity>, directory: SchoolLookup): Actor {
  const tenant = tenantOf(activity);
  return {
    platform: 'teams',
    userId: teamsUserId(activity),
    ...(activity.from?.name ? { name: activity.from.name } : {}),
    ...(tenant ? { tenant } : {}),
    school: directory.schoolFor('teams', tenant),
  };
}

export function whereOf(activity: Partial<Activity>): Where {
  return isPersonal(activity) ? 'dm' : 'channel';
}

/**
 * The event an activity carries, or undefined when it carries none (an empty message, a card
 * value this bot did not send). `text` must already have the bot's mention removed.
 */
export function eventOf(activity: Partial<Activity>, directory: SchoolLookup): InboundEvent | undefined {
  const actor = actorOf(activity, directory);
  const where = whereOf(activity);
  const conversation = activity.conversation?.id;
  if (activity.type === 'invoke') {
    const value = activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
    return fromSubmission(decodeSubmission(value?.action?.verb, value?.action?.data), actor, where, conversation);
  }
  if (activity.type !== 'message') return undefined;
  if (activity.value && typeof activity.value === 'object' && !activity.text?.trim()) {
    // NOTE: an Action.Submit arrives as a message with no text and the card's data as `value`.
    return fromSubmission(decodeSubmission(undefined, activity.value), actor, where, conversation);
  }
  const text = normaliseText(activity.text ?? '');
  return text ? { type: 'message', actor, text, where, ...(conversation ? { conversation } : {}) } : undefined;
}

function fromSubmission(submission: ReturnType<typeof decodeSubmission>, actor: Actor, where: Where, conversation?: string): InboundEvent | undefined {
  if (!submission) return undefined;
  if (submission.kind === 'action') return { type: 'action', actor, action: submission.action, where, ...(conversation ? { conversation } : {}) };
  return { type: 'form', actor, formId: submission.formId, values: submission.values, ...(submission.context ? { context: submission.context } : {}) };
}

/** Text as typed: other people's mentions (`<at>Name</at>`) keep the name; whitespace tidied. */
export function normaliseText(text: string): string {
  return text
    .replace(/<at>([^<]*)<\/at>/gi, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
