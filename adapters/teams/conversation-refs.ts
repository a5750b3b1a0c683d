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

/** Remembers how to reach each sender; writes only what changed since this process last wrote it. */
export interface ConversationRecorder {
  remember(activity: Activity): Promise<void>;
}

/**
 * Records the sender's 1:1 reference (personal chats) and their tenant's route, skipping repeats.
 * `trusted` is false when activities are not authenticated: then nothing already stored is ever
 * replaced, so a forged activity cannot re-point a head's or DSL's chat, or a tenant's route.
 */
export function createConversationRecorder(store: Store, limit = 10_000, trusted = true): ConversationRecorder {
  const written = new Map<string, string>();
  const save = async (key: string, value: unknown) => {
    const json = JSON.stringify(value);
    if (written.get(key) === json) return;
    if (!trusted && (await store.getConversationRef('teams', key)) !== undefined) return;
    await store.saveConversationRef('teams', key, value);
    written.delete(key);
    written.set(key, json);
    if (written.size > limit) written.delete(written.keys().next().value as string);
  };
  return {
    async remember(activity) {
      const tenantId = tenantOf(activity);
      const writes: Promise<void>[] = [];
      if (activity.serviceUrl && tenantId && activity.recipient?.id) {
        const route: TenantRoute = { serviceUrl: activity.serviceUrl, tenantId, botId: activity.recipient.id };
        writes.push(save(`tenant:${tenantId}`, route), save('tenant:last', route));
      }
      if (isPersonal(activity) && activity.from) {
        const { activityId: _ignored, ...reference } = TurnContext.getConversationReference(activity);
        writes.push(save(teamsUserId(activity), reference));
      }
      await Promise.all(writes);
    },
  };
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
