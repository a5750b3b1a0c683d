// Where the assistant can reach each Teams user: their 1:1 conversation reference (captured on
// install and on every personal message) and, per tenant, the service URL to create one from.

import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Store } from '../../bot/ports/store.js';

/** What is kept per tenant (and as `tenant:last`) to open a 1:1 chat with someone never seen. */
export interface TenantRoute {
  serviceUrl: string;
  tenantId: string;
  /** The bot's own Teams id (28:…), as Teams addressed it. */
  botId: string;
}

/** The user id the project uses for a Teams person: their Azure AD object id. */
export function teamsUserId(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId || activity.from?.id || 'unknown';
}

/** The tenant an activity came from. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id || activity.conversation?.tenantId || undefined;
}

export function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal' || (!activity.conversation?.isGroup && !activity.conversation?.conversationType);
}

/** Remembers how to reach the sender: their 1:1 reference when this is a personal chat, and the tenant route. */
export async function rememberConversation(store: Store, activity: Activity): Promise<void> {
  const tenantId = tenantOf(activity);
  const writes: Promise<void>[] = [];
  if (activity.serviceUrl && tenantId && activity.recipient?.id) {
    const route: TenantRoute = { serviceUrl: activity.serviceUrl, tenantId, botId: activity.recipient.id };
    writes.push(store.saveConversationRef('teams', `tenant:${tenantId}`, route));
    writes.push(store.saveConversationRef('teams', 'tenant:last', route));
  }
  if (isPersonal(activity) && activity.from) {
    const reference = TurnContext.getConversationReference(activity);
    writes.push(store.saveConversationRef('teams', teamsUserId(activity), { ...reference, activityId: undefined }));
  }
  await Promise.all(writes);
}

/** The stored 1:1 reference for a user, if any. */
export async function personalReference(store: Store, userId: string): Promise<Partial<ConversationReference> | undefined> {
  const ref = (await store.getConversationRef('teams', userId)) as Partial<ConversationReference> | undefined;
  return ref?.conversation?.id && ref.serviceUrl ? ref : undefined;
}

/** The route for a tenant, else the last one seen. */
export async function tenantRoute(store: Store, tenantId: string | undefined): Promise<TenantRoute | undefined> {
  const exact = tenantId ? ((await store.getConversationRef('teams', `tenant:${tenantId}`)) as TenantRoute | undefined) : undefined;
  return exact ?? ((await store.getConversationRef('teams', 'tenant:last')) as TenantRoute | undefined);
}
